// The tense scan of one prose region: candidate words, context guards, then the reading that
// fits (aller + infinitive, modal + infinitive, or a simple future or conditional).
import { ALLER, isCandidate, mayHaveCandidate } from './candidates';
import { readWord } from './forms';
import { casedLikeAVerb, isEnglish, isNameOpeningSentence, isPastConditional, isServiceName, plausibleVerb, serviceNameWords, wordStart } from './guards';
import type { FoundHit, TenseContext, TenseHit } from './hit';
import { MODALS, modalHit } from './modal';
import { periphrasticHit } from './periphrastic';
import { Region, type Inversion } from './region';
import { simpleHit } from './simple';
import { choosePerson } from './subject';

/**
 * Future and conditional forms in `prose.slice(start, end)` (one block of prose: the prose
 * mask of the document, same offsets as the text). Simple future and conditional, aller +
 * infinitive, and modal conditionals ("pourrait réduire": preferred fix "réduit").
 */
export function findTenseHits(prose: string, start: number, end: number, context: TenseContext = {}): TenseHit[] {
  if (!mayHaveCandidate(prose, start, end)) {
    return []; // most blocks: no word shaped like a future, no form of aller
  }
  const region = new Region(prose, start, end);
  const nameWords = serviceNameWords(context);
  const hits: TenseHit[] = [];
  let consumed = -1;
  for (let i = 0; i < region.tokens.length; i++) {
    if (i <= consumed || !isCandidate(region.tokens[i].lower)) {
      continue;
    }
    const found = hitAt(region, nameWords, i);
    if (found) {
      hits.push(found.hit);
      consumed = found.last; // a phrase ("va nous permettre") is flagged once
    }
  }
  return hits;
}

/** The hit at candidate token i, or undefined when the guards say it is not a verb here. */
function hitAt(region: Region, nameWords: Set<string>, i: number): FoundHit | undefined {
  if (isServiceName(region, nameWords, i) || isEnglish(region, i)) {
    return undefined;
  }
  const first = wordStart(region, i);
  if (first === undefined || !casedLikeAVerb(region, first, i)) {
    return undefined;
  }
  const inversion = region.inversionAfter(i);
  if (inversion === 'compound') {
    return undefined; // a compound ("va-et-vient")
  }
  const prefixIndex = first === i ? undefined : first;
  if (prefixIndex === undefined && ALLER.has(region.tokens[i].lower)) {
    const periphrastic = periphrasticHit(region, i, inversion);
    if (periphrastic) {
      return periphrastic;
    }
  }
  return verbHit(region, i, prefixIndex, inversion);
}

/** Token i read as a future or conditional: a modal + infinitive, or a simple form. */
function verbHit(region: Region, i: number, prefixIndex: number | undefined, inversion: Inversion | undefined): FoundHit | undefined {
  const reading = readWord(region.tokens[i].lower);
  if (!reading || !plausibleVerb(region, i, reading) || isNameOpeningSentence(region, prefixIndex ?? i, i, inversion)) {
    return undefined;
  }
  if (isPastConditional(region, i, reading)) {
    return undefined; // "aurait pu", "se serait faite": what would have been, not what the service does
  }
  const person = choosePerson(region, i, reading.persons);
  if (prefixIndex === undefined && MODALS.has(reading.lemma) && !inversion) {
    const modal = modalHit(region, i, reading, person);
    if (modal) {
      return modal;
    }
  }
  return { hit: simpleHit(region, i, reading, person, prefixIndex, inversion), last: inversion ? inversion.last : i };
}
