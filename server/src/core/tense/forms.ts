// Reading one word as a future or conditional form: the lexicon first, then, for words it
// lacks, a glued prefix before a known form ("cogérera") and a regular first-group fallback
// ("dématérialisera"). Known words that the fallbacks would misread are excluded by the data.
import {
  ENDINGS,
  gluedPrefixes,
  isKnownNonFuture,
  lookupFuture,
  lookupInfinitive,
  type PersonIndex,
} from './lexicon';

export type { PersonIndex } from './lexicon';

/** A future or conditional reading of a word, with the present row to rewrite it. */
export interface WordReading {
  tense: 'futur' | 'conditionnel';
  persons: readonly PersonIndex[];
  /** Infinitive (with the glued prefix, if any). */
  lemma: string;
  /** Present indicative 1sg…3pl of the same verb ('' where defective). */
  present: readonly string[];
  source: 'lexique' | 'préfixe' | 'régulier';
}

/** Regular first-group future/conditional: stem before "er" + ending. Lower-case words only. */
const REGULAR = /^([a-zàâäçéèêëîïôöûüùÿœæ]{3,})er(aient|ions|iez|ais|ait|ons|ont|ai|as|ez|a)$/;

/** Words outside the lexicon (English, Latin) that the regular fallback would misread. */
const NOT_FRENCH_VERBS = new Set([
  'camera', 'cameras', 'chimera', 'chimeras', 'caldera', 'calderas', 'cholera', 'etcetera', 'panthera',
  'riviera', 'rivieras', 'ultera', 'lumera', 'hetera', 'sphaera', 'viverra', 'paneras', 'federas',
]);

/** Reads a lower-case word (no hyphen) as a future or conditional form. */
export function readWord(word: string): WordReading | undefined {
  const known = lookupFuture(word);
  if (known) {
    return {
      tense: known.tense,
      persons: known.persons,
      lemma: known.verb.lemma,
      present: known.verb.present,
      source: 'lexique',
    };
  }
  if (isKnownNonFuture(word) || NOT_FRENCH_VERBS.has(word)) {
    return undefined;
  }
  return readPrefixed(word) ?? readRegular(word);
}

/** "cogérera" → "co" + "gérera". */
function readPrefixed(word: string): WordReading | undefined {
  for (const prefix of gluedPrefixes()) {
    if (word.length > prefix.length + 3 && word.startsWith(prefix)) {
      const known = lookupFuture(word.slice(prefix.length));
      if (known) {
        return {
          tense: known.tense,
          persons: known.persons,
          lemma: prefix + known.verb.lemma,
          present: known.verb.present.map((form) => (form === '' ? '' : prefix + form)),
          source: 'préfixe',
        };
      }
    }
  }
  return undefined;
}

/** "dématérialisera" → dématérialiser, present "dématérialise". */
function readRegular(word: string): WordReading | undefined {
  const match = REGULAR.exec(word);
  if (!match || !/[aeiouyéèêàâîôû]/.test(match[1])) {
    return undefined;
  }
  const ending = ENDINGS.find((e) => e.ending === match[2]);
  if (!ending) {
    return undefined;
  }
  const { infinitive, present } = regularFirstGroup(match[1]);
  return { tense: ending.tense, persons: ending.persons, lemma: infinitive, present, source: 'régulier' };
}

/**
 * Infinitive and present of a regular first-group verb from its future stem minus "er"
 * ("emploi" → employer, emploie/employons; "accélèr" → accélère/accélérons; "appell" →
 * appelle/appelons; "commenc" → commençons; "mang" → mangeons).
 */
export function regularFirstGroup(root: string): { infinitive: string; present: string[] } {
  let singular = root; // 1sg, 2sg, 3sg, 3pl
  let plural = root; // 1pl, 2pl
  const yVerb = /([aou])i$/.exec(root);
  if (yVerb) {
    plural = root.slice(0, -1) + 'y';
  } else if (/e(ll|tt)$/.test(root)) {
    plural = root.slice(0, -1);
  } else {
    const grave = /([éè])([^aeiouyéèêàâîôû]+)$/.exec(root);
    if (grave) {
      const before = root.slice(0, grave.index);
      singular = `${before}è${grave[2]}`;
      plural = `${before}${openE(grave[2])}${grave[2]}`;
    }
  }
  const infinitive = `${plural}er`;
  const nous = /c$/.test(plural) ? `${plural.slice(0, -1)}ç` : /g$/.test(plural) ? `${plural}e` : plural;
  return {
    infinitive,
    present: [`${singular}e`, `${singular}es`, `${singular}e`, `${nous}ons`, `${plural}ez`, `${singular}ent`],
  };
}

/** In nous/vous forms, é (céder → cédons) except before v, m, s (lever, semer, peser → e). */
function openE(consonants: string): string {
  return /^[vms]$/.test(consonants) ? 'e' : 'é';
}

/** The verb of an infinitive, with the same fallbacks as `readWord` (null when unknown). */
export function readInfinitive(word: string): { lemma: string; present: readonly string[] } | undefined {
  const known = lookupInfinitive(word);
  if (known) {
    return known;
  }
  for (const prefix of gluedPrefixes()) {
    if (word.length > prefix.length + 3 && word.startsWith(prefix)) {
      const verb = lookupInfinitive(word.slice(prefix.length));
      if (verb && /(er|ir|re)$/.test(verb.lemma) && verb.lemma.length > 4) {
        return { lemma: word, present: verb.present.map((form) => (form === '' ? '' : prefix + form)) };
      }
    }
  }
  return undefined;
}
