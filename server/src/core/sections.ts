import type { SectionKind } from './types';

/**
 * Heading patterns per section kind, tried in order on the normalised heading (lower case, no
 * accents, no emoji, numbering or leading article). Built from the headings of real fiches:
 * "Le problème", "Problème visé :", "🔍 Problème", "2. La solution", "Notre solution",
 * "La solution : X, la plateforme…", "Stratégie de déploiement", "Objectifs à 6 mois"…
 */
const HEADING_PATTERNS: readonly [RegExp, SectionKind][] = [
  [/^(contexte|elements de contexte|quelques elements de contexte|enjeux?|historique)\b/, 'contexte'],
  [/^(problemes?|problematiques?|drame|constats?|probleme investigue|resume du probleme)\b/, 'probleme'],
  [
    /^(solutions?|hypotheses? de solutions?|pistes? de solution|(service|produit|offre)$|reponse|proposition de valeur|comment (ca|cela) (marche|fonctionne))\b/,
    'solution',
  ],
  [/^(impacts?|mesures? d(e|u|es)? ?l? ?impact|indicateurs?( d impact)?|objectifs? d impact|benefices attendus|resultats attendus)\b/, 'impact'],
  [
    /^(strategie|deploiement|objectifs?|feuille de route|roadmap|plan de deploiement|prochaines etapes|territoires? d experimentation|perimetre|calendrier)\b/,
    'strategie',
  ],
  [
    /^(premiers? (utilisateurs?|usagers?|beneficiaires?)|utilisateurs?|usagers?|cibles?|beneficiaires?|public cible|destinataires)\b/,
    'utilisateurs',
  ],
  [/^(risques?|scenario du pire|pire scenario)\b/, 'risques'],
  [/^(prototypes?|maquettes?|demo|demonstration)\b/, 'prototype'],
];

/** Words that name a kind anywhere in a heading ("Pourquoi ce problème ?", "Contexte/problème"). */
const KEYWORDS: readonly [RegExp, SectionKind][] = [
  [/\bcontexte\b/, 'contexte'],
  [/\b(problemes?|problematique)\b/, 'probleme'],
  [/\bsolutions?\b/, 'solution'],
  [/\b(strategie|deploiement)\b/, 'strategie'],
  [/\brisques?\b/, 'risques'],
];

const LEADING_WORDS =
  /^(?:(?:le|la|les|l|notre|nos|votre|vos|mon|ma|mes|un|une|des|du|de|d|en|quelle|quel|quelles|quels)\s+)+/;

/** The section kind a heading stands for (`autre` when it names none of the method's sections). */
export function classifyHeading(heading: string): SectionKind {
  const normalized = normalizeHeading(heading);
  for (const [pattern, kind] of HEADING_PATTERNS) {
    if (pattern.test(normalized)) {
      return kind;
    }
  }
  // The head of the heading (before a colon) may still name a kind ("Contexte/problème").
  const head = normalizeHeading(heading.split(/[:：]/)[0]);
  for (const [pattern, kind] of KEYWORDS) {
    if (pattern.test(head)) {
      return kind;
    }
  }
  return 'autre';
}

/** Lower case, without accents, emoji, punctuation, numbering or leading articles. */
export function normalizeHeading(heading: string): string {
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
    .replace(/[*_`]+/g, '')
    .replace(/\s*[:：]\s*$/, '')
    .trim();
  return title === '' ? heading.trim() : title;
}
