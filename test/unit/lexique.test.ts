import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { USER_WORDS, wordStarts, words } from '../../server/src/core/rules/lexique';

// words() finds whole words without a leading lookbehind (slow in V8), and case-insensitive lists
// in the lower-cased text without `i` (slow to compile): on any text, upper case and letters whose
// lower case is longer ("İ") included, it must find exactly what the plain expression finds, with
// the same groups, through every way the rules use it.
const ALTERNATIVES = String.raw`ab|b|é\p{L}*|a b|1|(É)(b)?\S|Ab\u00e9`;
const plain = (flags: string): RegExp => new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${ALTERNATIVES})(?![\p{L}\p{N}])`, flags);
const pieces = ['a', 'b', 'A', 'B', 'é', 'É', '1', ' ', '-', '’', '𝐀', 'ǅ', '\n', 'İ', 'ß', 'ẞ', 'α', '²', 'Ж', '×', '\ud835'];
const texts = fc.array(fc.constantFrom(...pieces), { maxLength: 30 }).map((parts) => parts.join(''));
const all = (pattern: RegExp, text: string): [number, string, (string | undefined)[]][] => {
  const found: [number, string, (string | undefined)[]][] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    found.push([m.index, m[0], [...m].slice(1)]);
  }
  return found;
};

describe('whole words (lexique)', () => {
  it('exec, test, match, replace and matchAll equal the plain expression', () => {
    const global = words(ALTERNATIVES, 'giu');
    const single = words(ALTERNATIVES, 'iu');
    fc.assert(
      fc.property(texts, (text) => {
        assert.deepEqual(all(global, text), all(plain('giu'), text));
        assert.equal(single.test(text), plain('iu').test(text));
        assert.equal(single.lastIndex, 0);
        assert.deepEqual(text.match(global), text.match(plain('giu')));
        assert.equal(text.replace(global, '<$&>'), text.replace(plain('giu'), '<$&>'));
        assert.deepEqual([...text.matchAll(global)].map((m) => m.index), [...text.matchAll(plain('giu'))].map((m) => m.index));
      }),
      { numRuns: 3000, seed: 20261129 },
    );
  });
  it('wordStarts equals the plain expression without the word end', () => {
    const starts = wordStarts(ALTERNATIVES, 'giu');
    const plainStarts = new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${ALTERNATIVES})`, 'giu');
    fc.assert(
      fc.property(texts, (text) => {
        assert.deepEqual(all(starts, text), all(plainStarts, text));
      }),
      { numRuns: 3000, seed: 20261129 },
    );
  });
  it('keeps the plain source and flags, and real word lists behave', () => {
    const users = words(USER_WORDS);
    assert.equal(users.flags, 'giu');
    assert.ok(users.source.startsWith('(?<![\\p{L}\\p{N}])'));
    assert.deepEqual(all(users, 'Les usagers, les mésusagers et l’usager.').map(([, w]) => w), ['usagers', 'usager']);
  });
});
