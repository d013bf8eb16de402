import type { SectionKind } from './types';

// How a heading becomes a section kind (see docs/sections.md for the figures):
// 1. headings that name something outside the method (team, chronology, end of the project,
//    lessons, contacts…) are `autre`, whatever their text says;
// 2. headings that name a kind ("Le problème", "Notre solution", "Objectifs à 6 mois", "Public
//    visé"…) get it;
// 3. vague headings ("Investigation", "Résultats", "Le défi", "Recrutez des gens, pas des CV !")
//    get their kind from cue words of the first paragraphs under them, when the caller gives
//    that text; without text, or when the cues are weak, they stay as the heading says.
// All patterns apply to the normalised heading (lower case, no accents, emoji, punctuation,
// numbering or leading article): "🔍 Le Problème :" → "probleme".

/** Headings that name something outside the method's sections: never refined from the text. */
const OUTSIDE_PATTERNS: readonly RegExp[] = [
  /^(equipe|qui sommes nous|a propos|contacts?|contactez|remerciements|partenaires|moyens|budget|sources|liens?|docs?|documents|ressources|recompenses)\b/,
  /^(chronologie|dates? cle|statut|avancement|ou en est on|travaux en cours|en cours de construction|en phase d)\b/,
  /^(abandon|arret|fin (de|d|du)|post ?mortem|hibernation|interruption|transfert|devenir|suites?|quelle suite|reprise|pause|fermeture|pivot)\b/,
  /^(conclusions?|bilan|apprentissages?|enseignements?|ce que nous (avons appris|devons apprendre)|quels apprentissages|synthese des apprentissages|principaux enseignements|resultats de l investigation)\b/,
  /^(methode|methodologie|demarche( d investigation)?$|actions menees|sujets a debloquer|hypotheses a tester)\b/,
  /^(services? (numerique )?a impact national|startup d etat$|start ?up$|fiche produit|pourquoi (cette phase|parler)|impact covid)\b/,
  /^(vous (souhaitez|voulez)|question|envie d en savoir|pour en savoir plus|testez|devenir integrateur|lien vers|ou (trouver|acceder))\b/,
  /\bn ont pas ete validees\b/,
  /\b(service a impact national|startup d etat|sujets a debloquer|archives)\b/,
  /\b(arret|abandon) (du|de la|de l|des)\b/,
];

/**
 * Heading patterns per section kind, tried in order. Built from the headings of the 347 real
 * fiches of the corpus: "Problème visé :", "2. La solution", "Le service : Acceslibre, la
 * plateforme…", "Hypothèses de solution", "Objectifs à 6 mois", "Territoire d'expérimentation"…
 */
const HEADING_PATTERNS: readonly [RegExp, SectionKind][] = [
  [/^(contexte|elements de contexte|quelques elements de contexte|enjeux?|historique|situation)\b/, 'contexte'],
  [/^(\w+ )?(un )?service de la mission\b/, 'contexte'],
  // Existing solutions that fall short are part of the problem.
  [/^solutions? (existantes?|insuffisantes?|actuelles?)\b/, 'probleme'],
  [
    /^(problemes?|problematiques?|drame|constats?|probleme investigue|resume du probleme|defi|consequences|hypotheses? (de l investigation|de depart))\b/,
    'probleme',
  ],
  [/^(pourquoi (ce|le|les) problemes?)\b/, 'probleme'],
  [
    /^(solutions?|hypotheses? de solutions?|pistes? de solution|(service|produit|offre|projet|produits)$|reponse|proposition de valeur|comment (ca|cela) (marche|fonctionne)|comment (marche|fonctionne)\b|comment$)\b/,
    'solution',
  ],
  [
    /^(description (du|et) (vision )?produit|descriptif du service|principales fonctionnalites|fonctionnalites|innovations|cas d usage|qu est ce que?|c est quoi|a quoi sert|quels sont les outils|orientation pressentie|hypotheses d amelioration|recommandations|proposition d)\b/,
    'solution',
  ],
  [/\b(c est quoi|proposition de valeur)\b/, 'solution'],
  [
    /^(impacts?|mesures? d(e|u|es)? ?l? ?impact|indicateurs?( d impact)?|objectifs? d impact|benefices?|avantages|resultats attendus|metriques d impact|matrice d impact|mesures? de succes|ce que .{1,30} change)\b/,
    'impact',
  ],
  [
    /^(strategie|deploiement|objectifs?|feuille de route|roadmap|plan de deploiement|plan d experimentation|prochaines etapes|territoires? (d experimentation|concernes)|perimetre|calendrier|test pilote|ambitions? pour|et maintenant|etat d avancement et prochaines etapes|cours et perspectives|ecosysteme)\b/,
    'strategie',
  ],
  [
    /^(premiers? (utilisateurs?|usagers?|beneficiaires?)|utilisateurs?|usagers?|cibles?|beneficiaires?|public (cible|vise|prioritaire)|destinataires|qui peut l utiliser)\b/,
    'utilisateurs',
  ],
  [/^(risques?|scenario du pire|pire scenario)\b/, 'risques'],
  [/^(prototypes?|maquettes?|demo|demonstration)\b/, 'prototype'],
];

/** "Datagir, un service pour…", "Bâti-Amiante : l'outil simple pour…": a name, then what it is. */
const NAMED_SERVICE = /^[^,:：]{1,40}[,:：]\s*(un|une|l['’]|la|le)\s*(service|outil|plateforme|application|portail|simulateur)\b/i;

/** The outside patterns as one regular expression (one scan instead of nine). */
const OUTSIDE = new RegExp(OUTSIDE_PATTERNS.map((pattern) => pattern.source).join('|'));

/** Words that name a kind anywhere in the head of a heading ("Contexte/problème"). */
const KEYWORDS: readonly [RegExp, SectionKind][] = [
  [/\bcontexte\b/, 'contexte'],
  [/\b(problemes?|problematique)\b/, 'probleme'],
  [/\bsolutions?\b/, 'solution'],
  [/\b(strategie|deploiement)\b/, 'strategie'],
  [/\brisques?\b/, 'risques'],
];

/**
 * Headings whose kind depends on the text: "Investigation" is a plan (stratégie) when it says
 * what the investigation will do, a report otherwise; "Résultats" is an impact when it gives
 * figures; "Contexte et problématique" is a problem when the text states one.
 */
const TEXT_DEPENDENT: readonly [RegExp, SectionKind][] = [
  [/^(phase d |l )?investigation$|^(exploration|phase d investigation)\b|^investigation\b/, 'autre'],
  [/^(resultats?|usage de)\b/, 'autre'],
  [/^experimentation\b/, 'strategie'],
  [/^(contexte (et|du) (probleme|problematique)|contexte probleme)\b/, 'contexte'],
];

const LEADING_WORDS =
  /^(?:(?:le|la|les|l|notre|nos|votre|vos|mon|ma|mes|un|une|des|du|de|d|en|quelle|quel|quelles|quels)\s+)+/;

/** At most this many characters of the text under a heading are looked at. */
export const SECTION_TEXT_LIMIT = 600;

/**
 * The section kind a heading stands for (`autre` when it names none of the method's sections).
 * `text`, the prose of the first blocks under the heading, refines vague headings.
 */
export function classifyHeading(heading: string, text?: string): SectionKind {
  const normalized = normalizeHeading(heading);
  if (OUTSIDE.test(normalized)) {
    return 'autre';
  }
  for (const [pattern, kind] of TEXT_DEPENDENT) {
    if (pattern.test(normalized)) {
      return text === undefined ? kind : refineFromText(normalized, kind, text);
    }
  }
  // The head of the heading (before a colon) may name a kind on its own: "Le produit : Aides-territoires".
  const colon = heading.search(/[:：]/);
  const head = colon > 0 ? normalizeHeading(heading.slice(0, colon)) : normalized;
  for (const [pattern, kind] of HEADING_PATTERNS) {
    if (pattern.test(normalized) || (head !== normalized && pattern.test(head))) {
      return kind;
    }
  }
  if (NAMED_SERVICE.test(heading.replace(/[*_`]+/g, '').trim())) {
    return 'solution';
  }
  // …or contain a word that names one ("Contexte/problème").
  for (const [pattern, kind] of KEYWORDS) {
    if (pattern.test(head)) {
      return kind;
    }
  }
  return text === undefined ? 'autre' : kindFromText(text) ?? 'autre';
}

/** The prose of a section's first blocks, at most `SECTION_TEXT_LIMIT` characters. */
export function sectionText(blocks: readonly { start: number; end: number }[], prose: string): string {
  let text = '';
  for (const block of blocks) {
    if (text.length >= SECTION_TEXT_LIMIT) {
      break;
    }
    text += `${prose.slice(block.start, Math.min(block.end, block.start + SECTION_TEXT_LIMIT - text.length))}\n`;
  }
  return text;
}

const PLAN =
  /^\s*(etablir|comprendre|identifier|cartographier|evaluer|analyser|valider|mesurer|tester|definir|explorer)\b|\b(doit permettre|doivent permettre|va permettre|vont permettre|vise a|visera|seront|sera|irons|allons|nous (souhaitons|voulons)|l'objectif (de l'investigation )?est)\b/;
const FIGURES =
  /(\d[\d .,]*\s?(%|€|utilisateurs|usagers|visites|visiteurs|candidatures|dossiers|devis|sessions|questions|structures|territoires|communes|departements|jeux de donnees|par (jour|semaine|mois))|\+ ?\d|taux de)/g;
const PROBLEM_CUES =
  /\b(problemes?|problematiques?|constats?|difficultes?|difficiles?|manquent?|manque de|faute de|ne (sait|savent|connaissent|peut|peuvent|parvient|parviennent|permet|trouvent)|n'(existe|ont|a) (pas|aucun)|aucun (outil|systeme|moyen)|trop (long|de|complique)|complexes?|mal (appliqu|maitris|connu|adapt)\w*|meconnus?|inadaptee?s?|insuffisa\w*|risques?|pertes?|perdus?|gaspillage|freins?|freinee?s?|irritants?|malheureusement|pourtant|deficitaires?|inegalites?|souffr\w*|isolee?s?|victimes?|morts?|deces|blocages?|charge (administrative|de travail)|chronophages?|dispersee?s?|redondants?|obstacles?|lent\w*)\b/g;
const SOLUTION_CUES =
  /\b(permet(tent)?|propose(nt)?|offre(nt)?|accompagne(nt)?|aide(nt)?|simplifie(nt)?|facilite(nt)?|donne(nt)? acces|met(tent)? en relation|repond|centralise(nt)?|plateforme|outils?|service (numerique|public|en ligne)|application|solution|fonctionnalites?|grace a|il suffit|en quelques (clics|minutes)|vous (pouvez|etes)|c'est\s?:)\b/g;
const CONTEXT_CUES = /\b(lancee? (en|par|le)|depuis (\d{4}|la loi|le)|loi|decret|directive|plan national|mission|ministere|president)\b/g;

/** The start of a section's text, lower case, without accents, with straight apostrophes. */
function sampleOf(text: string): string {
  return text
    .slice(0, SECTION_TEXT_LIMIT)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’‘]/g, "'");
}

/** A text-dependent heading: its default kind unless the text says otherwise. */
function refineFromText(normalized: string, fallback: SectionKind, text: string): SectionKind {
  const sample = sampleOf(text);
  if (normalized.includes('investigation') || normalized.startsWith('exploration')) {
    if (/\ble (vrai |veritable )?probleme (n'etait|est|etait)\b/.test(sample)) {
      return 'probleme';
    }
    return PLAN.test(sample.slice(0, 250)) ? 'strategie' : fallback;
  }
  if (normalized.startsWith('contexte')) {
    const problem = problemScore(sample);
    return problem >= 2 && problem > contextScore(sample) ? 'probleme' : fallback;
  }
  // "Résultats", "Usage de …": an impact when the text gives figures of use or change.
  return (sample.match(FIGURES)?.length ?? 0) >= 2 ? 'impact' : fallback;
}

const problemScore = (sample: string): number => sample.match(PROBLEM_CUES)?.length ?? 0;
const solutionScore = (sample: string): number => sample.match(SOLUTION_CUES)?.length ?? 0;
const contextScore = (sample: string): number => sample.match(CONTEXT_CUES)?.length ?? 0;

/**
 * The kind a vague heading ("Recrutez des gens, pas des CV !", "Le gaspillage du transport de
 * scellés.") gets from the text under it: a problem or a solution when its cue words clearly
 * dominate, else none. A few regex scans of at most `SECTION_TEXT_LIMIT` characters.
 */
function kindFromText(text: string): SectionKind | undefined {
  const sample = sampleOf(text);
  if (sample.trim().length < 40) {
    return undefined;
  }
  const problem = problemScore(sample);
  const solution = solutionScore(sample);
  if (problem >= 2 && problem >= solution + 1) {
    return 'probleme';
  }
  if (solution >= 2 && solution >= problem + 2) {
    return 'solution';
  }
  return undefined;
}

/** Lower case, without accents, emoji, punctuation, numbering or leading articles. */
export function normalizeHeading(heading: string): string {
  // Remembered: the same headings ("Problème", "Solution"…) come back in every fiche and at
  // every keystroke, and each costs several Unicode expressions. Bounded: cleared when full.
  let normalized = normalizedHeadings.get(heading);
  if (normalized === undefined) {
    if (normalizedHeadings.size >= 1024) {
      normalizedHeadings.clear();
    }
    normalized = normalize(heading);
    normalizedHeadings.set(heading, normalized);
  }
  return normalized;
}

const normalizedHeadings = new Map<string, string>();

function normalize(heading: string): string {
  return heading
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’']/g, ' ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/^(\d+|[ivx]+)\s+/, '')
    .replace(LEADING_WORDS, '')
    .trim();
}

/** A heading's title as shown to users: no Markdown emphasis, no trailing colon. */
export function cleanTitle(heading: string): string {
  const title = heading
    .replace(/<!--[^]*?-->/g, '')
    .replace(/[*_`]+/g, '')
    .replace(/\s*[:：]\s*$/, '')
    .trim();
  return title === '' ? heading.trim() : title;
}
