// Acronym helpers of `sigle-non-defini`: what is an acronym, and when the fiche spells it out.
import type { FicheDocument } from '../types';
import { fold } from '../text';

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

/** Two or more capitals, standing alone (no digit, no hyphen, no letter in lower case around). */
export const ACRONYM = /\p{Lu}{2,}(?![\p{L}\p{N}\-_@]|\.\p{L})/gu;
/** What may not stand right before an acronym. */
export const NOT_BEFORE_ACRONYM = /[\p{L}\p{N}\-./@_]/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/**
 * The matches of `pattern` (global) whose preceding character is not `notBefore`. Same result as a
 * leading lookbehind, much faster: V8 evaluates a leading lookbehind at every position of the text.
 */
export function matchesAfter(pattern: RegExp, text: string, notBefore: RegExp): RegExpExecArray[] {
  const matches: RegExpExecArray[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    if (m.index > 0 && notBefore.test(charBefore(text, m.index))) {
      pattern.lastIndex = m.index + 1;
      continue;
    }
    matches.push(m);
  }
  return matches;
}

/** The whole character (surrogate pairs joined) ending just before `index`. */
function charBefore(text: string, index: number): string {
  const code = text.charCodeAt(index - 1);
  return code >= 0xdc00 && code <= 0xdfff && index >= 2 ? text.slice(index - 2, index) : text[index - 1];
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
  return text.replace(/[\s*_:.\-–—]+/gu, '') === acronym;
}

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
/** "LUCCA (https://…)". */
const LINKED = /(\p{Lu}{2,})\s*[(:]?\s*<?https?:\/\//gu;
/** Every run of capitals. */
const UPPER_RUN = /\p{Lu}{2,}/gu;

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
    for (const m of matchesAfter(LINKED, document.text, LETTER_OR_DIGIT)) {
      defined.add(m[1]);
    }
    // One pass over the runs of capitals of the prose: which are spelled out right after, and
    // where each standalone one stands. A spelling consumes its words (as a global search would).
    const occurrences = new Map<string, number[]>();
    const prose = document.prose;
    let spellingEnd = 0;
    for (const m of matchesAfter(UPPER_RUN, prose, LETTER_OR_DIGIT)) {
      const end = m.index + m[0].length;
      SPELLING_AFTER.lastIndex = end;
      if (m.index >= spellingEnd && SPELLING_AFTER.test(prose)) {
        defined.add(m[0]);
        spellingEnd = SPELLING_AFTER.lastIndex;
      }
      if (end >= prose.length || !LETTER_OR_DIGIT.test(String.fromCodePoint(prose.codePointAt(end)!))) {
        const list = occurrences.get(m[0]) ?? [];
        list.push(m.index);
        occurrences.set(m[0], list);
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
