import type { Rule } from '../types';
import { findInBlocks, paragraphs } from '../text';
import { words } from './lexique';

/** Online questionnaires and surveys, which the method rules out to measure the impact. */
const SURVEY = words(
  String.raw`questionnaires? (?:en ligne|de satisfaction|numériques?|web)|enquêtes? (?:en ligne|de satisfaction)|sondages?|` +
    String.raw`formulaires? (?:de satisfaction|en ligne)|google forms?|typeform`,
);

const rule: Rule = {
  id: 'questionnaire-en-ligne',
  sections: ['impact'],
  defaultSeverity: 'warning',
  fixable: false,
  description: 'L’impact est mesuré par un questionnaire en ligne, un sondage ou un formulaire de satisfaction.',
  explanation: [
    '**Allez voir les usagers.** Pour mesurer les premiers succès, la méthode demande d’appeler et de rencontrer une',
    'dizaine d’usagers ; répondre « avec un questionnaire en ligne » est explicitement exclu : il ne dit pas ce qui a',
    'changé pour eux.',
    '',
    '- À éviter : « Nous mesurerons la satisfaction avec un questionnaire en ligne. »',
    '- Mieux : « Nous appelons dix familles chaque mois et comparons le délai de versement avant et après. »',
  ].join('\n'),
  check({ document, sections }) {
    return findInBlocks(document, paragraphs(sections), SURVEY).map(({ start, end, groups }) => ({
      start,
      end,
      message: `« ${groups[0]} » : la méthode exclut le questionnaire en ligne. Appelez ou rencontrez une dizaine d’usagers.`,
    }));
  },
};

export default rule;
