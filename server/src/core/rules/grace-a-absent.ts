import type { Block, FicheDocument, Fix, Rule } from '../types';
import { findInBlocks, fold, paragraphs, reportOnHeading } from '../text';
import { GENERIC_SERVICE } from './nom-generique';

/** "grâce à" (what follows is read in the original text). */
// No `u` flag: with `i` and `u` together, V8 tries a leading `\b` at every position ten times slower.
const GRACE_A = /\bgr[âa]ce [àa]\s/gi;

/** Sentence openers that take a lower-case letter once "Grâce à X, " is put before them. */
const COMMON_OPENERS = new Set(
  (
    'le la les l un une des du de d ce cet cette ces ceci cela nous vous il elle ils elles on notre nos votre vos ' +
    'son sa ses leur leurs chaque tout tous toute toutes en dans pour avec à au aux sur par sans depuis désormais ' +
    'aujourd chacun chacune plus les tout une via afin'
  ).split(' '),
);

const rule: Rule = {
  id: 'grace-a-absent',
  sections: ['solution'],
  defaultSeverity: 'warning',
  fixable: true,
  description: 'La Solution ne présente pas le service sous la forme « Grâce à <Nom>, … ».',
  explanation: [
    '**Présentez le service par son nom : « Grâce à <Nom>, … ».** La méthode demande de décrire la solution',
    '« de cette manière : grâce à ce site… », en le nommant et en parlant au présent, comme s’il existait déjà.',
    '',
    '- À éviter : « Nous proposons de créer une plateforme pour les agriculteurs. »',
    '- Mieux : « Grâce à Welcome in France, obtenez votre permis de travail en ligne en moins de 3 mois pour vous installer dans une commune rurale. »',
  ].join('\n'),
  // All the Solution sections together: one "Grâce à <Nom>" anywhere in them is enough.
  check({ document, sections }) {
    const blocks = paragraphs(sections);
    if (blocks.length === 0 || hasGraceANamed(document, blocks)) {
      return [];
    }
    const fix = insertionFix(document, blocks[0]);
    const message = `Présentez le service sous la forme « Grâce à ${document.name?.value ?? '<Nom>'}, <verbe au présent> … ».`;
    return [{ ...reportOnHeading(sections, blocks[0], message), fixes: fix ? [fix] : undefined }];
  },
};

/**
 * True when some "grâce à" is followed by a name, the service's name or a generic reference to
 * it. What follows is read in the original text: a name such as "cartes.gouv.fr" is masked as a
 * URL in the prose.
 */
function hasGraceANamed(document: FicheDocument, blocks: Block[]): boolean {
  const name = document.name ? fold(document.name.value) : undefined;
  return findInBlocks(document, blocks, GRACE_A).some(({ end }) => {
    const after = document.text.slice(end, end + 80 + (name?.length ?? 0)).trimStart();
    return (
      /^[\p{Lu}\d]/u.test(after) ||
      (name !== undefined && fold(after).startsWith(name)) ||
      GENERIC_SERVICE.test(after)
    );
  });
}

/** "Grâce à <Nom>, " before the first paragraph (lower-casing a common first word), when the name is known. */
function insertionFix(document: FicheDocument, first: Block): Fix | undefined {
  const name = document.name?.value;
  if (!name) {
    return undefined;
  }
  const text = document.text;
  const wordMatch = /^[\p{L}\p{N}]+/u.exec(text.slice(first.start, first.end));
  const word = wordMatch?.[0] ?? '';
  if (fold(word) !== '' && fold(name).startsWith(fold(word))) {
    return undefined; // "A-JUST permet…": the name already opens the paragraph; rewriting needs the author.
  }
  const lowerFirst = COMMON_OPENERS.has(word.toLowerCase()) && word.slice(1) === word.slice(1).toLowerCase();
  const edits = [{ start: first.start, end: first.start, newText: `Grâce à ${name}, ` }];
  if (lowerFirst && word !== '') {
    edits[0] = { start: first.start, end: first.start + 1, newText: `Grâce à ${name}, ${word[0].toLowerCase()}` };
  }
  return { title: `Commencer par « Grâce à ${name}, … »`, edits };
}

export default rule;
