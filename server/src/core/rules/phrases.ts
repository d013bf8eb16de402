import type { Block, FicheDocument } from '../types';
import { blockText, firstAtOrAfter, isLetterOrDigitCode, isSpaceCode } from '../text';

/** A sentence of a prose block, with absolute offsets (trimmed of surrounding spaces). */
export interface Sentence {
  start: number;
  end: number;
  text: string;
}

/** Abbreviations whose period never ends a sentence, even before a capital ("M. Dupont", "cf. Annexe"). */
const ABBREVIATIONS = new Set(
  'm mm mme mmes mlle mlles dr drs pr me st ste cf ex p pp art al env n no vol chap fig av bd réf ref coll éd ed tél tel approx vs resp dép hab'.split(' '),
);

/**
 * Number of words of a text: what a global search for
 * `\d+(?:[\s\u00a0\u202f]\d{3})*(?:[.,]\d+)?|[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*` (flags `gu`)
 * would find — a word is letters and digits joined by an apostrophe or a hyphen, and a number
 * with thousands spaces or decimals is one word — counted in one pass without the expression
 * (a property test compares both), after HTML entities are removed.
 */
export function wordCount(text: string): number {
  const words = text.includes('&') ? text.replace(/&(?:#\d+|#x[\da-f]+|[a-z]+);/giu, '') : text;
  const length = words.length;
  let count = 0;
  let i = 0;
  while (i < length) {
    const code = words.charCodeAt(i);
    if (isAsciiDigit(code)) {
      // \d+(?:[\s\u00a0\u202f]\d{3})*(?:[.,]\d+)?
      i = afterDigits(words, i);
      while (i + 3 < length && isSpaceCode(words.charCodeAt(i)) && isAsciiDigit(words.charCodeAt(i + 1)) && isAsciiDigit(words.charCodeAt(i + 2)) && isAsciiDigit(words.charCodeAt(i + 3))) {
        i += 4;
      }
      const next = words.charCodeAt(i);
      if ((next === 46 || next === 44) && isAsciiDigit(words.charCodeAt(i + 1))) {
        i = afterDigits(words, i + 1);
      }
      count++;
    } else if (isLetterOrDigitCode(words.codePointAt(i) ?? code)) {
      // [\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*
      i = afterLettersOrDigits(words, i);
      for (;;) {
        const joiner = words.charCodeAt(i);
        if ((joiner === 39 || joiner === 0x2019 || joiner === 45) && i + 1 < length && isLetterOrDigitCode(words.codePointAt(i + 1) ?? 0)) {
          i = afterLettersOrDigits(words, i + 1);
        } else {
          break;
        }
      }
      count++;
    } else {
      i += code >= 0xd800 && code <= 0xdbff && (words.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1; // one code point
    }
  }
  return count;
}

function isAsciiDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function afterDigits(text: string, i: number): number {
  while (i < text.length && isAsciiDigit(text.charCodeAt(i))) {
    i++;
  }
  return i;
}

/** Past a run of letters and digits (whole code points) starting at `i`. */
function afterLettersOrDigits(text: string, i: number): number {
  while (i < text.length) {
    const point = text.codePointAt(i) ?? 0;
    if (!isLetterOrDigitCode(point)) {
      break;
    }
    i += point > 0xffff ? 2 : 1;
  }
  return i;
}

/**
 * The offsets in `text` of the places where a word can start: a letter or digit after anything
 * else, or a letter right after an ASCII digit, as in "3km"; not a letter or digit joined to a
 * word by an apostrophe or a hyphen ("l’usager", "c’est-à-dire"). Every word `wordCount` counts
 * starts at one of them, so a text with no more than N of them has no more than N words: one
 * cheap pass spares the full count of most sentences. A sentence of a block has exactly the
 * block's places within its range (it starts after a space or at the block's start, where a
 * count starts afresh): phrase-longue scans each block once and counts a sentence's places by
 * two binary searches (`countInRange`). Tests check both properties.
 */
export function wordStartOffsets(text: string, into: number[] = []): number[] {
  into.length = 0; // `into` is reused from block to block: no new array each time
  let previous = OTHER;
  let joined = false; // an apostrophe or a hyphen right after a letter: the next letter continues the word
  for (let i = 0; i < text.length; i++) {
    const at = i;
    const code = text.charCodeAt(i);
    let kind: number;
    if (code < 128) {
      kind = ASCII_KINDS[code];
    } else if (code >= 0xd800 && code <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      // A character outside the BMP: read as one code point, as `wordCount` does.
      kind = isLetterOrDigitCode(text.codePointAt(i) ?? code) ? LETTER : OTHER;
      i++;
    } else {
      kind = isLetterOrDigitCode(code) ? LETTER : OTHER;
    }
    if (kind !== OTHER && !joined && (previous === OTHER || (previous === DIGIT && kind === LETTER))) {
      into.push(at);
    }
    joined = previous === LETTER && (code === 39 || code === 45 || code === 0x2019);
    previous = kind;
  }
  return into;
}

/** How many sorted `offsets` lie in [start, end). */
export function countInRange(offsets: readonly number[], start: number, end: number): number {
  return firstAtOrAfter(offsets, end) - firstAtOrAfter(offsets, start);
}

const OTHER = 0;
/** A letter, or a number character other than an ASCII digit. */
const LETTER = 1;
const DIGIT = 2;
const ASCII_KINDS = Uint8Array.from({ length: 128 }, (_, code) =>
  code >= 48 && code <= 57 ? DIGIT : (code >= 65 && code <= 90) || (code >= 97 && code <= 122) ? LETTER : OTHER,
);

/**
 * The sentences of a block, read in the prose. A sentence ends at ".", "!", "?" or "…" followed
 * by a space (for "." and "…", followed by a capital, a digit or a symbol, and not after an
 * abbreviation or an initial), and at a line break followed by a capital, a digit or a bullet:
 * many fiches write one item per line without list markers.
 */
export function sentences(document: FicheDocument, block: Block): Sentence[] {
  const text = blockText(document, block);
  const result: Sentence[] = [];
  let from = 0;
  const push = (to: number): void => {
    // What `trim()` would keep of text[from, to), found without copying the untrimmed text.
    let first = from;
    while (first < to && isSpaceCode(text.charCodeAt(first))) {
      first++;
    }
    let last = to;
    while (last > first && isSpaceCode(text.charCodeAt(last - 1))) {
      last--;
    }
    if (last > first) {
      result.push({ start: block.start + first, end: block.start + last, text: text.slice(first, last) });
    }
    from = to;
  };
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // Only line breaks and sentence punctuation can end a sentence: skip everything else fast.
    if (code !== 10 && code !== 13 && code !== 46 && code !== 33 && code !== 63 && code !== 0x2026) {
      continue;
    }
    const end = breakAfter(text, i);
    if (end > i) {
      push(end);
      i = end - 1;
    }
  }
  push(text.length);
  return result;
}

/** The first non-space character at or after `from` (without copying the rest of the block). */
function nextVisible(text: string, from: number): string | undefined {
  for (let i = from; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (!isSpaceCode(code)) {
      return text[i];
    }
  }
  return undefined;
}

/** What may follow a sentence's final punctuation before the space: more of it, quotes, brackets, emphasis. */
const CLOSING = new Set(['.', '!', '?', '…', '»', '"', '”', '’', ')', ']', '*', '_']);

/** Where the sentence ends when a break occurs at `i` (index past the break), else `i`. */
function breakAfter(text: string, i: number): number {
  const char = text[i];
  if (char === '\n' || char === '\r') {
    const next = nextVisible(text, i + 1);
    return next !== undefined && /[\p{Lu}\p{N}\-•*➡→–—\p{Extended_Pictographic}]/u.test(next) ? i + 1 : i;
  }
  if (char !== '.' && char !== '!' && char !== '?' && char !== '…') {
    return i;
  }
  let end = i + 1;
  let exclaims = char === '!' || char === '?';
  while (end < text.length && CLOSING.has(text[end])) {
    exclaims ||= text[end] === '!' || text[end] === '?';
    end++;
  }
  if (end < text.length && !isSpaceCode(text.charCodeAt(end))) {
    return i; // "3.5", "beta.gouv", "?!" handled above
  }
  const next = nextVisible(text, end);
  if (exclaims) {
    return char === '!' && next !== undefined && /\p{Ll}/u.test(next) ? i : end; // "Tous à bord ! propose…"
  }
  if (next === undefined) {
    return end;
  }
  if (!/[\p{Lu}\p{N}«"“\-•*[(➡→\p{Extended_Pictographic}]/u.test(next)) {
    return i; // "etc. et", "p. ex. la", "des aides… et des droits"
  }
  const word = /([\p{L}]+)\.?$/u.exec(text.slice(Math.max(0, i - 12), i))?.[1] ?? '';
  if (char === '.' && (ABBREVIATIONS.has(word.toLowerCase()) || /^\p{Lu}$/u.test(word))) {
    return i; // "M. Dupont", "cf. Annexe", "J. Martin"
  }
  return end;
}
