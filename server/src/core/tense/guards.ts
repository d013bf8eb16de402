// Context guards, precision first: when a word that reads as a future or conditional is not a
// verb here (the service's name, another proper name, a noun after a determiner, an English
// phrase, a form far from the subject its person needs).
import { readWord, type WordReading } from './forms';
import type { TenseContext } from './hit';
import { homographReadings } from './lexicon';
import type { Inversion, Region } from './region';
import { pronounNear } from './subject';
import { DETERMINERS, ENGLISH, HYPHEN_PREFIXES, SUBJECT_PRONOUNS, caseOf } from './tokens';

/** Frequent present forms after a service's name ("Aura permet", "Sera est"). */
const COMMON_PRESENTS = new Set([
  'est', 'a', 'sont', 'ont', 'permet', 'propose', 'offre', 'aide', 'vise', 'accompagne', 'facilite', 'simplifie',
  'met', 'centralise', 'recense', 'rassemble', 'regroupe', 'fournit', 'donne', 'peut', 'doit', 'va', 'fait',
  'permettent', 'proposent', 'offrent', 'aident', 'visent', 'peuvent', 'doivent', 'vont', 'font',
]);
/** Subject pronouns that show the person of a form (the 3rd person needs none: "le service aura"). */
const PERSON_PRONOUNS: Record<number, string[]> = { 0: ['je', 'j'], 1: ['tu'], 3: ['nous'], 4: ['vous'] };
/** Words before which "l'", "le", "la", "les", "leur" is an object pronoun, not a determiner. */
const OBJECT_PRONOUNS = ['l', 'le', 'la', 'les', 'leur'];

/** The words of the service's name (two letters or more). */
export function serviceNameWords(context: TenseContext): Set<string> {
  return new Set((context.serviceName ?? '').split(/[^\p{L}\p{M}]+/u).filter((word) => word.length >= 2));
}

/** Token i is a word of the service's name, unless inverted ("Sera-t-elle prête ?"). */
export function isServiceName(region: Region, nameWords: Set<string>, i: number): boolean {
  // Case-sensitive: "Sera" is the service, "sera" is still the verb.
  return nameWords.has(region.tokens[i].text) && typeof region.inversionAfter(i) !== 'object';
}

/** Token i stands next to an English function word ("will be", "the aura"). */
export function isEnglish(region: Region, i: number): boolean {
  const before = region.tokens[i - 1];
  const after = region.tokens[i + 1];
  return (before !== undefined && ENGLISH.has(before.lower)) || (after !== undefined && ENGLISH.has(after.lower));
}

/**
 * First token of the word ending at token i: i, or its hyphenated prefix ("co-construira");
 * undefined for the second part of any other compound, which is not analysed.
 */
export function wordStart(region: Region, i: number): number | undefined {
  if (region.gap(i) !== '-') {
    return i;
  }
  if (i === 0 || !HYPHEN_PREFIXES.has(region.tokens[i - 1].lower) || region.gap(i - 1) === '-') {
    return undefined;
  }
  return i - 1;
}

/** Lower case, or capitalised at a sentence start; other capitals and acronyms are names (MIrAI, "la plateforme Sera"). */
export function casedLikeAVerb(region: Region, first: number, i: number): boolean {
  const letterCase = caseOf(region.tokens[first].text);
  if (letterCase === 'other' || caseOf(region.tokens[i].text) === 'other') {
    return false;
  }
  return letterCase !== 'capital' || region.sentenceStart(first);
}

/** "Aura permet de…", "Sera : une plateforme": a capitalised word heading a sentence is a name. */
export function isNameOpeningSentence(region: Region, first: number, i: number, inversion: Inversion | undefined): boolean {
  return caseOf(region.tokens[first].text) === 'capital' && !inversion && verbAfter(region, i);
}

/** True when the next word is itself a conjugated verb: the capitalised word before it is its subject. */
function verbAfter(region: Region, i: number): boolean {
  const next = region.tokens[i + 1];
  if (next === undefined || /^\s*[:(–—]/.test(region.gap(i + 1))) {
    return true; // "Aura : la plateforme…", "Sera (outil de…)": a name heading a list item
  }
  return region.spaceBefore(i + 1) && (COMMON_PRESENTS.has(next.lower) || readWord(next.lower) !== undefined);
}

/** Guards for forms that are also nouns and for readings found without the lexicon. */
export function plausibleVerb(region: Region, i: number, reading: WordReading): boolean {
  const homograph = homographReadings(region.tokens[i].lower);
  const nounLike = homograph !== undefined && /\b(nom|adj)\b/.test(homograph);
  if (nounLike && determinerBefore(region, i)) {
    return false;
  }
  if ((!nounLike && reading.source === 'lexique') || typeof region.inversionAfter(i) === 'object') {
    return true;
  }
  // Homographs and fallback readings: need their subject where the person shows it.
  const pronouns = reading.persons.flatMap((person) => PERSON_PRONOUNS[person] ?? []);
  // "aura" after anything but a determiner is the verb ("le service aura", "qui aura lieu").
  return pronouns.length === 0 || pronounNear(region, i, pronouns);
}

/** A determiner right before token i ("l'aura", "son aura"), not an object pronoun ("Il l'aura"). */
function determinerBefore(region: Region, i: number): boolean {
  if (i === 0 || !region.joinedBefore(i)) {
    return false;
  }
  const previous = region.tokens[i - 1].lower;
  if (!DETERMINERS.has(previous)) {
    return false;
  }
  // "Il l'aura", "elle leur aura": an object pronoun after a subject, not a determiner.
  if (OBJECT_PRONOUNS.includes(previous) && i >= 2 && region.joinedBefore(i - 1)) {
    const before = region.tokens[i - 2].lower;
    return !(SUBJECT_PRONOUNS.has(before) || before === 'ne' || before === 'n');
  }
  return true;
}

/** Frequent past participles that do not end in -é ("aurait pu", "aurait fait", "se serait dit"). */
const IRREGULAR_PARTICIPLES = new Set(
  ('pu dû eu été fait faite faits faites pris prise prises mis mise mises dit dite dits vu vue vus su voulu fallu ' +
    'connu obtenu obtenue tenu venu venue devenu devenue reçu reçue ouvert ouverte offert offerte produit conduit construit ' +
    'réduit écrit compris appris permis permise choisi choisie fini finie réussi suivi résolu perdu rendu attendu entendu vendu répondu')
    .split(' '),
);
/** Words that may stand between the auxiliary and its participle ("n'aurait pas pu", "aurait déjà été"). */
const BETWEEN_AUXILIARY_AND_PARTICIPLE = new Set('pas plus jamais déjà bien mieux aussi également toujours vraiment probablement certainement sûrement'.split(' '));

/**
 * A past conditional: "aurait pu", "auraient été envisagées", "se serait faite". It tells what
 * would have happened (a counterfactual, a rumour), not what the service does: the present
 * ("a pu", "s'est faite") would change the meaning. "serait financé" without a reflexive pronoun
 * is a present passive and stays a conditional to rewrite.
 */
export function isPastConditional(region: Region, i: number, reading: WordReading): boolean {
  if (reading.tense !== 'conditionnel' || (reading.lemma !== 'avoir' && reading.lemma !== 'être')) {
    return false;
  }
  if (reading.lemma === 'être' && !reflexiveBefore(region, i)) {
    return false;
  }
  let next = i + 1;
  while (region.tokens[next] && BETWEEN_AUXILIARY_AND_PARTICIPLE.has(region.tokens[next].lower)) {
    next++;
  }
  const word = region.tokens[next]?.lower;
  return word !== undefined && (/[^\s]{2}ée?s?$/.test(word) || IRREGULAR_PARTICIPLES.has(word));
}

/** "se" or "s'" right before token i, or before an "en"/"y" that is ("s'en serait", "s'y serait"). */
function reflexiveBefore(region: Region, i: number): boolean {
  const before = region.tokens[i - 1]?.lower;
  const reflexive = (word: string | undefined): boolean => word === 'se' || word === 's';
  return reflexive(before) || ((before === 'en' || before === 'y') && reflexive(region.tokens[i - 2]?.lower));
}
