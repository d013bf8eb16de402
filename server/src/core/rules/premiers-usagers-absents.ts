import type { FicheDocument, Rule, Section } from '../types';
import { blockText, paragraphs, reportOnHeading, someBlockMatches } from '../text';
import { FIRST_USERS_WORDS, NAMED_PERIMETER, words } from './lexique';

const FIRST_USERS = words(FIRST_USERS_WORDS, 'iu');

/** The investigation phase ("Stratégie d'investigation"): no service, hence no first users yet. */
const INVESTIGATION = /investigation/iu;

/** True when the sections (headings included: "Territoire d'expérimentation") name a first perimeter. */
function namesFirstUsers(document: FicheDocument, sections: readonly Section[]): boolean {
  const texts = sections.flatMap((section) => [
    document.prose.slice(section.headingStart, section.headingEnd),
    ...section.blocks.map((block) => blockText(document, block)),
  ]);
  return texts.some((text) => FIRST_USERS.test(text) || NAMED_PERIMETER.some((pattern) => pattern.test(text)));
}

const rule: Rule = {
  id: 'premiers-usagers-absents',
  sections: ['strategie'],
  defaultSeverity: 'information',
  fixable: false,
  description: 'La Stratégie ne nomme ni premiers usagers, ni partenaires, ni pilotes, ni volontaires.',
  explanation: [
    '**Dites avec qui vous commencez.** La méthode demande de chercher des premiers usagers et des partenaires',
    'volontaires (une commune, une agence, une association) : ce sont eux qui diront « grâce à ce produit, j’ai moins',
    'de problèmes ».',
    '',
    '- À éviter : « Le service sera lancé à l’automne puis amélioré au fil des retours. »',
    '- Mieux : « Six mois avec les CAF de la Drôme et de l’Ardèche, volontaires, et une centaine de familles. »',
  ].join('\n'),
  // All the Stratégie sections together; a "Premiers utilisateurs" section with text answers it too.
  // A fiche still in investigation is left alone.
  check({ document, sections }) {
    const strategy = sections.filter((section) => !INVESTIGATION.test(section.title));
    const blocks = paragraphs(strategy);
    const users = paragraphs(document.sections.filter((section) => section.kind === 'utilisateurs'));
    if (blocks.length === 0 || users.length > 0 || namesFirstUsers(document, strategy) || someBlockMatches(document, blocks, INVESTIGATION)) {
      return [];
    }
    return [reportOnHeading(strategy, blocks[0], 'Avec qui commencez-vous ? Nommez les premiers usagers, partenaires ou territoires volontaires.')];
  },
};

export default rule;
