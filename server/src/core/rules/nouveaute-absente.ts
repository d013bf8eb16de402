import type { Rule } from '../types';
import { paragraphs, reportOnHeading, someBlockMatches } from '../text';
import { wordStarts } from './lexique';

/** Words that show an old rule being broken: a before/after, a default reversed, a first time. */
const NOVELTY = wordStarts(
  String.raw`plutôt (?:que|qu['’])|au lieu d[e'’]|sans (?:avoir à|avoir besoin|devoir|se déplacer|attendre|passer par|aucun|aucune)|[àa] posteriori|[àa] priori|par défaut|désormais|dorénavant|pour la première fois|jusqu['’](?:ici|à présent|alors|aujourd['’]hui)|ne (?:\S+ )?plus\b|n['’]\S+ plus\b|plus besoin|fini(?:e|s|es)? les?|contrairement|en rupture|auparavant|aujourd['’]hui|actuellement|alors qu['’]|changement de paradigme|automatiquement|proactive?ment|directement|immédiatement|en quelques (?:clics|minutes|secondes)|en un clic|nouveau|nouvelle|nouveaux|nouvelles|inédit(?:e|s|es)?|simplifi\w*|sans attendre`,
  'iu',
);

const rule: Rule = {
  id: 'nouveaute-absente',
  sections: ['solution'],
  defaultSeverity: 'information',
  fixable: false,
  description: 'La Solution ne dit pas quelle règle ancienne de l’administration le service brise.',
  explanation: [
    '**Dites quelle règle ancienne le service brise.** « L’innovation, ce n’est pas forcément des idées nouvelles,',
    'mais plutôt des anciennes idées que l’on abandonne » : confiance par défaut plutôt que méfiance, contrôles',
    'a posteriori plutôt qu’a priori, société civile et pas uniquement la préfecture.',
    '',
    '- À éviter : « Grâce à Mon Aide, les familles déposent leur dossier en ligne. »',
    '- Mieux : « Grâce à Mon Aide, les familles reçoivent l’aide par défaut, sans dossier : les contrôles se font a posteriori plutôt qu’a priori. »',
  ].join('\n'),
  // All the Solution sections together: a fiche may split its Solution under several headings.
  check({ document, sections }) {
    const blocks = paragraphs(sections);
    if (blocks.length === 0 || someBlockMatches(document, blocks, NOVELTY)) {
      return [];
    }
    return [reportOnHeading(sections, blocks[0], 'Dites quelle règle ancienne le service brise (« plutôt que… », « sans avoir à… », « par défaut », « a posteriori »…).')];
  },
};

export default rule;
