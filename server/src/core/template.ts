import type { SectionKind } from './types';

/** A section of the method, as the template writes it. */
export interface MethodSection {
  kind: Exclude<SectionKind, 'autre'>;
  /** Canonical heading text (what the template and the completion insert). */
  title: string;
  optional: boolean;
  /** Guidance for the author, French. Written inside an HTML comment, so never analysed. */
  guidance: string;
}

/** The method's sections, in the order of a fiche. */
export const METHOD_SECTIONS: readonly MethodSection[] = [
  {
    kind: 'contexte',
    title: 'Contexte',
    optional: true,
    guidance: 'Facultatif. Plantez le décor en quelques lignes : le dispositif, les acteurs, ce qui existe déjà.',
  },
  {
    kind: 'probleme',
    title: 'Problème',
    optional: false,
    guidance:
      'Le « drame » : une souffrance des usagers (pas des agents), qui se répète chaque année, chiffrée. ' +
      'Par exemple : « Chaque année, des centaines de milliers de personnes … ». Partez du problème, jamais d’une technologie.',
  },
  {
    kind: 'solution',
    title: 'Solution',
    optional: false,
    guidance:
      'Décrivez le service comme s’il existait déjà, au présent, en le nommant : « Grâce à <Nom>, obtenez … ». ' +
      'Dites quelle règle ancienne il brise (confiance par défaut, contrôle a posteriori…). Pas d’analogie, pas de liste de fonctionnalités.',
  },
  {
    kind: 'strategie',
    title: 'Stratégie',
    optional: false,
    guidance:
      'Six mois pour que de vrais usagers disent « grâce à ce produit, j’ai moins de problèmes ». Réduisez le périmètre, ' +
      'cherchez des premiers utilisateurs et partenaires volontaires, ne dépendez d’aucun décret ni marché public.',
  },
  {
    kind: 'utilisateurs',
    title: 'Premiers utilisateurs',
    optional: false,
    guidance: 'Qui sont-ils, comment les joindre (canal, message), qu’est-ce qui les amène à un premier « open lab » ?',
  },
  {
    kind: 'impact',
    title: 'Impact',
    optional: false,
    guidance:
      'La différence concrète entre avant et après. Trois façons de mesurer les premiers succès (appels, visites à une dizaine ' +
      'd’usagers — pas de questionnaire en ligne) et trois mesures d’impact à deux ans.',
  },
  {
    kind: 'risques',
    title: 'Risques',
    optional: false,
    guidance: 'Le pire scénario, celui qui ferait regretter d’avoir commencé, et les petites actions pour le dépasser.',
  },
  {
    kind: 'prototype',
    title: 'Prototype',
    optional: true,
    guidance: 'Facultatif. Un lien vers une première version construite sans développeur.',
  },
];

/** Placeholder for the service's name when the author has not chosen one yet. */
export const NAME_PLACEHOLDER = 'Nom du service';

/** The method section of this kind, if the method has one. */
export function methodSection(kind: SectionKind): MethodSection | undefined {
  return METHOD_SECTIONS.find((section) => section.kind === kind);
}

/**
 * The skeleton of a section: its level-2 heading and its guidance in an HTML comment, ending
 * with a blank line. Used by the `section-manquante` fix and by the template.
 */
export function sectionSkeleton(kind: SectionKind): string {
  const section = methodSection(kind);
  if (!section) {
    return '## Autre\n\n';
  }
  return `## ${section.title}\n\n<!-- ${section.guidance} -->\n\n`;
}

/** The whole fiche as plain text, every section with its guidance, front matter with the name. */
export function ficheTemplate(name: string = NAME_PLACEHOLDER): string {
  return `---\ntitle: ${name}\n---\n\n` + METHOD_SECTIONS.map((section) => sectionSkeleton(section.kind)).join('');
}

/** The whole fiche template (plain text), e.g. for a new untitled document. */
export const FICHE_TEMPLATE = ficheTemplate();

/** Escapes text for the body of a VS Code / LSP snippet. */
export function escapeSnippet(text: string): string {
  return text.replace(/[$}\\]/g, '\\$&');
}

/**
 * The whole template as a snippet: the name is the first tab stop, then the cursor lands on an
 * empty line of the Problème. Otherwise the same text as `FICHE_TEMPLATE`.
 */
export function ficheTemplateSnippet(): string {
  const marker = '\u0000NAME\u0000';
  const [beforeName, afterName] = escapeSnippet(ficheTemplate(marker)).split(marker);
  const problemGuidance = `<!-- ${escapeSnippet(methodSection('probleme')!.guidance)} -->\n\n`;
  return `${beforeName}\${1:${NAME_PLACEHOLDER}}${afterName.replace(problemGuidance, () => `${problemGuidance}$0\n\n`)}`;
}

/** The "Grâce à <Nom>, …" opening as a snippet: the name when known, else a placeholder. */
export function graceASnippet(name: string | undefined): string {
  return name === undefined
    ? `Grâce à \${1:${NAME_PLACEHOLDER}}, \${2:obtenez …}`
    : `Grâce à ${escapeSnippet(name)}, \${1:obtenez …}`;
}

/** The "Grâce à <Nom>, " opening as plain text (for clients without snippet support). */
export function graceAText(name: string | undefined): string {
  return `Grâce à ${name ?? NAME_PLACEHOLDER}, `;
}
