import type { Rule } from '../types';
import { tenseHitsOf, tenseReport } from '../tense/document';

const rule: Rule = {
  id: 'temps-conditionnel',
  sections: ['solution'],
  defaultSeverity: 'warning',
  fixable: true,
  description: 'Solution au conditionnel (« pourrait », « permettrait ») : affirmez-la au présent.',
  explanation: [
    '**Décrivez le service comme s’il existait déjà, au présent.** Le conditionnel (« pourrait »,',
    '« permettrait », « devraient ») fait de la Solution une hypothèse : la méthode demande un service',
    'affirmé, nommé, avec une promesse concrète — « Grâce à <Nom>, <verbe au présent>… ».',
    '',
    '- À éviter : « Cette plateforme pourrait réduire les délais et permettrait aux familles de s’inscrire. »',
    '- Mieux : « Grâce à Inscrip’, les familles inscrivent leur enfant en ligne en dix minutes. »',
  ].join('\n'),
  check({ document, sections }) {
    return tenseHitsOf(document, sections)
      .filter((hit) => hit.kind === 'conditionnel')
      .map(tenseReport);
  },
};

export default rule;
