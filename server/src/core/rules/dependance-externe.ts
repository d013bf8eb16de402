import type { Report, Rule } from '../types';
import { paragraphs } from '../text';
import { words } from './lexique';
import { sentences } from './phrases';

/** Events the team does not control: texts to publish, public tenders, works elsewhere. */
const EVENT = words(
  String.raw`décrets?|lois?|arrêtés?(?! de)|ordonnances?|circulaires?|textes? réglementaires?|marchés? publics?|` +
    String.raw`appels? d['’]offres?|travaux|réformes?|(?:entrée|mise) en vigueur`,
);

/** Waiting for the event: "en attente du", "dès la publication", "une fois … publié", "sous réserve de". */
const WAITING = words(
  String.raw`en attente|attend(?:re|ons|ent|u|ue)?|dès (?:la|le|l['’]|que|leur|sa|son|publication|parution|signature|adoption)|une fois|` +
    String.raw`sous réserve|dépend(?:ra|ent|ant|ance)?|conditionn(?:é|ée|és|ées|e|ent|era)|tributaires?|suspendu(?:e|s|es)?|` +
    String.raw`(?:à|après) (?:la|sa|leur) (?:publication|parution|signature|adoption|promulgation|attribution|notification|fin)|` +
    String.raw`préalables?|bloqu(?:é|ée|és|ées|ant|e)|retard(?:é|ée|er)?`,
  'iu',
);

const rule: Rule = {
  id: 'dependance-externe',
  sections: ['strategie'],
  defaultSeverity: 'warning',
  fixable: false,
  description: 'La mise en service attend un événement extérieur à l’équipe : décret, loi, marché public, travaux…',
  explanation: [
    '**Ne dépendez de personne pour lancer.** La méthode donne six mois pour avoir de vrais usagers : une sortie qui',
    'attend un décret, une loi, un marché public ou des travaux d’une autre administration ne tient pas ce délai.',
    'Trouvez un périmètre où le service peut vivre sans eux (dérogation, expérimentation, volontaires).',
    '',
    '- À éviter : « Le service ouvrira une fois le décret publié et le marché public attribué. »',
    '- Mieux : « Le service ouvre en mars avec trois départements volontaires, dans le cadre de l’expérimentation existante. »',
  ].join('\n'),
  check({ document, sections }) {
    const reports: Report[] = [];
    for (const block of paragraphs(sections)) {
      for (const sentence of sentences(document, block)) {
        if (!WAITING.test(sentence.text)) {
          continue;
        }
        EVENT.lastIndex = 0;
        const event = EVENT.exec(sentence.text);
        if (event) {
          const start = sentence.start + event.index;
          reports.push({
            start,
            end: start + event[0].length,
            message: `« ${event[0]} » : la sortie ne doit pas attendre un événement extérieur à l’équipe. Quel périmètre peut démarrer sans lui ?`,
          });
        }
      }
    }
    return reports;
  },
};

export default rule;
