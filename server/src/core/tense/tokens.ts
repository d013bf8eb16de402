// Words of a prose region and the small French facts the tense scan needs about them.

/** A word of the prose with its offsets. */
export interface Token {
  start: number;
  end: number;
  text: string;
  lower: string;
}

const WORD = /[\p{L}\p{M}]+/gu;

/** The words of `prose.slice(start, end)`, with absolute offsets. */
export function tokenize(prose: string, start: number, end: number): Token[] {
  const tokens: Token[] = [];
  const decomposed = COMBINING.test(prose.slice(start, end));
  WORD.lastIndex = start;
  for (let m = WORD.exec(prose); m !== null && m.index < end; m = WORD.exec(prose)) {
    const text = m[0].length + m.index > end ? m[0].slice(0, end - m.index) : m[0];
    // Composed (NFC) lower case, so that a decomposed "entraîne" finds its lexicon entry.
    const lower = decomposed ? text.toLowerCase().normalize('NFC') : text.toLowerCase();
    tokens.push({ start: m.index, end: m.index + text.length, text, lower });
  }
  return tokens;
}

const COMBINING = /[\u0300-\u036f]/;

/** 'lower', 'capital' (first letter only) or 'other' (acronyms, CamelCase names: MIrAI, SERA). */
export function caseOf(text: string): 'lower' | 'capital' | 'other' {
  const lower = text.toLowerCase();
  if (text === lower) {
    return 'lower';
  }
  return text.slice(1) === lower.slice(1) ? 'capital' : 'other';
}

/** `word` with the first letter's case of `model` ("Pourra" → "Peut"). */
export function matchCase(word: string, model: string): string {
  if (word === '' || model === '') {
    return word;
  }
  const first = model[0];
  return first !== first.toLowerCase() ? word[0].toUpperCase() + word.slice(1) : word;
}

/** Apostrophes: elision is written with either. */
export function isApostrophe(gap: string): boolean {
  return gap === "'" || gap === '’';
}

const H_MUET = /^(hab|hé[bsr]|heb|hum|hon|hor|hyd|hyp|hom|hui|hiv|his)/;

/** True when an elidable word before `word` must be elided ("n'est", "l'habite"). */
export function startsWithVowelSound(word: string): boolean {
  const lower = word.toLowerCase();
  if (/^[aeiouyàâäéèêëîïôöûüœæ]/.test(lower)) {
    return true;
  }
  return lower.startsWith('h') && H_MUET.test(lower);
}

/** Elided clitic → its full form: j → je, n → ne, qu → que… (undefined when not elidable). */
export function unelide(elided: string): string | undefined {
  const full = ELIDED_FULL[elided.toLowerCase()];
  return full === undefined ? undefined : matchCase(full, elided);
}

/** Full clitic → its elided form (without apostrophe): ne → n, que → qu, ce → c. */
export function elide(word: string): string | undefined {
  const lower = word.toLowerCase();
  for (const [elided, full] of Object.entries(ELIDED_FULL)) {
    if (full === lower && ELIDABLE.has(lower)) {
      return matchCase(elided, word);
    }
  }
  return undefined;
}

const ELIDED_FULL: Record<string, string> = {
  j: 'je',
  n: 'ne',
  s: 'se',
  l: 'le',
  m: 'me',
  t: 'te',
  c: 'ce',
  qu: 'que',
  d: 'de',
  lorsqu: 'lorsque',
  puisqu: 'puisque',
  jusqu: 'jusque',
  quoiqu: 'quoique',
};

/** Words elided before a vowel when the rewrite makes the verb start with one ("ne sera" → "n'est"). */
const ELIDABLE = new Set(['je', 'ne', 'se', 'le', 'me', 'te', 'ce', 'que', 'lorsque', 'puisque']);

export const SUBJECT_PRONOUNS = new Set(['je', 'j', 'tu', 'il', 'elle', 'on', 'nous', 'vous', 'ils', 'elles']);

/** Object and adverbial clitics that stand between aller/a modal and the infinitive. */
export const CLITICS = new Set(['me', 'm', 'te', 't', 'se', 's', 'nous', 'vous', 'le', 'la', 'les', 'l', 'lui', 'leur', 'y', 'en']);

/** Prefixes written with a hyphen before a verb ("co-construira", "co-construire"). */
export const HYPHEN_PREFIXES = new Set([
  'co', 're', 'ré', 'auto', 'pré', 'sur', 'sous', 'inter', 'multi', 'télé', 'contre', 'anti', 'méta', 'post', 'néo',
  'semi', 'dé', 'cyber', 'éco', 'bio', 'e', 'trans', 'cross', 'omni', 'hyper', 'super', 'micro', 'mini', 'pro',
]);

export const NEGATIONS = new Set(['pas', 'plus', 'jamais', 'rien', 'guère', 'point', 'aucunement', 'nullement']);

/** Adverbs that may stand between aller/a modal and the infinitive ("va également permettre"). */
export const ADVERBS = new Set([
  'aussi', 'également', 'ainsi', 'donc', 'alors', 'bien', 'ensuite', 'enfin', 'encore', 'toujours',
  'désormais', 'notamment', 'surtout', 'directement', 'rapidement', 'facilement', 'progressivement',
  'automatiquement', 'simplement', 'vraiment', 'naturellement', 'certainement', 'sûrement',
  'probablement', 'mieux', 'pleinement', 'davantage', 'considérablement', 'fortement', 'grandement',
  'largement', 'aisément', 'tous', 'toutes', 'tout', 'même', 'déjà', 'vite',
  'systématiquement', 'prochainement', 'bientôt', 'ultérieurement', 'concrètement', 'plutôt',
  'beaucoup', 'efficacement', 'mutuellement', 'potentiellement', 'éventuellement', 'maintenant',
  'ensemble', 'souvent', 'seulement', 'uniquement', 'principalement', 'essentiellement', 'particulièrement',
  'immédiatement', 'aussitôt', 'dorénavant', 'simultanément', 'totalement', 'entièrement', 'complètement',
  'profondément', 'véritablement', 'réellement', 'clairement', 'forcément', 'nécessairement', 'vraisemblablement',
  'régulièrement', 'durablement', 'massivement', 'sensiblement', 'nettement',
]);

/** Determiners: a homograph noun after one of them is a noun ("l'aura", "son aura", "les pucerons"). */
export const DETERMINERS = new Set([
  'le', 'la', 'les', 'l', 'un', 'une', 'des', 'du', 'de', 'd', 'son', 'sa', 'ses', 'mon', 'ma', 'mes',
  'ton', 'ta', 'tes', 'notre', 'nos', 'votre', 'vos', 'leur', 'leurs', 'ce', 'cet', 'cette', 'ces',
  'au', 'aux', 'quel', 'quelle', 'quels', 'quelles', 'chaque', 'plusieurs', 'certains', 'certaines',
  'quelques', 'aucun', 'aucune', 'nul', 'nulle', 'tout', 'toute', 'grande', 'grand', 'petite', 'petit',
  'forte', 'belle', 'véritable', 'vraie', 'cette',
]);

/** English function words: a form next to one of them belongs to an English phrase. */
export const ENGLISH = new Set([
  'the', 'of', 'and', 'to', 'for', 'with', 'is', 'are', 'will', 'be', 'by', 'from', 'this', 'that',
  'your', 'our', 'we', 'you', 'it', 'its', 'or', 'as', 'at', 'was', 'were', 'can', 'not', 'has', 'have',
]);
