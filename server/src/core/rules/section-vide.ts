import type { FicheDocument, Rule, Section } from '../types';

const rule: Rule = {
  id: 'section-vide',
  sections: 'fiche',
  defaultSeverity: 'warning',
  fixable: false,
  description: 'Titre de section sans aucun texte en dessous.',
  explanation: [
    '**Une section vide laisse le lecteur sur sa faim.** Écrivez-la, même en deux phrases, ou supprimez le titre.',
    'Un commentaire HTML (les consignes du modèle) ne compte pas comme du texte.',
    '',
    '- À éviter : `## Stratégie` suivi directement de `## Impact`.',
    '- Mieux : `## Stratégie` puis « Six mois avec trois communes volontaires de la Drôme, puis les départements voisins. »',
  ].join('\n'),
  check({ document }) {
    const sections = document.sections;
    return sections
      .filter((section, index) => section.level > 0 && !carriesText(section) && isEmpty(document, section) && !isTitle(section, sections[index + 1]))
      .map((section) => ({
        start: section.headingStart,
        end: section.headingEnd,
        message: `La section « ${section.title} » est vide : écrivez-la ou supprimez son titre.`,
      }));
  },
};

/**
 * True when nothing but blank lines, HTML comments and sub-headings without text follows the
 * heading. A picture, a table or an embedded video is content even when it holds no prose.
 */
function isEmpty(document: FicheDocument, section: Section): boolean {
  if (section.blocks.some((block) => block.type === 'paragraph')) {
    return false;
  }
  const body = document.text
    .slice(section.headingEnd, section.end)
    .replace(/<!--[^]*?(?:-->|$)/g, '')
    .replace(/^[ \t]{0,3}#{1,6}(?:[ \t].*)?$/gm, '')
    .replace(/^[ \t]*[-*_=]{3,}[ \t]*$/gm, '')
    .replace(/^[^\r\n]*/, ''); // the rest of the heading's own line (closing #, emphasis)
  return body.trim() === '';
}

/** A heading that holds its own content after a colon ("Hypothèses : reprise du projet en interne…"). */
function carriesText(section: Section): boolean {
  return /[:：]\s*\p{L}/u.test(section.title);
}

/** A level-1 heading directly followed by level-2 sections is the fiche's title, not an empty section. */
function isTitle(section: Section, next: Section | undefined): boolean {
  return section.level === 1 && next !== undefined && next.level === 2;
}

export default rule;
