// Candidate finding: the cheap tests that pick the few words worth reading as a verb.
import type { PersonIndex } from './forms';

/** Present of aller → person. */
export const ALLER = new Map<string, PersonIndex>([['vais', 0], ['vas', 1], ['va', 2], ['allons', 3], ['allez', 4], ['vont', 5]]);

/** A word ending like a future or conditional, or a present of aller (see `futureShaped`). */
const CANDIDATE = /(?:r(?:a|ai|as|ons|ez|ont|ais|ait|ions|iez|aient)|(?<![\p{L}\p{M}])(?:vais|vas|va|allons|allez|vont))(?![\p{L}\p{M}])/giu;

/** True when `prose.slice(start, end)` may hold a candidate: one regular expression, no tokenizing. */
export function mayHaveCandidate(prose: string, start: number, end: number): boolean {
  CANDIDATE.lastIndex = start;
  const candidate = CANDIDATE.exec(prose);
  return candidate !== null && candidate.index < end;
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
