// Simple future and conditional: the one-word rewrite ("permettra" → "permet"), with the
// elision before the verb and the "-t-" of an inversion made right for the new form.
import type { PersonIndex, WordReading } from './forms';
import type { TextEdit } from '../types';
import { emptyHit, presentFix, type TenseHit } from './hit';
import type { Inversion, Region } from './region';
import { elide, isApostrophe, matchCase, startsWithVowelSound, unelide } from './tokens';

/** First person singular before an inverted "je" ("Puis-je", "Suis-je"). */
const INVERTED_1SG: Record<string, string> = { peux: 'puis' };

/** "permettra" → "permet", with elision, inversion and capitalisation handled. */
export function simpleHit(
  region: Region,
  i: number,
  reading: WordReading,
  person: PersonIndex,
  prefixIndex: number | undefined,
  inversion: Inversion | undefined,
): TenseHit {
  const token = region.tokens[i];
  const start = prefixIndex === undefined ? token.start : region.tokens[prefixIndex].start;
  const hit = emptyHit(region, start, token.end, reading.tense, 'simple');
  let present: string | undefined = reading.present[person];
  if (inversion && person === 0) {
    present = invertedFirstPerson(present);
  }
  if (!present) {
    return hit;
  }
  const edit = verbEdit(region, i, present, prefixIndex, inversion);
  hit.suggestions.push(region.prose.slice(start, Math.max(start, edit.start)) + edit.newText);
  hit.fixes.push(presentFix(edit.newText, [edit]));
  return hit;
}

/** Present 1sg before an inverted "je": "Puis-je", "Suis-je"; none for "-e" forms ("aimé-je" is archaic). */
export function invertedFirstPerson(present: string): string | undefined {
  const form = INVERTED_1SG[present] ?? present;
  return form === '' || form.endsWith('e') ? undefined : form;
}

/** The edit replacing token i by `present`, adjusting the elision before it and "-t-" after it. */
function verbEdit(region: Region, i: number, present: string, prefixIndex: number | undefined, inversion: Inversion | undefined): TextEdit {
  const token = region.tokens[i];
  let end = token.end;
  if (inversion && inversion.t !== undefined && !/[ae]$/.test(present)) {
    end = region.tokens[inversion.t].end; // "permettra-t-il" → "permet-il", but "aura-t-il" → "a-t-il"
  }
  if (prefixIndex !== undefined) {
    // A hyphenated prefix ("co-") stays as written: only the verb part changes.
    return { start: token.start, end, newText: present };
  }
  const newText = matchCase(present, token.text);
  const withElision = i > 0 ? elisionRedone(region, i, present, newText) : undefined;
  return { start: withElision?.start ?? token.start, end, newText: withElision?.newText ?? newText };
}

/**
 * The word before token i and the new verb, when the elision between them must change:
 * undone before a consonant ("n'ira" → "ne va") or made before a vowel ("ne sera" → "n'est").
 */
function elisionRedone(region: Region, i: number, present: string, newText: string): { start: number; newText: string } | undefined {
  const token = region.tokens[i];
  const previous = region.tokens[i - 1];
  const vowel = startsWithVowelSound(present);
  if (isApostrophe(region.gap(i)) && !vowel && startsWithVowelSound(token.lower)) {
    const full = unelide(previous.text);
    // "n'ira" → "ne va", "J'irai" → "Je vais"
    return full ? { start: previous.start, newText: `${full} ${newText}` } : undefined;
  }
  if (region.spaceBefore(i) && vowel && !startsWithVowelSound(token.lower)) {
    const elided = previous.lower === 'ça' && present === 'est' ? matchCase('c', previous.text) : elide(previous.text);
    // "ne sera" → "n'est", "Ce sera" → "C'est", "ça sera" → "c'est"
    return elided ? { start: previous.start, newText: `${elided}${region.apostrophe}${newText}` } : undefined;
  }
  return undefined;
}
