import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { countInRange, sentences, wordCount, wordStartOffsets } from '../../server/src/core/rules/phrases';
import type { Block, FicheDocument } from '../../server/src/core/types';
import { isLetterOrDigitCode, isSpaceCode } from '../../server/src/core/text';
import { disagreements } from '../helpers/code-points';

// wordStartOffsets is a cheap bound that spares wordCount on most sentences (phrase-longue): it
// must never find fewer places than wordCount finds words, on any text, and a block's places
// within a sentence must be exactly the sentence's own.
const pieces = ['a', 'b', '-', "'", '’', 'é', 'Ž', 'ß', '1', '²', 'Ⅻ', ' ', '\u00a0', '’', "'", '-', '.', ',', '&amp;', '&#233;', ';', '𝐀', '𝟙', '\ud800', '\udc00', '🙂', '«', '000', '…', '–', '\u202f', 'œ', 'ǅ', '×', '\u2070', 'M. ', '? ', '! ', '.\n', '\nA'];
const texts = fc.array(fc.constantFrom(...pieces), { maxLength: 60 }).map((parts) => parts.join(''));

/** The definition of a word that wordCount implements in one pass (and used to run). */
const REFERENCE_WORD = /\d+(?:[\s\u00a0\u202f]\d{3})*(?:[.,]\d+)?|[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;
const referenceCount = (text: string): number =>
  (text.includes('&') ? text.replace(/&(?:#\d+|#x[\da-f]+|[a-z]+);/giu, '') : text).match(REFERENCE_WORD)?.length ?? 0;
const numbers = fc
  .array(fc.constantFrom('1', '23', '000', '120', ' ', '\u00a0', '\u202f', '\u2009', '.', ',', '5', 'a', 'km', '-', '’', "'", '²', '𝟙', 'é', '\n', '\t', '\ud835', '\udc00', '𝐀'), { maxLength: 30 })
  .map((parts) => parts.join(''));

describe('phrase-longue word counting', () => {
  it('wordCount() equals the count of the reference expression', () => {
    fc.assert(
      fc.property(fc.oneof(texts, numbers), (text) => {
        assert.equal(wordCount(text), referenceCount(text), JSON.stringify(text));
      }),
      { numRuns: 20000, seed: 20261204 },
    );
  });
  it('wordStartOffsets(text) never holds fewer places than wordCount(text) finds words', () => {
    fc.assert(
      fc.property(texts, (text) => {
        assert.ok(wordStartOffsets(text).length >= wordCount(text), `${JSON.stringify(text)}: ${wordCount(text)} mots`);
      }),
      { numRuns: 20000, seed: 20261129 },
    );
  });
  it('the places of a block within a sentence are exactly those of the sentence alone', () => {
    fc.assert(
      fc.property(texts, (text) => {
        const document = { prose: text } as FicheDocument;
        const block: Block = { type: 'paragraph', start: 0, end: text.length };
        const starts = wordStartOffsets(text);
        for (const sentence of sentences(document, block)) {
          assert.equal(countInRange(starts, sentence.start, sentence.end), wordStartOffsets(sentence.text).length, JSON.stringify([text, sentence.text]));
        }
      }),
      { numRuns: 20000, seed: 20261204 },
    );
  });
  it('rules out ordinary short sentences without counting', () => {
    const sentence = 'Les familles déposent une seule demande de place en crèche, transmise à toutes les crèches voisines.';
    assert.equal(wordCount(sentence), 16);
    assert.equal(wordStartOffsets(sentence).length, 16);
    assert.equal(wordStartOffsets('3km 3km 3km').length, 6); // "3", "km" ×3: six words
    assert.equal(wordCount('3km 3km 3km'), 6);
    assert.deepEqual(wordStartOffsets('l’usager, c’est-à-dire 3km'), [0, 10, 23, 24]);
    // The array given is emptied and reused.
    const reused = [7, 7, 7];
    assert.equal(wordStartOffsets('deux mots', reused), reused);
    assert.deepEqual(reused, [0, 5]);
  });
});

describe('character classes of the hot loops', () => {
  it('isLetterOrDigitCode() equals [\\p{L}\\p{N}] on every code point', () => {
    assert.deepEqual(disagreements(isLetterOrDigitCode, /^[\p{L}\p{N}]$/u), []);
  });
  it('isSpaceCode() equals \\s on every code unit', () => {
    assert.deepEqual(disagreements(isSpaceCode, /^\s$/u, 0xffff), []);
  });
});
