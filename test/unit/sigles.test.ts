import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { MAYBE_UPPER_RUN, acronyms, isAlone, upperRuns } from '../../server/src/core/rules/sigles';

// upperRuns/acronyms replace global searches with a leading lookbehind (slow in V8): they must
// find exactly what those regular expressions find, on any text.
const REFERENCE_ACRONYM = /(?<![\p{L}\p{N}\-./@_])\p{Lu}{2,}(?![\p{L}\p{N}\-_@]|\.\p{L})/gu;
const REFERENCE_RUN = /(?<![\p{L}\p{N}])\p{Lu}{2,}/gu;

const pieces = ['A', 'B', 'É', 'Œ', 'Ω', 'Ж', 'ß', 'é', 'a', '1', '-', '.', '@', '_', ' ', '(', '\n', '𝐀', '𝐁', '𝑎', 'ǅ', 'Ⅻ', 'ﬀ', '’', '\udc00', '\ud835', 'Þ', '×', 'ÿ', 'È', '…', '–', '\u202f', 'ℂ', '€'];
const texts = fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((parts) => parts.join(''));

const reference = (pattern: RegExp, text: string): [number, string][] => [...text.matchAll(pattern)].map((m) => [m.index, m[0]]);

describe('runs of capitals (sigle-non-defini)', () => {
  it('the candidate runs hold every capital letter (\\p{Lu}) of Unicode', () => {
    const pair = new RegExp(`^${MAYBE_UPPER_RUN.source}$`);
    const missing: string[] = [];
    for (let code = 0; code <= 0x10ffff; code++) {
      if (code >= 0xd800 && code <= 0xdfff) {
        continue;
      }
      const char = String.fromCodePoint(code);
      // Twice: the candidate pattern needs two code units (an astral letter is a pair on its own).
      if (/\p{Lu}/u.test(char) && !pair.test(char.length === 2 ? char : char + char)) {
        missing.push(code.toString(16));
      }
    }
    assert.deepEqual(missing, []);
  });
  it('acronyms() equals the lookbehind regular expression', () => {
    fc.assert(
      fc.property(texts, (text) => {
        assert.deepEqual(acronyms(text).map((r) => [r.index, r.run]), reference(REFERENCE_ACRONYM, text));
      }),
      { numRuns: 3000 },
    );
  });
  it('upperRuns() equals the lookbehind regular expression', () => {
    fc.assert(
      fc.property(texts, (text) => {
        assert.deepEqual(upperRuns(text, /[\p{L}\p{N}]/u).map((r) => [r.index, r.run]), reference(REFERENCE_RUN, text));
      }),
      { numRuns: 3000 },
    );
  });
  it('isAlone() equals stripping white space and marks then comparing', () => {
    const alone = fc.array(fc.constantFrom('DPM', 'A', 'É', '𝐀', ' ', '\n', '*', '_', ':', '.', '-', '–', '—', '\u00a0', '\u202f', 'a', '1', '’'), { maxLength: 12 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(alone, fc.constantFrom('DPM', 'A', 'É', '𝐀', 'AA'), (text, acronym) => {
        assert.equal(isAlone(text, acronym), text.replace(/[\s*_:.\-–—]+/gu, '') === acronym, JSON.stringify(text));
      }),
      { numRuns: 5000 },
    );
  });
});
