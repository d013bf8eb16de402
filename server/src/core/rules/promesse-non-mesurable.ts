import type { Block, FicheDocument, Rule } from '../types';
import { blockText, paragraphs } from '../text';
import { AGENT_WORDS, USER_WORDS, hasFigure, words } from './lexique';
import { TEMPLATE_PROMPTS } from './consigne-non-remplacee';
import { sentences } from './phrases';

/** A delay or a speed the user can check: "en moins de 3 mois", "en quelques clics", "le jour même". */
const DELAY = words(
  String.raw`en moins d['’]une?|en moins de|en quelques (?:clics?|minutes?|heures?|jours?|secondes?|semaines?)|en un (?:clic|instant)|` +
    String.raw`immédiatement|instantanément|en temps réel|le jour même|sans attendre|sans délai|du jour au lendemain`,
  'iu',
);

/** Who the service is for: users, agents, or any group introduced as such ("aux probationnaires", "pour les plaisanciers"). */
const TARGET = words(
  `${USER_WORDS}|${AGENT_WORDS}|` +
    String.raw`(?:aux|pour (?:les|tous les|toutes les|chaque)|à destination (?:des|de l['’]ensemble des)|destiné(?:e|s|es)? (?:aux|à)|` +
    String.raw`(?:aide|aider|accompagne|accompagner|outille|outiller) les)\s+\p{L}{3,}`,
  'iu',
);

const rule: Rule = {
  id: 'promesse-non-mesurable',
  sections: ['solution'],
  defaultSeverity: 'hint',
  fixable: false,
  description: 'La première phrase de la Solution ne promet rien de concret : ni chiffre, ni délai, ni usager visé.',
  explanation: [
    '**Ouvrez sur une promesse que l’on peut vérifier.** La phrase modèle de la méthode nomme le service, l’usager',
    'visé et un résultat mesurable : « grâce à Welcome in France, obtenez votre permis de travail en ligne en moins',
    'de 3 mois pour vous installer dans une commune rurale ».',
    '',
    '- À éviter : « Mon Aide est un outil innovant qui simplifie les démarches. »',
    '- Mieux : « Grâce à Mon Aide, les familles reçoivent leur aide au logement en moins d’un mois. »',
  ].join('\n'),
  check({ document, sections }) {
    const blocks = paragraphs(sections).filter((block) => !isAside(document, block));
    // A Solution that opens on a list has no opening sentence to judge.
    const opening = blocks.length > 0 && !blocks[0].inList ? sentences(document, blocks[0])[0] : undefined;
    if (!opening || isConcrete(promise(document, blocks, opening.text))) {
      return [];
    }
    return [
      {
        start: opening.start,
        end: opening.end,
        message: 'La première phrase ne promet rien de vérifiable : dites pour qui, quel résultat, en combien de temps.',
      },
    ];
  },
};

/** The opening sentence, with the list it introduces when it ends with a colon. */
function promise(document: FicheDocument, blocks: readonly Block[], opening: string): string {
  if (!/:\s*$/.test(opening)) {
    return opening;
  }
  const list = blocks.slice(1).filter((block, index) => block.inList && blocks.slice(1, index + 2).every((b) => b.inList));
  return [opening, ...list.map((block) => blockText(document, block))].join(' ');
}

/** A paragraph that is not the opening statement: a lone link, a bold pseudo-heading, a template prompt (`consigne-non-remplacee`). */
function isAside(document: FicheDocument, block: Block): boolean {
  const raw = document.text.slice(block.start, block.end).trim();
  TEMPLATE_PROMPTS.lastIndex = 0;
  return /^!?\[[^\]]*\]\([^)]*\)$/.test(raw) || /^([*_]{1,3})[^*_]+\1:?$/.test(raw) || TEMPLATE_PROMPTS.test(blockText(document, block));
}

function isConcrete(text: string): boolean {
  return hasFigure(text) || DELAY.test(text) || TARGET.test(text);
}

export default rule;
