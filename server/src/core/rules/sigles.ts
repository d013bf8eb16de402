// Acronym helpers of `sigle-non-defini`: what is an acronym, and when the fiche spells it out.
import type { FicheDocument } from '../types';
import { LETTER_OR_DIGIT, charBefore, fold, isLetterOrDigitCode } from '../text';

/** Acronyms every reader of a fiche knows (France- and State-level, and common technical ones). */
const COMMON = new Set(
  (
    'CAF CPAM MSA URSSAF RSA AAH APL SMIC CDI CDD PME TPE ETI SNCF RATP EDF HLM TVA PIB UE ONU OMS ONG INSEE CNIL ' +
    'DINUM ANCT ETALAB ANSSI IGN ADEME BPI DGFIP EPCI ARS CCAS CHU EHPAD MDPH PMI SAMU DROM DOM TOM PLU BTP BTS CAP ' +
    'CCI CMA IDF PACA COVID SNU CEJ RGPD RGAA DSFR SIRET SIREN API URL PDF HTML SMS QR GPS IA UX UI FAQ CV RH SI CRM ' +
    'ERP KPI NPS MVP POC RDV ETP TV PC OK USB WIFI DSI JO PV SOS MIT HT TTC ID FNAC CROUS PMR ENT GPU LGV AOP'
  ).split(' '),
);

/** Capitalised French words, written in capitals for emphasis, that are not acronyms. */
const STOPWORDS = new Set(
  (
    'LE LA LES DE DU DES ET EN UN UNE IL ELLE ON NOUS VOUS SUR SANS OUI NON EST PAS AU AUX SUD NORD OUEST MER SI OU QUID GO ' +
    'PAR POUR QUI QUE CE CET CES SON SA SES MON MA MES NE PLUS TOUT TOUS AVEC DANS NI GRAND NEW THE AND OF TO ST VS'
  ).split(' '),
);

/** Capitalised words before an acronym that are not names ("Les DDT", "Pour la DGE"). */
const FUNCTION_WORDS = new Set(
  'Les La Le Des Du De Aux Au En Dans Pour Avec Par Sur Une Un Chaque Nos Notre Vos Votre Ses Son Sa Cette Ce Ces Et Ou Via Depuis Selon Entre Chez Sans'.split(' '),
);

/** What may not follow an acronym: a letter, digit, "-", "_", "@", or a dot before a letter ("ex.gouv"). */
const NOT_AFTER_ACRONYM = /^(?:[\p{L}\p{N}\-_@]|\.\p{L})/u;
/** What may not stand right before an acronym. */
const NOT_BEFORE_ACRONYM = /[\p{L}\p{N}\-./@_]/u;
const UPPER = /\p{Lu}/u;
/**
 * Runs that may hold capitals: A–Z, Latin-1 capitals and anything from U+0100 up (every \p{Lu}
 * is one of them, a unit test checks it), but for the General Punctuation block (U+2000–U+206F):
 * French text is full of "’é", "’à" and "’…" pairs, which are never part of a run of capitals.
 */
export const MAYBE_UPPER_RUN = /[A-Z\u00C0-\u00D6\u00D8-\u00DE\u0100-\u1FFF\u2070-\uFFFF]{2,}/g;

/** A maximal run of two or more capitals (\p{Lu}) and where it starts. */
export interface UpperRun {
  index: number;
  run: string;
}

/**
 * Every maximal run of two or more capitals whose preceding character is not `notBefore`.
 * Same result as a global `(?<!…)\p{Lu}{2,}` search, an order of magnitude faster: V8 tests
 * `\p{Lu}` at every position of the text, while this finds the rare candidate runs with a plain
 * character range first and checks `\p{Lu}` only inside them.
 */
export function upperRuns(text: string, notBefore: RegExp): UpperRun[] {
  const runs: UpperRun[] = [];
  MAYBE_UPPER_RUN.lastIndex = 0;
  for (let m = MAYBE_UPPER_RUN.exec(text); m !== null; m = MAYBE_UPPER_RUN.exec(text)) {
    const end = m.index + m[0].length;
    let start = -1;
    for (let i = m.index; i <= end; ) {
      const code = i < end ? text.codePointAt(i)! : -1;
      const size = code > 0xffff ? 2 : 1;
      const upper = code >= 0 && i + size <= end && isUpper(code);
      if (upper && start < 0) {
        start = i;
      } else if (!upper && start >= 0) {
        if (countCodePoints(text, start, i) >= 2 && (start === 0 || !notBefore.test(charBefore(text, start)))) {
          runs.push({ index: start, run: text.slice(start, i) });
        }
        start = -1;
      }
      i += size;
    }
  }
  return runs;
}

/** `\p{Lu}` for one code point: A–Z and Latin-1 capitals without the regular expression. */
function isUpper(code: number): boolean {
  if (code < 0xc0) {
    return code >= 65 && code <= 90;
  }
  if (code <= 0xde) {
    return code !== 0xd7;
  }
  return code >= 0x100 && UPPER.test(String.fromCodePoint(code));
}

function countCodePoints(text: string, start: number, end: number): number {
  let count = 0;
  for (let i = start; i < end; i += text.codePointAt(i)! > 0xffff ? 2 : 1) {
    count++;
  }
  return count;
}

/** The acronym candidates of a text: maximal runs of capitals standing alone. */
export function acronyms(text: string): UpperRun[] {
  return upperRuns(text, NOT_BEFORE_ACRONYM).filter(({ index, run }) => !NOT_AFTER_ACRONYM.test(text.slice(index + run.length, index + run.length + 3)));
}

/** Roman numerals (II, XIV, XXe excluded by the pattern above). */
const ROMAN = /^M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$/;


/** The capitalised words of the service's name ("RDV Solidarités" → RDV) and its initials ("Tableau de bord de l'apprentissage" → TBA). */
export function nameWords(document: FicheDocument): Set<string> {
  const name = document.name?.value ?? '';
  return new Set([...(name.match(/\p{Lu}{2,}/gu) ?? []), initials(name)]);
}

/** Not a known acronym, a stop word or a roman numeral; a long word only when it has few vowels (DGCCRF, not MORICEAU). */
export function looksLikeAcronym(word: string): boolean {
  if (COMMON.has(word) || STOPWORDS.has(word) || ROMAN.test(word)) {
    return false;
  }
  const vowels = word.match(/[AEIOUYÀÂÉÈÊËÎÏÔÛÙÜ]/gu)?.length ?? 0;
  return word.length <= 5 || vowels / word.length < 0.3;
}

/** A person's or a place's name: after a capitalised word ("Sébastien VANÇON", "Région SUD"), or a surname before a first name closing the paragraph ("HANON Marie-Brigitte"). */
export function isNamed(text: string, at: number, length: number): boolean {
  const previous = /(\p{Lu}\p{Ll}{2,})\s+$/u.exec(text.slice(Math.max(0, at - 30), at))?.[1];
  const firstName = /^\s+\p{Lu}\p{Ll}{2,}(?:-\p{Lu}\p{Ll}+)?\s*$/u.test(text.slice(at + length)); // "HANON Marie-Brigitte"
  return (previous !== undefined && !FUNCTION_WORDS.has(previous)) || firstName;
}

/** The word is the whole paragraph: a pseudo-heading in capitals ("**VOLET**"). */
export function isAlone(text: string, acronym: string): boolean {
  // text.replace(/[\s*_:.\-–—]+/gu, '') === acronym, read in place: most texts differ at once.
  let k = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (ALONE_MARKS.test(char)) {
      continue;
    }
    if (char !== acronym[k]) {
      return false;
    }
    k++;
  }
  return k === acronym.length;
}

/** What may surround a pseudo-heading in capitals: white space, emphasis, a colon, dots, dashes. */
const ALONE_MARKS = /^[\s*_:.\-–—]$/;

/** Inside the label of a Markdown link, which explains it ("[FAST](https://beta.gouv.fr/fast/)"). */
export function inLinkLabel(text: string, offset: number): boolean {
  // A label is short: look within a window, not across the whole document (quadratic on long texts).
  const from = Math.max(0, offset - LABEL_WINDOW);
  const open = text.lastIndexOf('[', offset);
  if (open < from) {
    return false;
  }
  const close = text.indexOf(']', offset);
  if (close < 0 || close > offset + LABEL_WINDOW) {
    return false;
  }
  return !text.slice(open, offset).includes(']') && !text.slice(offset, close).includes('[') && text[close + 1] === '(';
}

const LABEL_WINDOW = 500;

/** True when a neighbouring word is in capitals too: a title or shouted text, not an acronym. */
export function isShouted(text: string, at: number, length: number): boolean {
  const before = /(\p{Lu}{2,}|\p{Lu}['’])[\s,:]+$/u.test(text.slice(Math.max(0, at - 30), at));
  const after = /^[\s,:]+(?:\p{Lu}{2,}|\p{Lu}['’])/u.test(text.slice(at + length, at + length + 30));
  return before || after;
}

const OPEN = String.raw`[\[*_«"“\s]*`;
const CLOSE = String.raw`[\]*_»"”\s]*`;
/** "Nom en toutes lettres (DPM)", "(ci-après DPM)". */
const IN_PARENTHESES = new RegExp(String.raw`\(${OPEN}(?:ci-après\s+|dit(?:e|es|s)?\s+|ex\.?\s+)?(\p{Lu}{2,})${CLOSE}[),;:]`, 'gu');
/** After a run of capitals: its spelling, "DPM (Direction des pêches maritimes)", "DPM : Direction…", "DPM, c'est-à-dire …". */
const SPELLING_AFTER = new RegExp(String.raw`${CLOSE}(?:\(|:|—|–|-|,\s*(?:pour|soit|c['’]est-à-dire))${OPEN}\p{L}+['’\s]+\p{L}+`, 'uy');
/** After a run of capitals: a link, "LUCCA (https://…)". */
const LINK_AFTER = /\s*[(:]?\s*<?https?:\/\//uy;

/** What a fiche spells out, and where each run of capitals stands: built once per document. */
interface AcronymIndex {
  defined: Set<string>;
  occurrences: Map<string, number[]>;
}

const indexes = new WeakMap<FicheDocument, AcronymIndex>();

function acronymIndex(document: FicheDocument): AcronymIndex {
  let index = indexes.get(document);
  if (!index) {
    const defined = new Set<string>();
    for (const m of document.prose.matchAll(IN_PARENTHESES)) {
      defined.add(m[1]);
    }
    for (const { index, run } of upperRuns(document.text, LETTER_OR_DIGIT)) {
      LINK_AFTER.lastIndex = index + run.length;
      if (LINK_AFTER.test(document.text)) {
        defined.add(run);
      }
    }
    // One pass over the runs of capitals of the prose: which are spelled out right after, and
    // where each standalone one stands. A spelling consumes its words (as a global search would).
    const occurrences = new Map<string, number[]>();
    const prose = document.prose;
    let spellingEnd = 0;
    for (const { index, run } of upperRuns(prose, LETTER_OR_DIGIT)) {
      const end = index + run.length;
      SPELLING_AFTER.lastIndex = end;
      if (index >= spellingEnd && SPELLING_AFTER.test(prose)) {
        defined.add(run);
        spellingEnd = SPELLING_AFTER.lastIndex;
      }
      if (end >= prose.length || !isLetterOrDigitCode(prose.codePointAt(end)!)) {
        const list = occurrences.get(run) ?? [];
        list.push(index);
        occurrences.set(run, list);
      }
    }
    index = { defined, occurrences };
    indexes.set(document, index);
  }
  return index;
}

/**
 * True when the fiche spells the acronym out once, "Nom en toutes lettres (DPM)" or "DPM (Nom en toutes lettres)",
 * or points to it with a link ("LUCCA (https://…)"). One pass over the document for all acronyms.
 */
export function isDefined(document: FicheDocument, acronym: string): boolean {
  const index = acronymIndex(document);
  return index.defined.has(acronym) || spelledBefore(document.prose, acronym, index.occurrences.get(acronym) ?? []);
}

/** Small words left out of acronyms ("Direction des pêches maritimes" → DPM). */
const SMALL_WORDS = new Set('de des du d la le les l et à au aux en pour sur par'.split(' '));

/** The initials of the significant words of a text, without accents, in capitals. */
function initials(text: string): string {
  return (text.match(/\p{L}+/gu) ?? [])
    .filter((word) => !SMALL_WORDS.has(word.toLowerCase()))
    .map((word) => fold(word[0]).toUpperCase())
    .join('');
}

/** True when some occurrence follows its words spelled out: "Toxi-infection alimentaire collective TIAC". */
function spelledBefore(prose: string, acronym: string, occurrences: readonly number[]): boolean {
  const target = fold(acronym).toUpperCase();
  return occurrences.some((at) => initials(prose.slice(Math.max(0, at - 120), at).replace(/[(,:–—\s]+$/u, '')).endsWith(target));
}
