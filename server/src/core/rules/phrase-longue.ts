import type { Report, Rule } from '../types';
import { blockTexts, paragraphs } from '../text';
import { countInRange, sentences, wordCount, wordStartOffsets } from './phrases';

/** Above this many words, a sentence is hard to read in one go (plain-language guidance). */
const MAX_WORDS = 35;

const rule: Rule = {
  id: 'phrase-longue',
  sections: 'fiche',
  defaultSeverity: 'hint',
  fixable: false,
  description: `Phrase de plus de ${MAX_WORDS} mots : coupez-la pour qu’elle se lise d’une traite.`,
  explanation: [
    `**Une idée par phrase.** Au-delà de ${MAX_WORDS} mots, le lecteur perd le fil : la fiche est lue vite, par des`,
    'personnes qui ne connaissent pas le sujet. Coupez aux « et », « qui », « afin de », ou faites une liste.',
    '',
    '- À éviter : « Le service, qui s’adresse aux familles qui ont des enfants de moins de trois ans et qui cherchent une place en crèche dans leur commune ou dans une commune voisine, permet de déposer une demande unique qui est ensuite transmise à toutes les crèches concernées. »',
    '- Mieux : « Les familles déposent une seule demande de place en crèche. Elle est transmise à toutes les crèches de leur commune et des communes voisines. »',
  ].join('\n'),
  check({ document, sections }) {
    const reports: Report[] = [];
    const blocks = paragraphs(sections);
    const texts = blockTexts(document, blocks);
    const starts: number[] = [];
    for (let b = 0; b < blocks.length; b++) {
      // A sentence has no more places where a word can start than its block (see
      // wordStartOffsets): most blocks stop here, the others are scanned once.
      wordStartOffsets(texts[b], starts);
      if (starts.length <= MAX_WORDS) {
        continue;
      }
      const block = blocks[b];
      for (const sentence of sentences(document, block)) {
        if (countInRange(starts, sentence.start - block.start, sentence.end - block.start) <= MAX_WORDS) {
          continue;
        }
        const count = wordCount(sentence.text);
        if (count > MAX_WORDS) {
          reports.push({
            start: sentence.start,
            end: sentence.end,
            message: `Phrase de ${count} mots : coupez-la en deux ou faites une liste (${MAX_WORDS} mots au plus).`,
          });
        }
      }
    }
    return reports;
  },
};

export default rule;
