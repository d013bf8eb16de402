import type { Report, Rule } from '../types';
import { blockTexts, paragraphs } from '../text';
import { acronyms, inLinkLabel, isAlone, isDefined, isNamed, isShouted, looksLikeAcronym, nameWords } from './sigles';

const rule: Rule = {
  id: 'sigle-non-defini',
  sections: 'fiche',
  defaultSeverity: 'hint',
  fixable: false,
  description: 'Sigle jamais développé dans la fiche (DPM, OPCO, SGCD…), hors sigles connus de tous.',
  explanation: [
    '**Développez chaque sigle une fois.** Le lecteur d’une fiche ne connaît pas forcément le jargon de votre',
    'administration : écrivez le nom en entier à la première occurrence, le sigle entre parenthèses.',
    'Les sigles connus de tous (CAF, RSA, SNCF, PME…) n’ont pas besoin de l’être.',
    '',
    '- À éviter : « Les OPCO financent la formation des salariés des TPE. »',
    '- Mieux : « Les opérateurs de compétences (OPCO) financent la formation des salariés des TPE. »',
  ].join('\n'),
  check({ document, sections }) {
    const known = nameWords(document);
    const seen = new Set<string>();
    const reports: Report[] = [];
    const blocks = paragraphs(sections);
    const texts = blockTexts(document, blocks);
    for (let b = 0; b < blocks.length; b++) {
      const block = blocks[b];
      const text = texts[b];
      for (const { index, run: acronym } of acronyms(text)) {
        if (
          seen.has(acronym) ||
          known.has(acronym) ||
          !looksLikeAcronym(acronym) ||
          isShouted(text, index, acronym.length) ||
          isNamed(text, index, acronym.length) ||
          isAlone(text, acronym) ||
          inLinkLabel(document.text, block.start + index)
        ) {
          continue;
        }
        seen.add(acronym);
        if (!isDefined(document, acronym)) {
          const start = block.start + index;
          reports.push({ start, end: start + acronym.length, message: `« ${acronym} » : développez ce sigle à sa première occurrence, par exemple « Nom en toutes lettres (${acronym}) ».` });
        }
      }
    }
    return reports;
  },
};

export default rule;
