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
export const ACRONYM = /(?<![\p{L}\p{N}\-./@_])\p{Lu}{2,}(?![\p{L}\p{N}\-_@]|\.\p{L})/gu;

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
  const open = text.lastIndexOf('[', offset);
  const close = text.indexOf(']', offset);
  return open >= 0 && close >= 0 && !text.slice(open, offset).includes(']') && !text.slice(offset, close).includes('[') && text[close + 1] === '(';
}

/** True when a neighbouring word is in capitals too: a title or shouted text, not an acronym. */
export function isShouted(text: string, at: number, length: number): boolean {
  const before = /(\p{Lu}{2,}|\p{Lu}['’])[\s,:]+$/u.test(text.slice(Math.max(0, at - 30), at));
  const after = /^[\s,:]+(?:\p{Lu}{2,}|\p{Lu}['’])/u.test(text.slice(at + length, at + length + 30));
  return before || after;
}

/**
 * True when the fiche spells the acronym out once, "Nom en toutes lettres (DPM)" or "DPM (Nom en toutes lettres)",
 * or points to it with a link ("LUCCA (https://…)").
 */
export function isDefined(document: FicheDocument, acronym: string): boolean {
  const open = String.raw`[\[*_«"“\s]*`;
  const close = String.raw`[\]*_»"”\s]*`;
  const inParentheses = new RegExp(String.raw`\(${open}(?:ci-après\s+|dit(?:e|es|s)?\s+|ex\.?\s+)?${acronym}${close}[),;:]`, 'u');
  const followedBySpelling = new RegExp(
    String.raw`(?<![\p{L}\p{N}])${acronym}${close}(?:\(|:|—|–|-|,\s*(?:pour|soit|c['’]est-à-dire))${open}\p{L}+['’\s]+\p{L}+`,
    'u',
  );
  const linked = new RegExp(String.raw`(?<![\p{L}\p{N}])${acronym}\s*[(:]?\s*<?https?://`, 'u');
  return (
    inParentheses.test(document.prose) ||
    followedBySpelling.test(document.prose) ||
    linked.test(document.text) ||
    spelledBefore(document.prose, acronym)
  );
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
function spelledBefore(prose: string, acronym: string): boolean {
  const target = fold(acronym).toUpperCase();
  for (const m of prose.matchAll(new RegExp(String.raw`(?<![\p{L}\p{N}])${acronym}(?![\p{L}\p{N}])`, 'gu'))) {
    const before = prose.slice(Math.max(0, m.index - 120), m.index).replace(/[(,:–—\s]+$/u, '');
    if (initials(before).endsWith(target)) {
      return true;
    }
  }
  return false;
}
