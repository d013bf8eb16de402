// Modal + infinitive ("pourrait réduire", "pourront accéder"): the conditional is best
// affirmed ("réduit"), the future keeps the modal first ("peuvent accéder").
import type { PersonIndex, WordReading } from './forms';
import { presentFix, type FoundHit, type TenseHit } from './hit';
import { readInfinitivePhrase } from './infinitive';
import type { Region } from './region';
import { assembled } from './rewrite';
import { simpleHit } from './simple';
import { NEGATIONS, matchCase } from './tokens';

/** Lemmas read as modals when an infinitive follows. */
export const MODALS = new Set(['pouvoir', 'devoir']);

/** Modal conditional + infinitive: "pourrait réduire" → "réduit" (preferred) or "peut réduire". */
export function modalHit(region: Region, i: number, reading: WordReading, person: PersonIndex): FoundHit | undefined {
  const negStart = region.negationBefore(i);
  const phrase = readInfinitivePhrase(region, i + 1, negStart !== undefined);
  if (!phrase) {
    return undefined;
  }
  const simple = simpleHit(region, i, reading, person, undefined, undefined);
  const present = phrase.present[person];
  const literaryNegation = negStart !== undefined && !phrase.after.some((words) => NEGATIONS.has(words));
  if (!present || literaryNegation) {
    // "ne pourrait être plus simple": "ne" alone; only the modal changes ("ne peut être plus simple")
    return { hit: simple, last: i };
  }
  const first = region.tokens[negStart ?? i];
  const start = first.start;
  const end = region.tokens[phrase.infinitiveEnd].end;
  const assertive = matchCase(assembled(region, negStart, phrase, phrase.prefix + present), first.text);
  const assertiveFix = presentFix(assertive, [{ start, end, newText: assertive }]);
  const hit: TenseHit = { ...simple, form: 'modal' };
  if (reading.tense === 'conditionnel') {
    // The modal kept ("peut réduire") comes second; its suggestion shows the whole phrase.
    const before = region.prose.slice(start, region.tokens[i].start);
    const rest = region.prose.slice(region.tokens[i].end, end);
    hit.suggestions = [assertive, ...simple.suggestions.map((suggestion) => `${before}${suggestion}${rest}`.replace(/\s+/g, ' '))];
    hit.fixes = [assertiveFix, ...simple.fixes];
  } else {
    hit.suggestions = [...simple.suggestions, assertive];
    hit.fixes = [...simple.fixes, assertiveFix];
  }
  return { hit, last: i };
}
