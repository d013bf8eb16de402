import type { Block, FicheDocument, Report, Rule } from '../types';
import { findInBlocks, paragraphs, someBlockMatches } from '../text';
import { FIRST_USERS_WORDS, words } from './lexique';
import { sentences } from './phrases';

/** A national or general roll-out. */
const NATIONAL = words(
  String.raw`déploiement national|lancement (?:national|à l['’]échelle nationale)|déploiement (?:à l['’]échelle|au niveau) national(?:e)?|généralisation nationale|généralis(?:ation|er|é|ée|és|ées) (?:à|sur|dans) (?:tout|toute|tous|toutes|l['’]ensemble)(?: (?:le|la|les|du|de la|des))?(?: \p{L}+)?|` +
    String.raw`sur (?:tout|l['’]ensemble du) (?:le )?territoire(?: national)?|dans tous les départements|(?:dans|à) toute la France|` +
    String.raw`au niveau national|à l['’]échelle nationale|(?:à|dans) toutes les (?:communes|collectivités|préfectures|régions|académies)`,
);

/** The roll-out is national from the start. */
const AT_ONCE = words(
  String.raw`dès (?:le|son) (?:départ|début|lancement|démarrage)|dès (?:la|sa) (?:mise en ligne|sortie|ouverture|première version)|` +
    String.raw`d['’]emblée|d['’]entrée de jeu|immédiatement|directement|en une seule fois|tout de suite`,
  'iu',
);

/** The national roll-out comes later: "par la suite", "puis", "à terme", "dans un second temps". */
const LATER = words(
  String.raw`par la suite|ensuite|puis|à terme|dans un (?:second|deuxième|troisième) temps|progressive(?:ment)?|après|à l['’]issue|` +
    String.raw`dans un premier temps|d['’]abord|étape|leviers|identifier|préparer|envisag\p{L}*|horizon|d['’]ici`,
  'iu',
);

const SMALL_PERIMETER = words(FIRST_USERS_WORDS, 'iu');

const rule: Rule = {
  id: 'deploiement-national',
  sections: ['strategie'],
  defaultSeverity: 'warning',
  fixable: false,
  description: 'Déploiement national ou généralisé d’emblée, au lieu d’un petit périmètre de volontaires.',
  explanation: [
    '**Réduisez le périmètre.** En six mois, un service trouve ses premiers usagers auprès de quelques volontaires',
    '(une commune, un département, une agence) ; le national vient après, quand le service a fait ses preuves.',
    '',
    '- À éviter : « Le service sera déployé dès son lancement sur l’ensemble du territoire. »',
    '- Mieux : « Six mois avec deux départements volontaires, puis une extension aux départements voisins. »',
  ].join('\n'),
  // All the Stratégie sections together: a national horizon is fine after a small first perimeter.
  check({ document, sections }) {
    const blocks = paragraphs(sections);
    const reports: Report[] = [];
    for (const block of blocks) {
      for (const sentence of sentences(document, block)) {
        NATIONAL.lastIndex = 0;
        const national = NATIONAL.exec(sentence.text);
        if (national && AT_ONCE.test(sentence.text)) {
          reports.push(report(sentence.start + national.index, national[0]));
        }
      }
    }
    if (reports.length === 0 && !someBlockMatches(document, blocks, SMALL_PERIMETER)) {
      const first = findInBlocks(document, blocks, NATIONAL).find(({ start }) => !LATER.test(sentenceAt(document, blocks, start)));
      if (first) {
        reports.push(report(first.start, first.groups[0]));
      }
    }
    return reports;
  },
};

/** The sentence around an offset. */
function sentenceAt(document: FicheDocument, blocks: readonly Block[], offset: number): string {
  const block = blocks.find((b) => b.start <= offset && offset < b.end);
  return (block && sentences(document, block).find((s) => s.start <= offset && offset < s.end)?.text) ?? '';
}

function report(start: number, national: string): Report {
  return {
    start,
    end: start + national.length,
    message: `« ${national} » : commencez petit, avec quelques usagers volontaires ; le national viendra ensuite.`,
  };
}

export default rule;
