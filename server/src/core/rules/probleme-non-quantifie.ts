import type { Rule } from '../types';
import { paragraphs, reportOnHeading, someBlockMatches } from '../text';
import { words } from './lexique';

/** A figure: digits, or a number or fraction in words ("trois", "la moitié", "des milliers"). */
const FIGURE_WORDS = words(
  String.raw`deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|quinze|vingt|trente|quarante|cinquante|soixante|cent|cents|mille|millions?|milliards?|dizaines?|douzaines?|vingtaines?|centaines?|milliers?|moitié|tiers|quart|quarts|pourcentage|pour ?cent|un sur|une sur|%`,
  'iu',
);
const DIGIT = /\d/;
const hasFigure = (text: string): boolean => DIGIT.test(text) || FIGURE_WORDS.test(text);

const rule: Rule = {
  id: 'probleme-non-quantifie',
  sections: ['probleme'],
  defaultSeverity: 'warning',
  fixable: false,
  description: 'Le Problème ne donne aucun chiffre.',
  explanation: [
    '**Chiffrez le problème.** Le problème est une souffrance d’usagers qui se répète chaque année : dites combien',
    'de personnes, combien de fois, combien de temps ou d’argent perdu.',
    '',
    '- À éviter : « Beaucoup de demandeurs d’emploi ont du mal à retrouver un travail. »',
    '- Mieux : « 5 millions de demandeurs d’emploi … moins de 20 % des embauches passent par une offre publiée. »',
  ].join('\n'),
  // All the Problème sections together: a fiche may split its problem under several headings.
  check({ document, sections }) {
    const blocks = paragraphs(sections);
    const headings = sections.map((section) => document.prose.slice(section.headingStart, section.headingEnd));
    const quantified =
      headings.some(hasFigure) || someBlockMatches(document, blocks, DIGIT) || someBlockMatches(document, blocks, FIGURE_WORDS);
    if (blocks.length === 0 || quantified) {
      return [];
    }
    return [reportOnHeading(sections, blocks[0], 'Chiffrez le problème : combien d’usagers sont touchés, combien de fois, quel coût ou quel délai ?')];
  },
};

export default rule;
