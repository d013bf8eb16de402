import type { Report, Rule } from '../types';
import { findInBlocks, fold, paragraphs } from '../text';

/** A generic reference to the service: "ce site", "notre application", "la plateforme"… */
export const GENERIC_SERVICE =
  /^(?:ce|cet|cette|notre|votre|la|le|l['’]|une?|nos|vos|ces)\s*(?:site(?: web| internet)?|service(?: numérique| en ligne)?|plateforme(?: numérique| en ligne)?|application(?: mobile| web)?|appli|outil(?: numérique)?|portail|produit|logiciel|dispositif|start-?up|interface)\b/iu;

/** "grâce à" + a generic reference, not followed by a capitalised name ("la plateforme Mon Aide"). */
const GRACE_A_GENERIC = new RegExp(
  // "gr" first, then the word boundary before it: with `i` and `u`, a leading `\b` is ten times slower in V8.
  String.raw`(gr(?<=\bgr)[âa]ce [àa]\s+)(` + GENERIC_SERVICE.source.slice(1) + String.raw`)(?!\s+[\p{Lu}\d«"])`,
  'giu',
);

const rule: Rule = {
  id: 'nom-generique',
  sections: ['solution'],
  defaultSeverity: 'warning',
  fixable: true,
  description: '« Grâce à ce site / ce service / cette plateforme… » au lieu du nom du service.',
  explanation: [
    '**Remplacez « ce site » par le nom du service.** Dans la méthode, « grâce à ce site… » est la forme à',
    'compléter : le nom rend le service concret et mémorisable.',
    '',
    '- À éviter : « Grâce à cette plateforme, les familles trouvent une place en crèche. »',
    '- Mieux : « Grâce à 1000 jours, les familles trouvent une place en crèche en moins d’un mois. »',
  ].join('\n'),
  check({ document, sections }) {
    const name = document.name?.value;
    return findInBlocks(document, paragraphs(sections), GRACE_A_GENERIC).map(({ start, end, groups }): Report => {
      const genericStart = start + groups[1].length;
      const generic = groups[2];
      return {
        start: genericStart,
        end,
        message: name
          ? `Nommez le service : « grâce à ${name} » plutôt que « grâce à ${generic} ».`
          : `Nommez le service plutôt que « ${generic} ».`,
        // No fix when the name itself holds the generic words (it would grow at every pass).
        fixes:
          name && !fold(name).includes(fold(generic))
            ? [{ title: `Remplacer par « ${name} »`, edits: [{ start: genericStart, end, newText: name }] }]
            : undefined,
      };
    });
  },
};

export default rule;
