import type { Rule } from '../types';
import { blockTexts, paragraphs, reportOnHeading } from '../text';
import { words } from './lexique';

/** A measure: a figure, a count, a rate, a delay, a cost, a field check (each mention counts once). */
const MEASURE = words(
  String.raw`nombres?|taux|parts?|pourcentages?|proportions?|ratios?|délais?|durées?|temps|coûts?|économies?|montants?|` +
    String.raw`satisfaction|entretiens?|appels?|visites?|observations?|retours?|baisses?|hausses?|augmentations?|diminutions?|` +
    String.raw`réductions?|volumes?|quantités?|scores?|(?<=nombre (?:de|d['’])[^.;:]*,\s*)(?:de|du|des)|\d+(?:[\s\u00a0\u202f]\d{3})*(?:[.,]\d+)?`,
);

/** Measures published elsewhere: a dashboard, a statistics page. */
const DASHBOARD = words(String.raw`tableaux? de bord|page de stat\p{L}*|statistiques|metabase|/stats`, 'iu');

/** A heading that announces a list of indicators: each list item under it is a measure. */
const INDICATORS = /mesur|indicateur|métrique|kpi/iu;

/** The method asks for three ways to measure early wins. */
const MINIMUM = 3;

const rule: Rule = {
  id: 'mesures-insuffisantes',
  sections: ['impact'],
  defaultSeverity: 'information',
  fixable: false,
  description: `L’Impact donne moins de ${MINIMUM} façons de mesurer les effets du service.`,
  explanation: [
    `**Donnez ${MINIMUM} façons de mesurer.** La méthode demande trois façons de mesurer les premiers succès (appels,`,
    'visites à une dizaine d’usagers) et trois mesures d’impact à deux ans : une seule mesure ne dit pas si le',
    'service change vraiment la vie des usagers.',
    '',
    '- À éviter : « Le nombre de visites sur le site. »',
    '- Mieux : « Le délai moyen de versement ; la part des familles qui renoncent ; dix appels par mois à des familles. »',
  ].join('\n'),
  // All the Impact sections together; every mention of a figure or a measure counts.
  check({ document, sections }) {
    const blocks = paragraphs(sections);
    if (blocks.length === 0) {
      return [];
    }
    const texts = blockTexts(document, blocks);
    if (texts.some((text) => DASHBOARD.test(text))) {
      return [];
    }
    const mentions = texts.flatMap((text) => text.match(MEASURE) ?? []).length;
    const items = sections
      .filter((section) => INDICATORS.test(section.title))
      .flatMap((section) => section.blocks.filter((block) => block.type === 'paragraph' && block.inList)).length;
    const count = Math.max(mentions, items);
    if (count >= MINIMUM) {
      return [];
    }
    return [reportOnHeading(sections, blocks[0], `${count === 0 ? 'Aucune façon' : count === 1 ? 'Une seule façon' : 'Deux façons'} de mesurer l’impact : donnez-en au moins ${MINIMUM} (appels, visites, indicateurs chiffrés).`)];
  },
};

export default rule;
