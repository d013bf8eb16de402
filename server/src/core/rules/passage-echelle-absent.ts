import type { Rule } from '../types';
import { paragraphs, reportOnHeading, someBlockMatches } from '../text';
import { words } from './lexique';

/** Going from the first perimeter to a national public service. */
const SCALING = words(
  String.raw`nationale?s?|nationalement|généralis\p{L}*|passage à l['’]échelle|mise à l['’]échelle|changement d['’]échelle|` +
    String.raw`essaim\p{L}*|étend\p{L}*|extension|élarg\p{L}*|à d['’]autres|autres (?:territoires|départements|régions|communes|collectivités|académies|publics)|` +
    String.raw`toute la France|tout le territoire|l['’]ensemble du territoire|tous les départements|montée en charge|accélér\p{L}*|` +
    String.raw`industrialis\p{L}*|répliqu\p{L}*|dupliqu\p{L}*|déploiement (?:progressif|plus large|à grande échelle)|plus largement|` +
    String.raw`grande échelle|ensemble des (?:territoires|départements|régions|communes|collectivités|académies)|` +
    String.raw`(?:de )?nouve(?:aux|lles) (?:utilisat(?:eur|rice)s|usag(?:er|ère)s|territoires|départements|régions|académies|collectivités|communes|` +
    String.raw`structures|administrations|produits|publics|partenaires|clients|sites|ministères)|tou(?:te)?s les (?:ministères|académies|régions|préfectures|DDT|CAF)|` +
    String.raw`(?:territoires|départements|régions|communes|collectivités|académies|préfectures|villes) (?:voisin\p{L}*|limitrophes|alentour)|` +
    String.raw`(?:ouvr\p{L}*|ouvert\p{L}*|propos\p{L}*) (?:le service |l['’]outil )?à tou(?:te)?s|100 ?% des|interministériel\p{L}*|à (?:moyen|long|plus long) terme|à terme|horizon \d{4}`,
  'iu',
);

/** The investigation phase, before any service exists. */
const INVESTIGATION = /investigation/iu;

const rule: Rule = {
  id: 'passage-echelle-absent',
  sections: ['strategie'],
  defaultSeverity: 'hint',
  fixable: false,
  description: 'La Stratégie ne dit pas comment passer du premier périmètre à un service national.',
  explanation: [
    '**Après le premier périmètre, accélérez.** La méthode demande de dire comment le service passe de quelques',
    'volontaires à un service public national : d’autres territoires, un essaimage, une reprise par une administration.',
    '',
    '- À éviter : « Six mois avec deux communes volontaires. » (et rien après)',
    '- Mieux : « Six mois avec deux communes volontaires, puis les communes du département, puis un essaimage national porté par l’ANCT. »',
  ].join('\n'),
  // All the Stratégie sections together. A fiche still in investigation has no perimeter to scale up yet.
  check({ document, sections }) {
    const strategy = sections.filter((section) => !INVESTIGATION.test(section.title));
    const blocks = paragraphs(strategy);
    const headings = strategy.map((section) => document.prose.slice(section.headingStart, section.headingEnd));
    if (
      blocks.length === 0 ||
      headings.some((heading) => SCALING.test(heading)) ||
      someBlockMatches(document, blocks, SCALING) ||
      someBlockMatches(document, blocks, INVESTIGATION)
    ) {
      return [];
    }
    return [reportOnHeading(strategy, blocks[0], 'Comment passez-vous du premier périmètre à un service national ? Dites la suite : autres territoires, essaimage…')];
  },
};

export default rule;
