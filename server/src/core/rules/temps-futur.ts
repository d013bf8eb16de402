import type { Rule } from '../types';
import { tenseHitsOf, tenseReport } from '../tense/document';

const rule: Rule = {
  id: 'temps-futur',
  sections: ['solution'],
  defaultSeverity: 'warning',
  fixable: true,
  description: 'Solution au futur (« permettra », « va permettre ») : décrivez le service au présent.',
  explanation: [
    '**Décrivez le service comme s’il existait déjà, au présent.** La méthode demande une Solution',
    'qui se lit comme un service en place : « Grâce à <Nom>, <verbe au présent>… ». Le futur (« permettra »,',
    '« sera ») et le futur proche (« va permettre ») en font une promesse lointaine.',
    '',
    '- À éviter : « Grâce à Mon Stage, les élèves pourront trouver un stage et vont gagner du temps. »',
    '- Mieux : « Grâce à Mon Stage, les élèves trouvent un stage près de chez eux en une semaine. »',
  ].join('\n'),
  check({ document, sections }) {
    return tenseHitsOf(document, sections)
      .filter((hit) => hit.kind === 'futur')
      .map(tenseReport);
  },
};

export default rule;
