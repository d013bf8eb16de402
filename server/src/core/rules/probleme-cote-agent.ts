import type { Rule } from '../types';
import { paragraphs, reportOnHeading, someBlockMatches } from '../text';
import { AGENT_WORDS, USER_WORDS, words } from './lexique';

const AGENTS = words(AGENT_WORDS, 'iu');
const USERS = words(USER_WORDS, 'iu');

const rule: Rule = {
  id: 'probleme-cote-agent',
  sections: ['probleme'],
  defaultSeverity: 'information',
  fixable: false,
  description: 'Le Problème décrit la peine des agents ou de l’administration, sans parler des usagers.',
  explanation: [
    '**Le drame est celui des usagers, pas des agents.** Un problème d’organisation interne (saisies en double,',
    'tableurs, charge des agents) compte quand il fait souffrir des personnes : dites lesquelles et comment.',
    '',
    '- À éviter : « Les agents instructeurs ressaisissent chaque dossier dans trois logiciels. »',
    '- Mieux : « Les 40 000 familles qui demandent une aide attendent 4 mois, car chaque dossier est ressaisi trois fois. »',
  ].join('\n'),
  // All the Problème sections together, as for `probleme-non-quantifie`.
  check({ document, sections }) {
    const blocks = paragraphs(sections);
    if (blocks.length === 0 || !someBlockMatches(document, blocks, AGENTS) || someBlockMatches(document, blocks, USERS)) {
      return [];
    }
    return [reportOnHeading(sections, blocks[0], 'Le problème parle des agents ou de l’administration : quelle souffrance vivent les usagers (personnes, familles, entreprises…) ?')];
  },
};

export default rule;
