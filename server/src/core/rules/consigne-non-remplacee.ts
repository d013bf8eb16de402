import type { Block, FicheDocument, Fix, Report, Rule } from '../types';
import { findInBlocks, paragraphs } from '../text';
import { NAME_PLACEHOLDER } from '../template';

const A = "['’]";

/** Prompts of the beta.gouv.fr template, left in real fiches instead of being answered. */
export const TEMPLATE_PROMPTS = new RegExp(
  [
    String.raw`Pour t${A}aider dans la r[ée]daction de ta fiche produit,? nous te recommandons de suivre ce plan\s*:?`,
    String.raw`Quel est le contexte de ta Startup d${A}[ÉE]tat\s*\?`,
    String.raw`Les probl[èe]mes que vous avez identifi[ée]s ou vos hypoth[èe]ses de probl[èe]mes\s*\?(?:\s*Qui en souffre\s*\?)?(?:\s*Quel(?:le)?s sont les cons[ée]quences de ces probl[èe]mes\s*\?)?`,
    String.raw`D[ée]cri(?:s|t|re|vez) (?:ta|votre) solution en quelques lignes\s*\?(?:\s*Qui seront(?:\s*\/\s*sont)? les b[ée]n[ée]ficiaires\s*\?)?`,
    String.raw`Qui seront(?:\s*\/\s*sont)? les b[ée]n[ée]ficiaires\s*\?`,
    String.raw`Comment vous vous y prenez pour atteindre vo(?:s|tre) usag(?:ers|e)\s*\?(?:\s*quel impact chiffr[ée] visez-vous\s*\?)?`,
    String.raw`quel (?:usage|impact) chiffr[ée] visez-vous\s*\?`,
    String.raw`quel impact(?: chiffr[ée])? vous permettra de dire que votre premi[èe]re phase de construction a [ée]t[ée] un succ[èe]s\s*\?`,
    String.raw`Lorem ipsum\b[^]*?(?:\.|$)`,
  ].join('|'),
  'giu',
);

/**
 * Every prompt but two ends with "?"; those two hold "recommandons" and "Lorem". A block without
 * any of them cannot hold a prompt: the long case-insensitive alternation is not tried on it.
 */
export function mayHoldPrompt(prose: string, block: Block): boolean {
  const text = prose.slice(block.start, block.end);
  return text.includes('?') || PROMPT_WITHOUT_QUESTION.test(text);
}
const PROMPT_WITHOUT_QUESTION = /recommandons|lorem/iu; // same flags as the prompts: same case folding

/** Draft markers and name placeholders: "TODO", "XXX", "[Nom]", "(chiffres à compléter)". */
const DRAFT_MARKERS = new RegExp(
  [
    String.raw`(?<![\p{L}\p{N}])(?:TODO|FIXME|TBD|XXX+)(?![\p{L}\p{N}])`,
    String.raw`\[\s*(?:Nom|NOM|nom)(?: du (?:service|produit))?\s*\]|<\s*Nom\s*>`,
    // The literal first, then what precedes it: a leading lookbehind would scan back over every run of spaces.
    String.raw`${NAME_PLACEHOLDER}(?<=[\p{L},]\s+${NAME_PLACEHOLDER})(?![\p{L}])`,
    String.raw`\((?:[^()\n]*\s)?à (?:compléter|préciser|remplir)(?:\s[^()\n]*)?\)`,
  ].join('|'),
  'gu',
);

const rule: Rule = {
  id: 'consigne-non-remplacee',
  sections: 'fiche',
  defaultSeverity: 'warning',
  fixable: true,
  description: 'Consigne du modèle ou texte provisoire laissé dans la fiche (« Décris ta solution en quelques lignes ? », « [Nom] », « Lorem ipsum »…).',
  explanation: [
    '**Remplacez les consignes du modèle par votre texte.** Une question du modèle laissée telle quelle',
    '(« Décris ta solution en quelques lignes ? Qui seront les bénéficiaires ? »), un nom à remplacer (« [Nom] »),',
    'un faux texte (« Lorem ipsum ») ou une note de brouillon (« XXX », « à compléter ») montre au lecteur une fiche inachevée.',
    '',
    '- À éviter : « Décris ta solution en quelques lignes ? Qui seront les bénéficiaires ? »',
    '- Mieux : « Grâce à Mon Aide, les familles de la Drôme reçoivent leur aide au logement en moins d’un mois. »',
  ].join('\n'),
  check({ document, sections }) {
    const blocks = paragraphs(sections);
    const prompts = findInBlocks(document, blocks.filter((block) => mayHoldPrompt(document.prose, block)), TEMPLATE_PROMPTS).map(
      ({ start, end }): Report => ({
        start,
        end: trimEnd(document.text, start, end),
        message: 'Consigne du modèle laissée dans le texte : remplacez-la par votre réponse.',
        fixes: [{ title: 'Supprimer la consigne', edits: [removal(document, blocks, start, end)] }],
      }),
    );
    const drafts = findInBlocks(document, document.sections.flatMap((s) => s.blocks), DRAFT_MARKERS).map(
      ({ start, end, groups }): Report => ({ start, end, ...draftReport(document, start, end, groups[0]) }),
    );
    return [...prompts, ...drafts].sort((a, b) => a.start - b.start);
  },
};

/** The message (and, for a name placeholder, the fix) of a draft marker. */
function draftReport(document: FicheDocument, start: number, end: number, marker: string): { message: string; fixes?: Fix[] } {
  if (/^(?:TODO|FIXME|TBD|X+)$/.test(marker) || marker.startsWith('(')) {
    return { message: `« ${marker} » : note de brouillon à traiter avant de publier la fiche.` };
  }
  const name = document.name?.value;
  // A name that is itself a placeholder ("Aide [Nom]") cannot replace one.
  if (name === undefined || name.includes(NAME_PLACEHOLDER) || new RegExp(DRAFT_MARKERS.source, 'u').test(name)) {
    return { message: `« ${marker} » : remplacez-le par le nom du service.` };
  }
  return {
    message: `« ${marker} » : remplacez-le par le nom du service, « ${name} ».`,
    fixes: [{ title: `Remplacer par « ${name} »`, edits: [{ start, end, newText: name }] }],
  };
}

/** `end` moved back over trailing spaces. */
function trimEnd(text: string, start: number, end: number): number {
  while (end > start && /\s/.test(text[end - 1])) {
    end--;
  }
  return end;
}

/**
 * The edit that removes a prompt: its whole line (and one blank line around it) when the prompt
 * is all its paragraph holds, else the prompt and the spaces before it.
 */
function removal(document: FicheDocument, blocks: readonly Block[], start: number, end: number): { start: number; end: number; newText: string } {
  const text = document.text;
  const block = blocks.find((b) => b.start <= start && end <= b.end);
  const rest = block ? document.prose.slice(block.start, start) + document.prose.slice(end, block.end) : 'x';
  if (block && /^[\s*_]*$/.test(rest)) {
    const lineStart = text.lastIndexOf('\n', block.start - 1) + 1;
    let lineEnd = text.indexOf('\n', block.end);
    lineEnd = lineEnd < 0 ? text.length : lineEnd + 1;
    const blankAfter = /^[ \t]*\r?\n/.exec(text.slice(lineEnd));
    const blankBefore = lineStart === 0 || endsWithBlankLine(text, lineStart);
    return { start: lineStart, end: blankAfter && blankBefore ? lineEnd + blankAfter[0].length : lineEnd, newText: '' };
  }
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const after = /^[ \t]*(?:\r?\n|$)/.exec(text.slice(end));
  if (/^[ \t]*$/.test(text.slice(lineStart, start)) && after) {
    return { start: lineStart, end: end + after[0].length, newText: '' }; // the prompt is a whole line
  }
  if (after) {
    let from = start;
    while (from > lineStart && /[ \t]/.test(text[from - 1])) {
      from--;
    }
    return { start: from, end, newText: '' };
  }
  return { start, end: skipSpaces(text, end), newText: '' };
}

/**
 * True when `text.slice(0, end)` ends with a blank line (`/\n[ \t]*\r?\n$/`), read backwards from
 * `end`: the expression would scan the whole text before it, once per prompt.
 */
function endsWithBlankLine(text: string, end: number): boolean {
  let i = end - 1;
  if (text[i] !== '\n') {
    return false;
  }
  i--;
  if (text[i] === '\r') {
    i--;
  }
  while (text[i] === ' ' || text[i] === '\t') {
    i--;
  }
  return text[i] === '\n';
}

function skipSpaces(text: string, at: number): number {
  while (at < text.length && /[ \t]/.test(text[at])) {
    at++;
  }
  return at;
}

export default rule;
