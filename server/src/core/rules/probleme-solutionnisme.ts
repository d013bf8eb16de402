import type { Rule } from '../types';
import { findInBlocks, paragraphs } from '../text';
import { words } from './lexique';

/** A technology named as if it were the point. */
const TECHNOLOGY =
  'blockchain|intelligence artificielle(?: générative)?|IA(?: générative)?|chatbots?|chat-bots?|agents? conversationnels?|' +
  'big data|machine learning|apprentissage automatique|métavers|NFT|LLM|GPT';

/** A digital tool, as in "il n'existe pas de plateforme", "absence d'outil". */
const TOOL =
  'plateformes?|applications?|applis?|outils?(?: numériques?)?|logiciels?|sites?(?: internet| web)?|portails?|' +
  'bases? de données|interfaces?|solutions? numériques?|systèmes? d[’\']information';

const ARTICLE = String.raw`(?:d[’']|de\s+(?:la\s+|l[’'])?|d[’']une?\s+|l[’']|la\s+|les\s+|une?\s+|des\s+)?`;

/**
 * The problem stated as a technology to use ("l'arrivée de l'intelligence artificielle", "manque d'outils d'IA")
 * or as the missing solution ("il n'existe aucun outil", "absence de plateforme", "nous proposons de créer une application").
 */
const PATTERN = words(
  [
    String.raw`(?:arrivée|essor|émergence|avènement|potentiel|promesses?|opportunités?|apports?)\s+${ARTICLE}(?:${TECHNOLOGY})`,
    String.raw`(?:utiliser|recourir à|exploiter|tirer parti|s['’]appuyer sur|intégrer)\s+${ARTICLE}(?:${TECHNOLOGY})`,
    String.raw`(?:absence|manqu\p{L}*|inexistence|besoin|pas|aucune?|nécessité)\s+${ARTICLE}(?:(?:vrai|véritable|seul|réel|unique)e?s?\s+)?(?:${TOOL})(?:\s+d['’](?:${TECHNOLOGY}))?`,
    String.raw`(?:proposons|il faut|besoin de|nécessité de|nécessaire de|s['’]agit de)\s+(?:la\s+)?(?:créer|développer|concevoir|construire|mettre en place|mise en place d[’'])\s*(?:une?|des|la|le|l[’'])\s*(?:nouv(?:el|elle|eau)\s+)?(?:${TOOL})`,
  ].join('|'),
);

const rule: Rule = {
  id: 'probleme-solutionnisme',
  sections: ['probleme'],
  defaultSeverity: 'warning',
  fixable: false,
  description: 'Le Problème part d’une technologie ou d’un outil absent, pas d’une souffrance des usagers.',
  explanation: [
    '**Partez du problème, jamais d’une technologie.** La méthode appelle « solutionnisme » le problème posé comme',
    'une technologie à utiliser (blockchain, intelligence artificielle, chatbot) ou comme un outil qui manque',
    '(« il n’existe pas de plateforme… ») : l’absence d’outil n’est pas le drame, c’est ce que vivent les usagers.',
    '',
    '- À éviter : « Il n’existe aucune plateforme pour centraliser les offres de stage. »',
    '- Mieux : « Chaque année, 200 000 élèves de troisième ne trouvent pas de stage par leurs propres réseaux. »',
  ].join('\n'),
  // One finding per paragraph: "Manque d'outils : les agents manquent d'outils…" is one idea.
  check({ document, sections }) {
    return paragraphs(sections).flatMap((block) =>
      findInBlocks(document, [block], PATTERN)
        .slice(0, 1)
        .map(({ start, end, groups }) => ({
          start,
          end,
          message: `« ${groups[0]} » : le problème est posé comme une solution. Décrivez plutôt ce que vivent les usagers, chiffres à l’appui.`,
        })),
    );
  },
};

export default rule;
