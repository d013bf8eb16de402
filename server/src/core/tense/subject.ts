// Subject pronouns around a verb: whether the subject a form needs is there, and which person a
// form shared by two persons has.
import type { PersonIndex } from './forms';
import type { Region } from './region';
import { CLITICS } from './tokens';

/** How many words before a verb its subject pronoun is looked for. */
const SUBJECT_REACH = 6;

/** One of `pronouns` among the few words before i in the same sentence, or inverted after it. */
export function pronounNear(region: Region, i: number, pronouns: string[]): boolean {
  for (let j = i - 1; j >= 0 && j >= i - SUBJECT_REACH; j--) {
    if (pronouns.includes(region.tokens[j].lower)) {
      return true;
    }
    if (region.sentenceStart(j)) {
      break;
    }
  }
  const inversion = region.inversionAfter(i);
  return typeof inversion === 'object' && pronouns.includes(region.tokens[inversion.pronoun].lower);
}

/** The nearest subject pronoun decides between persons sharing a form (-ais: je or tu). */
export function choosePerson(region: Region, i: number, persons: readonly PersonIndex[]): PersonIndex {
  if (persons.length === 1) {
    return persons[0];
  }
  const inversion = region.inversionAfter(i);
  if (typeof inversion === 'object') {
    const pronoun = region.tokens[inversion.pronoun].lower;
    return pronoun === 'tu' ? 1 : 0;
  }
  for (let j = i - 1; j >= 0 && j >= i - SUBJECT_REACH; j--) {
    const word = region.tokens[j].lower;
    if (word === 'tu') {
      return 1;
    }
    if (word === 'je' || word === 'j') {
      return 0;
    }
    if (region.sentenceStart(j)) {
      break;
    }
  }
  return persons[0];
}

/** True when one of `subjects` stands right before token i, clitics allowed between ("nous y allons"). */
export function subjectBefore(region: Region, i: number, subjects: string[]): boolean {
  for (let j = i - 1; j >= 0 && j >= i - 3; j--) {
    if (!region.joinedBefore(j + 1)) {
      return false;
    }
    const word = region.tokens[j].lower;
    if (subjects.includes(word)) {
      return true;
    }
    if (!CLITICS.has(word) && word !== 'ne' && word !== 'n') {
      return false;
    }
  }
  return false;
}
