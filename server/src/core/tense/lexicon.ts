// The French verb index (future stems and present rows), built from hunspell-fr by
// scripts/build-lexicon.mjs. The JSON is bundled as data; the lookup maps are built on first use.
import data from './data/lexicon-fr.json';

/** Persons in conjugation order: 1sg, 2sg, 3sg, 1pl, 2pl, 3pl (indexes 0 to 5). */
export type PersonIndex = 0 | 1 | 2 | 3 | 4 | 5;

/** A verb of the lexicon. */
export interface Verb {
  lemma: string;
  /** Present indicative, 1sg…3pl; '' where the verb is defective. */
  present: readonly string[];
}

/** A future or conditional reading of a word. */
export interface FutureReading {
  verb: Verb;
  tense: 'futur' | 'conditionnel';
  /** Persons the form can have (two for -ais: 1sg or 2sg). */
  persons: readonly PersonIndex[];
  /** The future stem matched ("permettr"). */
  stem: string;
}

interface LexiconData {
  source: { package: string; version: string; license: string };
  counts: { verbs: number; groups: number; futureForms: number };
  prefixes: string[];
  homographs: Record<string, string>;
  prefixExclusions: string[];
  fallbackExclusions: string[];
  groups: [string, string, string][];
}

interface Index {
  byStem: Map<string, Verb>;
  byLemma: Map<string, Verb>;
  homographs: Map<string, string>;
  exclusions: Set<string>;
  prefixes: readonly string[];
}

/** Endings of both tenses, longest first, with their persons. */
export const ENDINGS: readonly { ending: string; tense: 'futur' | 'conditionnel'; persons: PersonIndex[] }[] = [
  { ending: 'aient', tense: 'conditionnel', persons: [5] },
  { ending: 'ions', tense: 'conditionnel', persons: [3] },
  { ending: 'iez', tense: 'conditionnel', persons: [4] },
  { ending: 'ais', tense: 'conditionnel', persons: [0, 1] },
  { ending: 'ait', tense: 'conditionnel', persons: [2] },
  { ending: 'ons', tense: 'futur', persons: [3] },
  { ending: 'ont', tense: 'futur', persons: [5] },
  { ending: 'ai', tense: 'futur', persons: [0] },
  { ending: 'as', tense: 'futur', persons: [1] },
  { ending: 'ez', tense: 'futur', persons: [4] },
  { ending: 'a', tense: 'futur', persons: [2] },
];

/** A verb whose present row is computed from its group's pattern on first use. */
class LexiconVerb implements Verb {
  private row: string[] | undefined;

  constructor(
    readonly lemma: string,
    private readonly pattern: { strip: number; adds: string[] },
  ) {}

  get present(): readonly string[] {
    this.row ??= this.pattern.adds.map((add) => (add === '-' ? '' : applyPattern(this.lemma, this.pattern.strip, add)));
    return this.row;
  }
}

let index: Index | undefined;

/** Applies a "strip:add" pattern to a lemma. */
function applyPattern(lemma: string, strip: number, add: string): string {
  return lemma.slice(0, lemma.length - strip) + add;
}

/** Builds the lookup maps once (a few milliseconds); later calls reuse them. */
function load(): Index {
  if (index) {
    return index;
  }
  const lexicon = data as unknown as LexiconData;
  const byStem = new Map<string, Verb>();
  const byLemma = new Map<string, Verb>();
  for (const [future, present, lemmas] of lexicon.groups) {
    const stemPatterns = future.split('|').map((p) => {
      const colon = p.indexOf(':');
      return { strip: Number(p.slice(0, colon)), add: p.slice(colon + 1) };
    });
    const colon = present.indexOf(':');
    const pattern = { strip: Number(present.slice(0, colon)), adds: present.slice(colon + 1).split(',') };
    for (const lemma of lemmas.split(' ')) {
      const verb = new LexiconVerb(lemma, pattern);
      byLemma.set(lemma, verb);
      for (const { strip, add } of stemPatterns) {
        const stem = applyPattern(lemma, strip, add);
        if (!byStem.has(stem)) {
          byStem.set(stem, verb);
        }
      }
    }
  }
  index = {
    byStem,
    byLemma,
    homographs: new Map(Object.entries(lexicon.homographs)),
    exclusions: new Set([...lexicon.prefixExclusions, ...lexicon.fallbackExclusions]),
    prefixes: lexicon.prefixes,
  };
  return index;
}

/** The future or conditional reading of a lower-case word, if the lexicon has one. */
export function lookupFuture(word: string): FutureReading | undefined {
  const { byStem } = load();
  for (const { ending, tense, persons } of ENDINGS) {
    if (word.length > ending.length && word.endsWith(ending)) {
      const stem = word.slice(0, word.length - ending.length);
      const verb = byStem.get(stem);
      if (verb) {
        return { verb, tense, persons, stem };
      }
    }
  }
  return undefined;
}

/** The verb whose infinitive is this lower-case word. */
export function lookupInfinitive(word: string): Verb | undefined {
  return load().byLemma.get(word);
}

/** Other readings of a future form that is also another word ("aura": "nom"). */
export function homographReadings(word: string): string | undefined {
  return load().homographs.get(word);
}

/** True for known words that the prefix and regular-`-er` fallbacks must not read as futures. */
export function isKnownNonFuture(word: string): boolean {
  return load().exclusions.has(word);
}

/** Glued prefixes tried before a known form ("co" + "gérera"), longest first. */
export function gluedPrefixes(): readonly string[] {
  return load().prefixes;
}

/** Provenance and size of the bundled lexicon. */
export function lexiconInfo(): { package: string; version: string; license: string; verbs: number; futureForms: number } {
  const lexicon = data as unknown as LexiconData;
  return { ...lexicon.source, verbs: lexicon.counts.verbs, futureForms: lexicon.counts.futureForms };
}

/** Forces the lookup maps to be built now (the server may warm up before the first analysis). */
export function loadLexicon(): void {
  load();
}
