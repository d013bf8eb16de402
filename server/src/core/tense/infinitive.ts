// The infinitive phrase after aller or a modal: negation, adverbs and clitics, then a known
// infinitive ("va pas nous permettre", "pourrait, entre autres, réduire").
import { readInfinitive } from './forms';
import type { Region } from './region';
import { ADVERBS, CLITICS, HYPHEN_PREFIXES, NEGATIONS, caseOf, isApostrophe, startsWithVowelSound, type Token } from './tokens';

/** The words after aller or a modal, up to the infinitive, sorted for the rewrite. */
export interface InfinitivePhrase {
  /** Negation and adverbs, moved after the verb ("ne va pas nous permettre" → "ne nous permet pas"). */
  after: string[];
  /** Clitics, kept before the verb. */
  clitics: Token[];
  /** Index of the infinitive (its first part when hyphenated). */
  infinitive: number;
  /** Index of the last token of the infinitive. */
  infinitiveEnd: number;
  /** Present indicative of the infinitive, 1sg…3pl. */
  present: readonly string[];
  /** Hyphenated prefix written before the infinitive ("co-"), kept before the present. */
  prefix: string;
}

/** Multi-word adverbials that may stand between aller/a modal and the infinitive. */
const ADVERBIALS: readonly string[][] = [
  ['par', 'ailleurs'], ['d', 'une', 'part'], ['d', 'autre', 'part'], ['à', 'terme'], ['en', 'outre'], ['de', 'plus'],
  ['tout', 'd', 'abord'], ['d', 'abord'], ['de', 'nouveau'], ['à', 'nouveau'], ['en', 'effet'], ['peu', 'à', 'peu'],
  ['petit', 'à', 'petit'], ['en', 'priorité'], ['en', 'parallèle'], ['à', 'la', 'fois'], ['entre', 'autres'],
  ['par', 'la', 'suite'], ['dans', 'un', 'premier', 'temps'], ['dans', 'un', 'second', 'temps'], ['elle', 'aussi'],
  ['lui', 'aussi'], ['eux', 'aussi'], ['non', 'seulement'], ['de', 'fait'], ['en', 'partie'], ['au', 'moins'],
  ['sans', 'doute'], ['très', 'vite'], ['très', 'rapidement'], ['à', 'leur', 'tour'], ['à', 'son', 'tour'], ['en', 'plus'],
];
const COMMA = /^[ \t\u00a0]*,[ \t\u00a0]*$/;
/** Words or adverbials allowed between aller/the modal and the infinitive. */
const MAX_WORDS_BETWEEN = 4;

/**
 * Negation, adverbs and clitics from token `from`, then a known infinitive (≤ 4 words between;
 * a comma-delimited insertion is allowed first: "va, entre autres, donner").
 */
export function readInfinitivePhrase(region: Region, from: number, negated: boolean): InfinitivePhrase | undefined {
  const opening = phraseOpening(region, from);
  if (!opening) {
    return undefined;
  }
  const after = opening.insertion === undefined ? [] : [opening.insertion];
  const clitics: Token[] = [];
  const j = skipToInfinitive(region, opening.first, negated, after, clitics);
  const infinitive = j === undefined ? undefined : infinitiveAt(region, j);
  if (j === undefined || !infinitive) {
    return undefined;
  }
  if (clitics.length > 0 && isApostrophe(region.gap(j)) && !startsWithVowelSound(infinitive.prefix || infinitive.word)) {
    return undefined; // an elided clitic ("l'", "s'") stands before a vowel sound only
  }
  return { after, clitics, infinitive: j, infinitiveEnd: infinitive.end, present: infinitive.present, prefix: infinitive.prefix };
}

/** The first word of the phrase (after a comma-delimited insertion, if any), in the same phrase as token `from - 1`. */
function phraseOpening(region: Region, from: number): { first: number; insertion: string | undefined } | undefined {
  const { tokens } = region;
  if (from < tokens.length && COMMA.test(region.gap(from))) {
    const close = insertionEnd(region, from);
    if (close === undefined) {
      return undefined;
    }
    return { first: close + 1, insertion: `, ${region.prose.slice(tokens[from].start, tokens[close].end)},` };
  }
  if (from < tokens.length && !region.joinedBefore(from)) {
    return undefined;
  }
  return { first: from, insertion: undefined };
}

/** Last token of a short insertion between commas starting at token `from` (", entre autres,"). */
function insertionEnd(region: Region, from: number): number | undefined {
  for (let k = from; k < region.tokens.length && k - from < 4; k++) {
    if (k > from && !region.joinedBefore(k)) {
      return undefined;
    }
    if (region.tokens[k + 1] && COMMA.test(region.gap(k + 1))) {
      return k;
    }
  }
  return undefined;
}

/**
 * Index of the word after the negation, adverbs and clitics that start at token `first`
 * (pushed onto `after` and `clitics`); undefined when the phrase breaks or runs too long.
 */
function skipToInfinitive(region: Region, first: number, negated: boolean, after: string[], clitics: Token[]): number | undefined {
  const { tokens } = region;
  let j = first;
  for (let step = 0; j < tokens.length; step++) {
    if (step > MAX_WORDS_BETWEEN || (j > first && !region.joinedBefore(j)) || (isApostrophe(region.gap(j)) && !CLITICS.has(tokens[j - 1].lower))) {
      return undefined;
    }
    const token = tokens[j];
    if (caseOf(token.text) !== 'lower') {
      return undefined;
    }
    // Adverbs and negation come before any clitic ("va pas nous permettre", not "nous pas").
    const phrase = clitics.length === 0 ? adverbialAt(region, j) : undefined;
    if (phrase !== undefined) {
      after.push(region.prose.slice(token.start, tokens[phrase].end));
      j = phrase + 1;
    } else if (clitics.length === 0 && ((negated && NEGATIONS.has(token.lower)) || ADVERBS.has(token.lower))) {
      after.push(token.text);
      j++;
    } else if (CLITICS.has(token.lower) && tokens[j + 1] && region.joinedBefore(j + 1)) {
      clitics.push(token);
      j++;
    } else {
      break;
    }
  }
  return j;
}

/** Last token of a multi-word adverbial starting at token j ("par ailleurs", "d'une part"). */
function adverbialAt(region: Region, j: number): number | undefined {
  for (const phrase of ADVERBIALS) {
    if (j + phrase.length > region.tokens.length) {
      continue;
    }
    let matches = true;
    for (let k = 0; k < phrase.length && matches; k++) {
      matches = region.tokens[j + k].lower === phrase[k] && (k === 0 || region.joinedBefore(j + k));
    }
    if (matches) {
      return j + phrase.length - 1;
    }
  }
  return undefined;
}

/** The known infinitive at token j ("co-construire" spans two tokens), with its present. */
function infinitiveAt(region: Region, j: number): { end: number; word: string; prefix: string; present: readonly string[] } | undefined {
  const { tokens } = region;
  const infinitive = tokens[j];
  if (!infinitive || caseOf(infinitive.text) !== 'lower') {
    return undefined;
  }
  let prefix = '';
  let end = j;
  let word = infinitive.lower;
  const next = tokens[j + 1];
  if (next && region.gap(j + 1) === '-') {
    if (!HYPHEN_PREFIXES.has(word) || (tokens[j + 2] && region.gap(j + 2) === '-')) {
      return undefined;
    }
    prefix = `${infinitive.text}-`;
    end = j + 1;
    word = next.lower;
  }
  const verb = readInfinitive(word);
  if (!verb || (word === 'chercher' && tokens[end + 1]?.lower !== 'à')) {
    return undefined; // "va chercher les données" is "fetch", in the present; "va chercher à" is a future
  }
  return { end, word, prefix, present: verb.present };
}
