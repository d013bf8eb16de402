import type { Rule } from '../types';
import { findInBlocks, paragraphs } from '../text';
import { words } from './lexique';

/** Intentions, ambitions and objectives, where the method wants the service as if it existed. */
const INTENTION = words(
  String.raw`vis(?:e|ent|ons|era|eront) à|(?:a|ont|aura|auront) pour (?:objectif|ambition|but|vocation|finalité)(?= d(?:e |['’]))|` +
    String.raw`l['’](?:objectif|ambition|idée) (?:est|serait|sera)(?= d(?:e |['’]))|nous souhait(?:ons|erions)|` +
    String.raw`se propos(?:e|ent) d['’]être|ambitionn(?:e|ent|ons)|(?:a|ont) vocation à|se veu(?:t|lent)|` +
    String.raw`nous (?:voulons|voudrions)|l['’]idée serait`,
);

/** The subject is a study, not the service: "L'investigation vise à identifier…". */
const STUDY = words('investigations?|études?|enquêtes?|entretiens?|diagnostics?|ateliers?', 'iu');

const rule: Rule = {
  id: 'solution-intention',
  sections: ['solution'],
  defaultSeverity: 'information',
  fixable: false,
  description: 'La Solution décrit des intentions (« vise à », « a pour objectif de », « nous souhaitons ») au lieu du service.',
  explanation: [
    '**Décrivez le service comme s’il existait déjà.** « Vise à », « a pour objectif de », « nous souhaitons »',
    'parlent de ce que l’équipe voudrait ; la méthode demande ce que l’usager obtient, au présent.',
    '',
    '- À éviter : « Le service vise à faciliter l’accès des familles aux aides. »',
    '- Mieux : « Grâce à Mon Aide, les familles reçoivent les aides auxquelles elles ont droit sans rien demander. »',
  ].join('\n'),
  // One finding per paragraph; the aims of an investigation or a study are not the service's.
  check({ document, sections }) {
    return paragraphs(sections).flatMap((block) =>
      findInBlocks(document, [block], INTENTION)
        .filter(({ start }) => !STUDY.test(document.prose.slice(Math.max(block.start, start - 60), start)))
        .slice(0, 1)
        .map(({ start, groups }) => ({
          start,
          end: start + groups[0].trimEnd().length,
          message: `« ${groups[0].trim()} » : une intention, pas un service. Dites ce que l’usager obtient, au présent.`,
        })),
    );
  },
};

export default rule;
