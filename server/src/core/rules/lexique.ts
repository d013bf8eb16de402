// Word lists shared by several rules of the method. Patterns are built with Unicode-aware word
// boundaries: JavaScript's `\b` only knows ASCII letters, so it breaks on "é" or "à".

import { isLetterOrDigitCode, lowerCase } from '../text';

/** A regular expression matching one of `alternatives` as whole words (case-insensitive, Unicode). */
export function words(alternatives: string, flags = 'giu'): RegExp {
  return new WholeWords(alternatives, flags, true);
}

/** Like `words`, but a match may end inside a word ("nouveau" in "nouveauté"): a word's start only. */
export function wordStarts(alternatives: string, flags = 'giu'): RegExp {
  return new WholeWords(alternatives, flags, false);
}

const WORD_END = String.raw`(?![\p{L}\p{N}])`;
/**
 * The word end the finders test: letters and digits of ASCII and Latin (U+00C0–U+024F, but × and
 * ÷), a part of `WORD_END` that V8 compiles several times faster than `\p{L}` and `\p{N}`. A match
 * followed by any other letter or digit is decided again by the exact expression (see `find`).
 */
const LATIN_WORD_END = String.raw`(?![0-9A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f])`;

/**
 * `(?<![\p{L}\p{N}])(?:alternatives)(?![\p{L}\p{N}])` (or without the last part: `wordStarts`),
 * found faster, three ways:
 * - V8 tries a leading lookbehind at every position of the text, which makes these long word lists
 *   1.5 to 2.5 times slower on real fiches; here a pattern without it searches, and a match that
 *   starts inside a word is rejected and the search resumes one character later;
 * - a case-insensitive Unicode list (`iu`) costs V8 ~5 ms more to compile than without `i` (most of
 *   a first analysis: the code cache does not keep compiled expressions); so the list is lower-cased
 *   and searched without `i` in the lower-cased text (lower-cased once per text, kept for the other
 *   lists), and the match is given back in the original text. When lower case changes the text's
 *   length ("İ"), or the list cannot be lower-cased safely, the `i` expression searches instead;
 * - the word end is tested on Latin letters and digits only (`LATIN_WORD_END`), cheaper to compile;
 *   when another letter or digit follows a match, the exact expression searches again from the
 *   match's start. The Latin test is weaker than the exact one, so it finds no match later than
 *   the exact expression and, where the exact one accepts its match, the same one.
 * Same matches as the plain expression (a property test checks it, upper case included; the only
 * difference is for characters whose lower case is not their case folding, such as the long s
 * "ſ", absent from French). `source` and `flags` stay those of the plain expression; `exec`,
 * `test`, `match`, `replace` and `matchAll` go through `exec`.
 */
class WholeWords extends RegExp {
  /** Searches the lower-cased text (no `i`), or the text itself, with the Latin word end. */
  private readonly finder: RegExp;
  /** The finder's pattern with the exact word end, built the first time a match needs it. */
  private exact: RegExp | undefined;
  private readonly exactSource: string;
  private readonly wholeWord: boolean;
  private readonly lowered: boolean;
  private readonly body: string;
  private readonly finderFlags: string;
  /** The `i` search, built when a text's lower case changes its length. */
  private fallback: RegExp | undefined;
  /** Where the last match found by `find` ends. */
  private lastEnd = 0;

  /** The plain expression's source: what `source`, `toString` and derived expressions give. */
  private readonly plainSource: string;

  constructor(alternatives: string, flags: string, wholeWord: boolean) {
    const end = wholeWord ? WORD_END : '';
    // The plain expression is never run (`exec` is the finder's): an empty pattern spares V8 parsing
    // it at start-up (~0.5 ms a list); `source` and derived expressions give the plain one.
    super('(?:)', flags);
    this.plainSource = String.raw`(?<![\p{L}\p{N}])(?:${alternatives})${end}`;
    this.body = `(?:${alternatives})${end}`;
    this.wholeWord = wholeWord;
    this.finderFlags = flags.replace(/[gy]/g, '') + (flags.includes('y') ? 'y' : 'g');
    const lowerBody = flags.includes('i') && flags.includes('u') ? lowerCaseLiterals(alternatives) : undefined;
    const fastEnd = wholeWord ? LATIN_WORD_END : '';
    let finder: RegExp | undefined;
    let exactSource = this.body;
    if (lowerBody !== undefined) {
      try {
        // `d`: the spans of capture groups, to give them back in the original text.
        finder = new RegExp(`(?:${lowerBody})${fastEnd}`, `${this.finderFlags.replace('i', '')}d`);
        exactSource = `(?:${lowerBody})${end}`;
      } catch {
        finder = undefined;
      }
    }
    this.lowered = finder !== undefined;
    this.finder = finder ?? new RegExp(`(?:${alternatives})${fastEnd}`, this.finderFlags);
    this.exactSource = exactSource;
  }

  override get source(): string {
    return this.plainSource;
  }

  // Derived objects (matchAll, split) are plain expressions with the same source and flags.
  static get [Symbol.species](): RegExpConstructor {
    return PlainExpression as unknown as RegExpConstructor;
  }

  override exec(text: string): RegExpExecArray | null {
    const keeps = this.global || this.sticky;
    let subject = text;
    let exactOnly = false;
    if (this.lowered) {
      subject = lowerCase(text);
      if (subject.length !== text.length) {
        subject = text;
        exactOnly = true;
      }
    }
    let match = this.find(subject, keeps ? this.lastIndex : 0, exactOnly);
    while (match !== null && startsInsideWord(text, match.index)) {
      if (this.sticky) {
        match = null;
        break;
      }
      match = this.find(subject, match.index + 1, exactOnly);
    }
    if (keeps) {
      this.lastIndex = match === null ? 0 : this.lastEnd;
    }
    return match !== null && subject !== text ? inOriginal(match, text) : match;
  }

  override test(text: string): boolean {
    return this.exec(text) !== null;
  }

  /** The exact expression's first match at or after `from` (see the class comment). */
  private find(subject: string, from: number, exactOnly: boolean): RegExpExecArray | null {
    let search = exactOnly ? (this.fallback ??= new RegExp(this.body, this.finderFlags)) : this.finder;
    search.lastIndex = from;
    let match = search.exec(subject);
    if (match !== null && !exactOnly && this.wholeWord) {
      const end = match.index + match[0].length;
      if (end < subject.length && isLetterOrDigitCode(subject.codePointAt(end) ?? 0)) {
        search = this.exact ??= new RegExp(this.exactSource, this.finder.flags);
        search.lastIndex = match.index;
        match = search.exec(subject);
      }
    }
    this.lastEnd = search.lastIndex;
    return match;
  }
}

/** What `matchAll` and `split` build from a word list: the plain expression, from its `source`. */
class PlainExpression {
  constructor(pattern: RegExp, flags: string) {
    return new RegExp(pattern.source, flags);
  }
}

/** A match found in the lower-cased text, with its text and groups taken from the original. */
function inOriginal(match: RegExpExecArray, text: string): RegExpExecArray {
  const spans = match.indices!;
  const result = spans.map((span) => (span === undefined ? undefined : text.slice(span[0], span[1]))) as RegExpExecArray;
  result.index = match.index;
  result.input = text;
  result.groups = undefined;
  return result;
}

/**
 * The source of a list with its literal letters in lower case; escapes (`\p{Lu}`, `\S`, `\u00e9`…)
 * are kept as they are. Undefined when that is not safe: a named group, or a letter whose lower
 * case is longer than itself.
 */
function lowerCaseLiterals(source: string): string | undefined {
  let result = '';
  for (let i = 0; i < source.length; i++) {
    const char = source[i];
    if (char === '\\') {
      const next = source[i + 1] ?? '';
      const braced = /[pPu]/.test(next) && source[i + 2] === '{' ? source.indexOf('}', i) : -1;
      const end = braced >= 0 ? braced + 1 : next === 'u' ? i + 6 : next === 'x' ? i + 4 : next === 'c' ? i + 3 : i + 2;
      result += source.slice(i, end);
      i = end - 1;
    } else if (char === '(' && /^\(\?<[^=!]/.test(source.slice(i, i + 4))) {
      return undefined;
    } else {
      const lower = char.toLowerCase();
      if (lower.length !== char.length) {
        return undefined;
      }
      result += lower;
    }
  }
  return result;
}

/** True when the character before `index` is a letter or a digit (a whole code point). */
function startsInsideWord(text: string, index: number): boolean {
  if (index === 0) {
    return false;
  }
  const before = text.charCodeAt(index - 1);
  if ((before & 0xfc00) === 0xdc00 && index >= 2 && (text.charCodeAt(index - 2) & 0xfc00) === 0xd800) {
    return isLetterOrDigitCode(text.codePointAt(index - 2) ?? before); // a surrogate pair: one character
  }
  return isLetterOrDigitCode(before);
}

/** People a public service is for: the users whose pain the Problème states, the Solution's target. */
export const USER_WORDS =
  'usag(?:er|ère)s?|citoyen(?:ne)?s?|personnes?|familles?|parents?|enfants?|jeunes?|élèves?|étudiant(?:e)?s?|' +
  'lycéen(?:ne)?s?|collégien(?:ne)?s?|apprenti(?:e)?s?|patient(?:e)?s?|malades?|aidant(?:e)?s?|habitant(?:e)?s?|' +
  'administré(?:e)?s?|particuliers?|bénéficiaires?|allocataires?|demandeu(?:r|se)s?|candidat(?:e)?s?|' +
  'entreprises?|entrepreneu(?:r|se)s?|employeurs?|salarié(?:e)?s?|travailleu(?:r|se)s?|indépendant(?:e)?s?|' +
  'artisans?|commerçant(?:e)?s?|agriculteu(?:r|rice)s?|exploitant(?:e)?s?|éleveu(?:r|se)s?|pêcheu(?:r|se)s?|' +
  'associations?|bénévoles?|collectivités?|communes?|élu(?:e)?s?|maires?|propriétaires?|locataires?|ménages?|' +
  'contribuables?|assuré(?:e)?s?|victimes?|seniors?|retraité(?:e)?s?|justiciables?|détenu(?:e)?s?|voyageu(?:r|se)s?|' +
  'visiteu(?:r|se)s?|professionnel(?:le)?s?|médecins?|soignant(?:e)?s?|enseignant(?:e)?s?|chercheu(?:r|se)s?|' +
  'utilisat(?:eur|rice)s?|publics?|grand public|français(?:es)?|sportifs?|conducteurs?|automobilistes?|acheteurs?|consommateurs?|' +
  'porteu(?:r|se)s? de projets?|organisat(?:eur|rice)s?|déclarant(?:e)?s?|requérant(?:e)?s?|gens|municipalités?|clubs?|lecteurs?|' +
  'demandeurs? d[’\']emploi|ressortissant(?:e)?s?|étrang(?:er|ère)s?|réfugié(?:e)?s?|femmes?|hommes?|adultes?|mineur(?:e)?s?';

/**
 * Agents and services of the administration (as opposed to the people they serve). Offices that users
 * visit (préfecture, mairie, greffe) are left out: "il faut s'adresser à la préfecture" is a user's pain.
 */
export const AGENT_WORDS =
  'agents?|administrations?|fonctionnaires?|instructeu(?:r|rice)s?|services? instructeurs?|' +
  'services? déconcentrés|services? de l[’\']état|ministères?|directions?|' +
  'conseill(?:er|ère)s?|inspect(?:eur|rice)s?|contrôleu(?:r|se)s?|greffiers?|magistrat(?:e)?s?';

/** A figure: digits, or a number or a fraction in words. */
export const FIGURE_WORDS =
  'deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|quinze|vingt|trente|quarante|cinquante|soixante|' +
  'cent|cents|mille|millions?|milliards?|dizaines?|centaines?|milliers?|moitié|tiers|quarts?|pour ?cent';

const FIGURE = words(FIGURE_WORDS, 'iu');

/** True when `text` holds a figure (digits, a percentage or a number in words). */
export function hasFigure(text: string): boolean {
  return /\d|%/u.test(text) || FIGURE.test(text);
}

/** A small, volunteer first perimeter: pilots, partners, volunteers, first users, an experiment. */
export const FIRST_USERS_WORDS =
  'volontaires?|pilotes?|échantillons?|partenaires?|partenariats?|expériment\\p{L}*|premières? phases?|périmètres? (?:restreints?|réduits?|limités?)|' +
  'bêta[- ]?testeu(?:r|se)s?|beta[- ]?testeu(?:r|se)s?|testeu(?:r|se)s?|early adopters?|premiers? (?:utilisat(?:eur|rice)s?|usag(?:er|ère)s?|' +
  'bénéficiaires?|clients?|partenaires?|territoires?|départements?|sites?|communes?|collectivités?|établissements?)|' +
  'premières? (?:utilisatrices|usagères|collectivités|communes|structures|équipes|régions|candidates?|cibles?|directions?|utilisatrices?|administrations?)|' +
  'territoires? (?:test|tests|d[’\']expérimentation)|sites? (?:test|tests|pilotes?)|' +
  'en test|phase de test|test(?:er|ons|ez|ent|é|ée|és|ées)|test(?:s)? (?:auprès|avec|sur)|accompagn(?:er|ons) (?:les )?premi';

/**
 * A named first perimeter: a place ("département de l'Oise", "Région Hauts-de-France", "préfet des Alpes-Maritimes"),
 * named partners ("en collaboration avec les Organismes Certificateurs") or a count of sites or users ("40 établissements").
 * Proper nouns are matched case-sensitively: with the `i` flag, `\p{Lu}` would match any letter.
 */
export const NAMED_PERIMETER: readonly RegExp[] = [
  /(?<![\p{L}])(?:[Dd]épartements?|[Rr]égions?|[Cc]ommunes?|[Vv]illes?|[Aa]gglomérations?|[Aa]cadémies?|[Pp]réfectures?|[Pp]réfets?|[Mm]étropoles?|[Tt]erritoires?|[Cc]ollectivités?)\s+(?:de\s+la\s+|de\s+l['’]|de\s+|du\s+|des\s+|d['’])?\p{Lu}/u,
  /(?<![\p{L}])(?:[Rr]égion|[Dd]épartement|[Vv]ille|[Mm]étropole|[Aa]gglomération)\s+\p{Lu}/u,
  /(?<![\p{L}])(?:collaboration|coopération|lien|partenariat|appui|concertation|association)\s+(?:étroite\s+)?(?:avec|de)\s+(?:les?\s+|la\s+|l['’]|des\s+)?\p{Lu}/u,
  words(
    String.raw`(?:\d[\d\s\u00a0\u202f]*|une? dizaines?|une? quinzaine|une? vingtaine|une? trentaine|une? cinquantaine|une? soixantaine|une? centaine|deux|trois|quatre|cinq|six|sept|huit|neuf|dix)\s+(?:de\s+)?` +
      String.raw`(?:départements|régions|communes|collectivités|établissements|territoires|structures|services|caisses|mairies|préfectures|hôpitaux|centres|maisons|antennes|missions locales|tribunaux|juridictions|agences|sites|écoles|collèges|lycées|académies|groupes|équipes|entreprises|associations|comptes|utilisat(?:eur|rice)s|usag(?:er|ère)s|bénéficiaires|familles|agents)`,
    'iu',
  ),
];
