// Finds future and conditional verb forms in a prose region and rewrites them to the present.
import type { Fix, TextEdit } from '../types';
import { readInfinitive, readWord, type PersonIndex, type WordReading } from './forms';
import { homographReadings } from './lexicon';
import {
  ADVERBS,
  CLITICS,
  DETERMINERS,
  ENGLISH,
  NEGATIONS,
  SUBJECT_PRONOUNS,
  caseOf,
  elide,
  isApostrophe,
  matchCase,
  startsWithVowelSound,
  tokenize,
  unelide,
  type Token,
} from './tokens';

/** What the scan knows about the fiche. */
export interface TenseContext {
  /** The service's name: its words are never verbs ("Sera", "Agora"). */
  serviceName?: string;
}

/** A future or conditional found in the prose, with its rewrites to the present. */
export interface TenseHit {
  /** Offsets of the flagged words in the text. */
  start: number;
  end: number;
  kind: 'futur' | 'conditionnel';
  /** `simple` ("permettra"), `proche` ("va permettre") or `modal` ("pourrait réduire"). */
  form: 'simple' | 'proche' | 'modal';
  /** The flagged words as written. */
  text: string;
  /** The replacement text of each fix, best first (for messages). */
  suggestions: string[];
  /** Fixes, best first; empty when the verb has no present for that person. */
  fixes: Fix[];
}

/** Present of aller → person. */
const ALLER = new Map<string, PersonIndex>([['vais', 0], ['vas', 1], ['va', 2], ['allons', 3], ['allez', 4], ['vont', 5]]);
/** Subject that "allons", "allez", "vais", "vas" need before them (else: imperative, "Allez voir"). */
const ALLER_SUBJECT: Record<string, string[]> = { vais: ['je', 'j'], vas: ['tu'], allons: ['nous'], allez: ['vous'] };
/** "aller" + these is a motion or an idiom in the present ("Ils vont dîner", "va chercher les données"). */
const MOTION = new Set(['dîner', 'diner', 'déjeuner', 'dejeuner', 'souper', 'manger', 'boire', 'dormir', 'coucher', 'promener', 'visiter']);
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
/** Frequent present forms after a service's name ("Aura permet", "Sera est"). */
const COMMON_PRESENTS = new Set([
  'est', 'a', 'sont', 'ont', 'permet', 'propose', 'offre', 'aide', 'vise', 'accompagne', 'facilite', 'simplifie',
  'met', 'centralise', 'recense', 'rassemble', 'regroupe', 'fournit', 'donne', 'peut', 'doit', 'va', 'fait',
  'permettent', 'proposent', 'offrent', 'aident', 'visent', 'peuvent', 'doivent', 'vont', 'font',
]);
const INTERROGATIVES = new Set(['comment', 'quand', 'pourquoi', 'où', 'combien', 'que', 'qu', 'quoi']);
/** First person singular before an inverted "je" ("Puis-je", "Suis-je"). */
const INVERTED_1SG: Record<string, string> = { peux: 'puis' };
const INVERTED = new Set(['je', 'tu', 'il', 'elle', 'on', 'nous', 'vous', 'ils', 'elles']);
/** Prefixes written with a hyphen before a verb ("co-construira"). */
const HYPHEN_PREFIXES = new Set(['co', 're', 'ré', 'auto', 'pré', 'sur', 'sous', 'inter', 'multi', 'télé', 'contre', 'anti', 'méta', 'post', 'néo', 'semi', 'dé', 'cyber', 'éco', 'bio', 'e', 'sur', 'trans', 'cross', 'omni', 'hyper', 'super', 'micro', 'mini', 'pro']);
const MODALS = new Set(['pouvoir', 'devoir']);
const PERSON_PRONOUNS: Record<number, string[]> = { 0: ['je', 'j'], 1: ['tu'], 3: ['nous'], 4: ['vous'] };

/**
 * Future and conditional forms in `prose.slice(start, end)` (one block of prose: the prose
 * mask of the document, same offsets as the text). Simple future and conditional, aller +
 * infinitive, and modal conditionals ("pourrait réduire": preferred fix "réduit").
 */
export function findTenseHits(prose: string, start: number, end: number, context: TenseContext = {}): TenseHit[] {
  CANDIDATE.lastIndex = start;
  const candidate = CANDIDATE.exec(prose);
  if (candidate === null || candidate.index >= end) {
    return []; // most blocks: no word shaped like a future, no form of aller
  }
  return new Scanner(prose, start, end, context).scan();
}

/** A word ending like a future or conditional, or a present of aller (see `futureShaped`). */
const CANDIDATE = /(?:r(?:a|ai|as|ons|ez|ont|ais|ait|ions|iez|aient)|(?<![\p{L}\p{M}])(?:vais|vas|va|allons|allez|vont))(?![\p{L}\p{M}])/giu;

interface Middle {
  /** Negation and adverbs, moved after the verb ("ne va pas nous permettre" → "ne nous permet pas"). */
  after: string[];
  /** Clitics, kept before the verb. */
  clitics: Token[];
  /** Index of the infinitive (its first part when hyphenated). */
  infinitive: number;
  /** Index of the last token of the infinitive. */
  infinitiveEnd: number;
  present: readonly string[];
  /** Hyphenated prefix written before the infinitive ("co-"), kept before the present. */
  prefix: string;
}

class Scanner {
  private readonly tokens: Token[];
  private apostropheChar: string | undefined;
  private readonly nameWords: Set<string>;

  constructor(
    private readonly prose: string,
    private readonly start: number,
    private readonly end: number,
    context: TenseContext,
  ) {
    this.tokens = tokenize(prose, start, end);
    this.end = end;
    // Case-sensitive: "Sera" is the service, "sera" is still the verb.
    this.nameWords = new Set((context.serviceName ?? '').split(/[^\p{L}\p{M}]+/u).filter((word) => word.length >= 2));
  }

  /** The apostrophe the region uses most (’ or '), for elisions the rewrites create. */
  private get apostrophe(): string {
    this.apostropheChar ??= mostUsedApostrophe(this.prose.slice(this.start, this.end));
    return this.apostropheChar;
  }

  scan(): TenseHit[] {
    const hits: TenseHit[] = [];
    let consumed = -1;
    for (let i = 0; i < this.tokens.length; i++) {
      const token = this.tokens[i];
      if (i <= consumed || !(futureShaped(token.lower) || ALLER.has(token.lower))) {
        continue;
      }
      const hit = this.hitAt(i);
      if (hit) {
        hits.push(hit.hit);
        consumed = hit.last;
      }
    }
    return hits;
  }

  private hitAt(i: number): { hit: TenseHit; last: number } | undefined {
    const token = this.tokens[i];
    if ((this.nameWords.has(token.text) && typeof this.inversionAfter(i) !== 'object') || this.isEnglish(i)) {
      return undefined;
    }
    let prefixIndex: number | undefined;
    if (this.gap(i) === '-') {
      // Second part of a compound: only "co-construira"-like prefixes are analysed.
      if (i === 0 || !HYPHEN_PREFIXES.has(this.tokens[i - 1].lower) || this.gap(i - 1) === '-') {
        return undefined;
      }
      prefixIndex = i - 1;
    }
    const first = this.tokens[prefixIndex ?? i];
    const letterCase = caseOf(first.text);
    if (letterCase === 'other' || caseOf(token.text) === 'other' || (letterCase === 'capital' && !this.sentenceStart(prefixIndex ?? i))) {
      return undefined;
    }
    const inversion = this.inversionAfter(i);
    if (inversion === 'compound') {
      return undefined;
    }
    if (prefixIndex === undefined && ALLER.has(token.lower)) {
      const periphrastic = this.periphrastic(i);
      if (periphrastic) {
        return periphrastic;
      }
    }
    const reading = readWord(token.lower);
    if (!reading || !this.plausibleVerb(i, reading) || (letterCase === 'capital' && !inversion && this.verbAfter(i))) {
      return undefined; // "Aura permet de…", "Sera : une plateforme": a name at the start of a sentence
    }
    const person = this.choosePerson(i, reading.persons);
    if (prefixIndex === undefined && MODALS.has(reading.lemma) && !inversion) {
      const modal = this.modal(i, reading, person);
      if (modal) {
        return modal;
      }
    }
    return { hit: this.simpleHit(i, reading, person, prefixIndex, inversion), last: inversion ? inversion.last : i };
  }

  /** The text between token i-1 (or the region start) and token i. */
  private gap(i: number): string {
    const from = i === 0 ? this.start : this.tokens[i - 1].end;
    return this.prose.slice(from, this.tokens[i].start);
  }

  /** Whitespace only, inside one paragraph: the words are neighbours in a sentence. */
  private spaceBefore(i: number): boolean {
    return i > 0 && /^[ \t\u00a0]*\n?[ \t\u00a0]*$/.test(this.gap(i)) && this.gap(i) !== '';
  }

  /** Neighbour in the same phrase: whitespace, or an elision apostrophe. */
  private joinedBefore(i: number): boolean {
    return this.spaceBefore(i) || (i > 0 && isApostrophe(this.gap(i)));
  }

  private sentenceStart(i: number): boolean {
    return i === 0 || /[.!?…:;«“"(\[—–•|]/.test(this.gap(i));
  }

  /** "-t-il", "-elle", "-nous" after token i; 'compound' for any other hyphenated word. */
  private inversionAfter(i: number): { pronoun: number; t: number | undefined; last: number } | 'compound' | undefined {
    const next = this.tokens[i + 1];
    if (!next || this.gap(i + 1) !== '-') {
      return undefined;
    }
    const after = this.tokens[i + 2];
    if (next.lower === 't' && after && this.gap(i + 2) === '-' && ['il', 'elle', 'on'].includes(after.lower)) {
      return { pronoun: i + 2, t: i + 1, last: i + 2 };
    }
    if (INVERTED.has(next.lower) && !(after && this.gap(i + 2) === '-')) {
      return { pronoun: i + 1, t: undefined, last: i + 1 };
    }
    return 'compound';
  }

  private isEnglish(i: number): boolean {
    const before = this.tokens[i - 1];
    const after = this.tokens[i + 1];
    return (before !== undefined && ENGLISH.has(before.lower)) || (after !== undefined && ENGLISH.has(after.lower));
  }

  /** True when the next word is itself a conjugated verb: the capitalised word before it is its subject. */
  private verbAfter(i: number): boolean {
    const next = this.tokens[i + 1];
    if (next === undefined || /^\s*[:(–—]/.test(this.gap(i + 1))) {
      return true; // "Aura : la plateforme…", "Sera (outil de…)": a name heading a list item
    }
    return this.spaceBefore(i + 1) && (COMMON_PRESENTS.has(next.lower) || readWord(next.lower) !== undefined);
  }

  /** Guards for forms that are also nouns and for readings found without the lexicon. */
  private plausibleVerb(i: number, reading: WordReading): boolean {
    const homograph = homographReadings(this.tokens[i].lower);
    const nounLike = homograph !== undefined && /\b(nom|adj)\b/.test(homograph);
    if (nounLike && this.determinerBefore(i)) {
      return false;
    }
    if ((!nounLike && reading.source === 'lexique') || typeof this.inversionAfter(i) === 'object') {
      return true;
    }
    // Homographs and fallback readings: need their subject where the person shows it.
    const pronouns = reading.persons.flatMap((person) => PERSON_PRONOUNS[person] ?? []);
    // "aura" after anything but a determiner is the verb ("le service aura", "qui aura lieu").
    return pronouns.length === 0 || this.pronounNear(i, pronouns);
  }

  private determinerBefore(i: number): boolean {
    if (i === 0 || !this.joinedBefore(i)) {
      return false;
    }
    const previous = this.tokens[i - 1].lower;
    if (!DETERMINERS.has(previous)) {
      return false;
    }
    // "Il l'aura", "elle leur aura": an object pronoun after a subject, not a determiner.
    if (['l', 'le', 'la', 'les', 'leur'].includes(previous) && i >= 2 && this.joinedBefore(i - 1)) {
      const before = this.tokens[i - 2].lower;
      return !(SUBJECT_PRONOUNS.has(before) || before === 'ne' || before === 'n');
    }
    return true;
  }

  /** One of `pronouns` among the few words before i in the same sentence, or inverted after it. */
  private pronounNear(i: number, pronouns: string[]): boolean {
    for (let j = i - 1; j >= 0 && j >= i - 6; j--) {
      if (pronouns.includes(this.tokens[j].lower)) {
        return true;
      }
      if (this.sentenceStart(j)) {
        break;
      }
    }
    const inversion = this.inversionAfter(i);
    return typeof inversion === 'object' && pronouns.includes(this.tokens[inversion.pronoun].lower);
  }

  /** The nearest subject pronoun decides between persons sharing a form (-ais: je or tu). */
  private choosePerson(i: number, persons: readonly PersonIndex[]): PersonIndex {
    if (persons.length === 1) {
      return persons[0];
    }
    const inversion = this.inversionAfter(i);
    if (typeof inversion === 'object') {
      const pronoun = this.tokens[inversion.pronoun].lower;
      return pronoun === 'tu' ? 1 : 0;
    }
    for (let j = i - 1; j >= 0 && j >= i - 6; j--) {
      const word = this.tokens[j].lower;
      if (word === 'tu') {
        return 1;
      }
      if (word === 'je' || word === 'j') {
        return 0;
      }
      if (this.sentenceStart(j)) {
        break;
      }
    }
    return persons[0];
  }

  /** "permettra" → "permet", with elision, inversion and capitalisation handled. */
  private simpleHit(
    i: number,
    reading: WordReading,
    person: PersonIndex,
    prefixIndex: number | undefined,
    inversion: { pronoun: number; t: number | undefined; last: number } | undefined,
  ): TenseHit {
    const token = this.tokens[i];
    const start = prefixIndex === undefined ? token.start : this.tokens[prefixIndex].start;
    const hit: TenseHit = {
      start,
      end: token.end,
      kind: reading.tense,
      form: 'simple',
      text: this.prose.slice(start, token.end),
      suggestions: [],
      fixes: [],
    };
    let present: string | undefined = reading.present[person];
    if (inversion && person === 0) {
      present = invertedFirstPerson(present);
    }
    if (!present) {
      return hit;
    }
    const edit = this.verbEdit(i, present, prefixIndex, inversion);
    hit.suggestions.push(this.prose.slice(start, Math.max(start, edit.start)) + edit.newText);
    hit.fixes.push(fix(edit.newText, [edit]));
    return hit;
  }

  /** The edit replacing token i by `present`, adjusting the elision before it and "-t-" after it. */
  private verbEdit(
    i: number,
    present: string,
    prefixIndex: number | undefined,
    inversion: { pronoun: number; t: number | undefined; last: number } | undefined,
  ): TextEdit {
    const token = this.tokens[i];
    let start = token.start;
    let end = token.end;
    // A hyphenated prefix ("co-") stays as written: only the verb part changes.
    let newText = prefixIndex === undefined ? matchCase(present, token.text) : present;
    if (inversion && inversion.t !== undefined && !/[ae]$/.test(present)) {
      end = this.tokens[inversion.t].end; // "permettra-t-il" → "permet-il", but "aura-t-il" → "a-t-il"
    }
    if (prefixIndex === undefined && i > 0) {
      const previous = this.tokens[i - 1];
      const gap = this.gap(i);
      const vowel = startsWithVowelSound(present);
      if (isApostrophe(gap) && !vowel && startsWithVowelSound(token.lower)) {
        const full = unelide(previous.text);
        if (full) {
          // "n'ira" → "ne va", "J'irai" → "Je vais"
          start = previous.start;
          newText = `${full} ${newText}`;
        }
      } else if (this.spaceBefore(i) && vowel && !startsWithVowelSound(token.lower)) {
        const elided = previous.lower === 'ça' && present === 'est' ? matchCase('c', previous.text) : elide(previous.text);
        if (elided) {
          // "ne sera" → "n'est", "Ce sera" → "C'est", "ça sera" → "c'est"
          start = previous.start;
          newText = `${elided}${this.apostrophe}${newText}`;
        }
      }
    }
    return { start, end, newText };
  }

  /** Present of aller + [negation, adverbs, clitics] + infinitive. */
  private periphrastic(i: number): { hit: TenseHit; last: number } | undefined {
    const aller = this.tokens[i];
    const person = ALLER.get(aller.lower) ?? 2;
    const negStart = this.negationBefore(i);
    const first = negStart ?? i;
    const subjects = ALLER_SUBJECT[aller.lower];
    const inversion = this.inversionAfter(i) ?? this.unhyphenatedInversion(i);
    if (inversion === 'compound') {
      return undefined; // "va-et-vient"
    }
    const subject = inversion
      ? !subjects || subjects.includes(this.tokens[inversion.pronoun].lower)
      : subjects
        ? this.subjectOf(first, subjects)
        : !this.sentenceStart(first);
    if (!subject) {
      return undefined; // "Allez voir", "Va chercher" (imperatives)
    }
    const middle = this.middle(inversion ? inversion.last + 1 : i + 1, negStart !== undefined);
    if (!middle || MOTION.has(this.tokens[middle.infinitive].lower)) {
      return undefined;
    }
    if (inversion && (middle.after.length > 0 || middle.clitics.length > 0)) {
      return undefined;
    }
    const start = this.tokens[first].start;
    const end = this.tokens[middle.infinitiveEnd].end;
    const hit: TenseHit = {
      start,
      end,
      kind: 'futur',
      form: 'proche',
      text: this.prose.slice(start, end),
      suggestions: [],
      fixes: [],
    };
    const present = inversion && person === 0 ? invertedFirstPerson(middle.present[0]) : middle.present[person];
    if (present) {
      const newText = inversion
        ? this.invertedText(middle.prefix + present, inversion)
        : this.assembled(negStart, middle, middle.prefix + present);
      hit.suggestions.push(matchCase(newText, this.tokens[first].text));
      hit.fixes.push(fix(hit.suggestions[0], [{ start, end, newText: hit.suggestions[0] }]));
    }
    return { hit, last: middle.infinitiveEnd };
  }

  /** "Comment allez vous tester" (question written without the hyphen): pronoun after aller. */
  private unhyphenatedInversion(i: number): { pronoun: number; t: undefined; last: number } | undefined {
    const pronoun = this.tokens[i + 1];
    const expected = this.tokens[i].lower === 'allez' ? 'vous' : this.tokens[i].lower === 'allons' ? 'nous' : undefined;
    if (!expected || pronoun?.lower !== expected || !this.spaceBefore(i + 1) || i === 0 || !INTERROGATIVES.has(this.tokens[i - 1].lower)) {
      return undefined;
    }
    return { pronoun: i + 1, t: undefined, last: i + 1 };
  }

  /** "allez-vous mesurer" → "mesurez-vous", "va-t-il permettre" → "permet-il". */
  private invertedText(present: string, inversion: { pronoun: number; t: number | undefined }): string {
    const pronoun = this.tokens[inversion.pronoun].text;
    const needsT = ['il', 'elle', 'on'].includes(pronoun.toLowerCase()) && /[ae]$/.test(present);
    return `${present}${needsT ? '-t' : ''}-${pronoun}`;
  }

  /** Modal conditional + infinitive: "pourrait réduire" → "réduit" (preferred) or "peut réduire". */
  private modal(i: number, reading: WordReading, person: PersonIndex): { hit: TenseHit; last: number } | undefined {
    const negStart = this.negationBefore(i);
    const middle = this.middle(i + 1, negStart !== undefined);
    if (!middle) {
      return undefined;
    }
    const simple = this.simpleHit(i, reading, person, undefined, undefined);
    const present = middle.present[person];
    const literaryNegation = negStart !== undefined && !middle.after.some((words) => NEGATIONS.has(words));
    if (!present || literaryNegation) {
      // "ne pourrait être plus simple": "ne" alone; only the modal changes ("ne peut être plus simple")
      return { hit: simple, last: i };
    }
    const start = this.tokens[negStart ?? i].start;
    const end = this.tokens[middle.infinitiveEnd].end;
    const assertive = matchCase(this.assembled(negStart, middle, middle.prefix + present), this.tokens[negStart ?? i].text);
    const assertiveFix = fix(assertive, [{ start, end, newText: assertive }]);
    const hit: TenseHit = { ...simple, form: 'modal' };
    if (reading.tense === 'conditionnel') {
      const before = this.prose.slice(start, this.tokens[i].start);
      const rest = this.prose.slice(this.tokens[i].end, end);
      hit.suggestions = [assertive, ...simple.suggestions.map((suggestion) => `${before}${suggestion}${rest}`.replace(/\s+/g, ' '))];
      hit.fixes = [assertiveFix, ...simple.fixes];
    } else {
      hit.suggestions = [...simple.suggestions, assertive];
      hit.fixes = [...simple.fixes, assertiveFix];
    }
    return { hit, last: i };
  }

  /** Index of "ne"/"n'" right before token i. */
  private negationBefore(i: number): number | undefined {
    if (i === 0) {
      return undefined;
    }
    const previous = this.tokens[i - 1].lower;
    if ((previous === 'ne' && this.spaceBefore(i)) || (previous === 'n' && isApostrophe(this.gap(i)))) {
      return i - 1;
    }
    return undefined;
  }

  /** True when one of `subjects` stands before token i, clitics allowed between ("nous y allons"). */
  private subjectOf(i: number, subjects: string[]): boolean {
    for (let j = i - 1; j >= 0 && j >= i - 3; j--) {
      if (!this.joinedBefore(j + 1)) {
        return false;
      }
      const word = this.tokens[j].lower;
      if (subjects.includes(word)) {
        return true;
      }
      if (!CLITICS.has(word) && word !== 'ne' && word !== 'n') {
        return false;
      }
    }
    return false;
  }

  /**
   * Negation, adverbs and clitics from token `from`, then a known infinitive (≤ 4 words between;
   * a comma-delimited insertion is allowed first: "va, entre autres, donner").
   */
  private middle(from: number, negated: boolean): Middle | undefined {
    const after: string[] = [];
    const clitics: Token[] = [];
    let j = from;
    let afterComma = -1;
    if (j < this.tokens.length && COMMA.test(this.gap(j))) {
      const close = this.insertionEnd(j);
      if (close === undefined) {
        return undefined;
      }
      after.push(`, ${this.prose.slice(this.tokens[j].start, this.tokens[close].end)},`);
      j = close + 1;
      afterComma = j;
    } else if (j < this.tokens.length && !this.joinedBefore(j)) {
      return undefined;
    }
    for (let words = 0; j < this.tokens.length; words++) {
      if (words > 4 || (j > from && j !== afterComma && !this.joinedBefore(j)) || (isApostrophe(this.gap(j)) && !CLITICS.has(this.tokens[j - 1].lower))) {
        return undefined;
      }
      const token = this.tokens[j];
      if (caseOf(token.text) !== 'lower') {
        return undefined;
      }
      const phrase = clitics.length === 0 ? this.adverbialAt(j) : undefined;
      if (phrase !== undefined) {
        after.push(this.prose.slice(token.start, this.tokens[phrase].end));
        j = phrase + 1;
        continue;
      }
      if (clitics.length === 0 && ((negated && NEGATIONS.has(token.lower)) || ADVERBS.has(token.lower))) {
        after.push(token.text);
        j++;
        continue;
      }
      if (CLITICS.has(token.lower) && this.tokens[j + 1] && this.joinedBefore(j + 1)) {
        clitics.push(token);
        j++;
        continue;
      }
      break;
    }
    const infinitive = this.tokens[j];
    if (!infinitive || caseOf(infinitive.text) !== 'lower') {
      return undefined;
    }
    let prefix = '';
    let infinitiveEnd = j;
    let word = infinitive.lower;
    const next = this.tokens[j + 1];
    if (next && this.gap(j + 1) === '-') {
      if (!HYPHEN_PREFIXES.has(word) || (this.tokens[j + 2] && this.gap(j + 2) === '-')) {
        return undefined;
      }
      prefix = `${infinitive.text}-`;
      infinitiveEnd = j + 1;
      word = next.lower;
    }
    const verb = readInfinitive(word);
    if (!verb || (word === 'chercher' && this.tokens[infinitiveEnd + 1]?.lower !== 'à')) {
      return undefined; // "va chercher les données" is "fetch", in the present; "va chercher à" is a future
    }
    if (clitics.length > 0 && isApostrophe(this.gap(j)) && !startsWithVowelSound(prefix || word)) {
      return undefined;
    }
    return { after, clitics, infinitive: j, infinitiveEnd, present: verb.present, prefix };
  }

  /** Last token of a short insertion between commas starting at token `from` (", entre autres,"). */
  private insertionEnd(from: number): number | undefined {
    for (let k = from; k < this.tokens.length && k - from < 4; k++) {
      if (k > from && !this.joinedBefore(k)) {
        return undefined;
      }
      if (this.tokens[k + 1] && COMMA.test(this.gap(k + 1))) {
        return k;
      }
    }
    return undefined;
  }

  /** Last token of a multi-word adverbial starting at token j ("par ailleurs", "d'une part"). */
  private adverbialAt(j: number): number | undefined {
    for (const phrase of ADVERBIALS) {
      if (j + phrase.length > this.tokens.length) {
        continue;
      }
      let matches = true;
      for (let k = 0; k < phrase.length && matches; k++) {
        matches = this.tokens[j + k].lower === phrase[k] && (k === 0 || this.joinedBefore(j + k));
      }
      if (matches) {
        return j + phrase.length - 1;
      }
    }
    return undefined;
  }

  /** "ne" + clitics + verb + negation/adverbs, with elisions made right for the new verb. */
  private assembled(negStart: number | undefined, middle: Middle, verb: string): string {
    const words: string[] = [];
    for (const clitic of middle.clitics) {
      words.push(clitic.text);
    }
    words.push(verb);
    // Re-elide each clitic for the word that now follows it.
    const parts: string[] = [];
    const withNe = negStart !== undefined ? [this.tokens[negStart].text, ...words] : words;
    for (let k = 0; k < withNe.length; k++) {
      const word = withNe[k];
      const next = withNe[k + 1];
      if (next === undefined) {
        parts.push(word);
        continue;
      }
      parts.push(this.cliticBefore(word, next));
    }
    let text = '';
    for (const part of parts) {
      text += text === '' || text.endsWith(this.apostrophe) ? part : ` ${part}`;
    }
    for (const words of middle.after) {
      text += words.startsWith(',') ? words : ` ${words}`;
    }
    // An insertion moved to the end keeps its closing comma only before more words.
    const following = this.prose.slice(this.tokens[middle.infinitiveEnd].end, this.tokens[middle.infinitiveEnd].end + 2);
    return text.endsWith(',') && !/^\s\p{L}/u.test(following) ? text.slice(0, -1) : text;
  }

  /** A clitic in the form it takes before `next`: "ne" + "est" → "n'", "l'" + "va" → "le ". */
  private cliticBefore(clitic: string, next: string): string {
    const lower = clitic.toLowerCase();
    const vowel = startsWithVowelSound(next);
    const full = unelide(clitic) ?? clitic;
    if (vowel) {
      const elided = elide(full) ?? (lower === 'la' ? matchCase('l', clitic) : undefined);
      return elided ? `${elided}${this.apostrophe}` : full;
    }
    return full;
  }
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

/** Present 1sg before an inverted "je": "Puis-je", "Suis-je"; none for "-e" forms ("aimé-je" is archaic). */
function invertedFirstPerson(present: string): string | undefined {
  const form = INVERTED_1SG[present] ?? present;
  return form === '' || form.endsWith('e') ? undefined : form;
}

function fix(replacement: string, edits: TextEdit[]): Fix {
  return { title: `Mettre au présent : « ${replacement} »`, edits };
}

function mostUsedApostrophe(region: string): string {
  if (!region.includes('’')) {
    return "'";
  }
  let curly = 0;
  let straight = 0;
  for (const char of region) {
    if (char === '’') {
      curly++;
    } else if (char === "'") {
      straight++;
    }
  }
  return curly >= straight ? '’' : "'";
}
