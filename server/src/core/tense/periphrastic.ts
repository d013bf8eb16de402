// Periphrastic future: a present of aller + infinitive ("va permettre" → "permet", "allez-vous
// mesurer" → "mesurez-vous"), with the guards that tell it from aller's own meanings.
import { ALLER } from './candidates';
import { emptyHit, presentFix, type FoundHit } from './hit';
import { readInfinitivePhrase, type InfinitivePhrase } from './infinitive';
import type { Inversion, Region } from './region';
import { assembled } from './rewrite';
import { invertedFirstPerson } from './simple';
import { subjectBefore } from './subject';
import { matchCase } from './tokens';

/** Subject that "allons", "allez", "vais", "vas" need before them (else: imperative, "Allez voir"). */
const ALLER_SUBJECT: Record<string, string[]> = { vais: ['je', 'j'], vas: ['tu'], allons: ['nous'], allez: ['vous'] };
/** "aller" + these is a motion or an idiom in the present ("Ils vont dîner", "va chercher les données"). */
const MOTION = new Set(['dîner', 'diner', 'déjeuner', 'dejeuner', 'souper', 'manger', 'boire', 'dormir', 'coucher', 'promener', 'visiter']);
const INTERROGATIVES = new Set(['comment', 'quand', 'pourquoi', 'où', 'combien', 'que', 'qu', 'quoi']);

/**
 * Present of aller (token i) + [negation, adverbs, clitics] + infinitive. `hyphenated` is the
 * inversion written after aller ("va-t-il"); compounds ("va-et-vient") never get here.
 */
export function periphrasticHit(region: Region, i: number, hyphenated: Inversion | undefined): FoundHit | undefined {
  const negStart = region.negationBefore(i);
  const first = negStart ?? i;
  const inversion = hyphenated ?? unhyphenatedInversion(region, i);
  if (!hasSubject(region, i, first, inversion)) {
    return undefined; // "Allez voir", "Va chercher" (imperatives)
  }
  const phrase = readInfinitivePhrase(region, inversion ? inversion.last + 1 : i + 1, negStart !== undefined);
  if (!phrase || MOTION.has(region.tokens[phrase.infinitive].lower)) {
    return undefined;
  }
  if (inversion && (phrase.after.length > 0 || phrase.clitics.length > 0)) {
    return undefined;
  }
  const start = region.tokens[first].start;
  const end = region.tokens[phrase.infinitiveEnd].end;
  const hit = emptyHit(region, start, end, 'futur', 'proche');
  const rewrite = presentRewrite(region, i, negStart, phrase, inversion);
  if (rewrite !== undefined) {
    const suggestion = matchCase(rewrite, region.tokens[first].text);
    hit.suggestions.push(suggestion);
    hit.fixes.push(presentFix(suggestion, [{ start, end, newText: suggestion }]));
  }
  return { hit, last: phrase.infinitiveEnd };
}

/**
 * True when aller has the subject its form needs: its own pronoun for "vais", "vas", "allons",
 * "allez" (inverted or before it); for "va", "vont", only not to open the sentence.
 */
function hasSubject(region: Region, i: number, first: number, inversion: Inversion | undefined): boolean {
  const subjects = ALLER_SUBJECT[region.tokens[i].lower];
  if (inversion) {
    return !subjects || subjects.includes(region.tokens[inversion.pronoun].lower);
  }
  return subjects ? subjectBefore(region, first, subjects) : !region.sentenceStart(first);
}

/** "Comment allez vous tester" (question written without the hyphen): pronoun after aller. */
function unhyphenatedInversion(region: Region, i: number): Inversion | undefined {
  const { tokens } = region;
  const pronoun = tokens[i + 1];
  const expected = tokens[i].lower === 'allez' ? 'vous' : tokens[i].lower === 'allons' ? 'nous' : undefined;
  if (!expected || pronoun?.lower !== expected || !region.spaceBefore(i + 1) || i === 0 || !INTERROGATIVES.has(tokens[i - 1].lower)) {
    return undefined;
  }
  return { pronoun: i + 1, t: undefined, last: i + 1 };
}

/** The present replacing aller + infinitive, before case matching; undefined when the verb has none for that person. */
function presentRewrite(
  region: Region,
  i: number,
  negStart: number | undefined,
  phrase: InfinitivePhrase,
  inversion: Inversion | undefined,
): string | undefined {
  const person = ALLER.get(region.tokens[i].lower) ?? 2;
  const present = inversion && person === 0 ? invertedFirstPerson(phrase.present[0]) : phrase.present[person];
  if (!present) {
    return undefined;
  }
  const verb = phrase.prefix + present;
  return inversion ? invertedText(region, verb, inversion) : assembled(region, negStart, phrase, verb);
}

/** "allez-vous mesurer" → "mesurez-vous", "va-t-il permettre" → "permet-il". */
function invertedText(region: Region, present: string, inversion: Inversion): string {
  const pronoun = region.tokens[inversion.pronoun].text;
  const needsT = ['il', 'elle', 'on'].includes(pronoun.toLowerCase()) && /[ae]$/.test(present);
  return `${present}${needsT ? '-t' : ''}-${pronoun}`;
}
