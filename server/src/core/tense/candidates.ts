// Candidate finding: the cheap tests that pick the few words worth reading as a verb.
import type { PersonIndex } from './forms';

/** Present of aller → person. */
export const ALLER = new Map<string, PersonIndex>([['vais', 0], ['vas', 1], ['va', 2], ['allons', 3], ['allez', 4], ['vont', 5]]);

/** A word ending like a future or conditional, or a present of aller (see `futureShaped`). */
// The word boundary before "vais"… is checked after its first letter: a leading lookbehind would
// be tried at every position of the text.
const CANDIDATE = /(?:r(?:a|ai|as|ons|ez|ont|ais|ait|ions|iez|aient)|v(?<![\p{L}\p{M}]v)(?:ais|as|a|ont)|a(?<![\p{L}\p{M}]a)(?:llons|llez))(?![\p{L}\p{M}])/iu;

/**
 * True when `prose.slice(start, end)` may hold a candidate: one regular expression, no tokenizing.
 * The search stays inside the slice (on a long document with few candidates, searching the rest
 * of the text for each block would be quadratic); at its edges it can only find more, never less.
 */
export function mayHaveCandidate(prose: string, start: number, end: number): boolean {
  return CANDIDATE.test(prose.slice(start, end));
}

/** A lower-cased word shaped like a future or conditional, or a present of aller. */
export function isCandidate(lower: string): boolean {
  return futureShaped(lower) || ALLER.has(lower);
}

/**
 * Quick filter before any lookup: every future stem ends in "r", so a future or conditional form
 * ends in -ra, -rai, -ras, -rons, -rez, -ront, -rais, -rait, -rions, -riez or -raient.
 */
function futureShaped(word: string): boolean {
  switch (word[word.length - 1]) {
    case 'a':
      return word.endsWith('ra');
    case 'i':
      return word.endsWith('rai');
    case 's':
      return word.endsWith('ras') || word.endsWith('rons') || word.endsWith('rais') || word.endsWith('rions');
    case 'z':
      return word.endsWith('rez') || word.endsWith('riez');
    case 't':
      return word.endsWith('ront') || word.endsWith('rait') || word.endsWith('raient');
    default:
      return false;
  }
}
