import type { FicheDocument, Section } from './types';
import { METHOD_SECTIONS, graceASnippet, graceAText } from './template';

/** A completion proposal, editor-agnostic. Offsets are UTF-16 offsets in the document. */
export interface Suggestion {
  label: string;
  /** `heading` for a section title, `snippet` for a sentence opening. */
  kind: 'heading' | 'snippet';
  detail: string;
  documentation?: string;
  /** Text inserted by clients without snippet support. */
  text: string;
  /** Same text as a snippet (tab stops), when it has some. */
  snippet?: string;
  /** Span replaced by the proposal (what the author already typed of it). */
  start: number;
  end: number;
  filterText: string;
  sortText: string;
}

const HEADING_PREFIX = /^ {0,3}(#{1,2})(?!#)([ \t]*)(.*)$/;

/**
 * Completion at `offset`: the method's section headings on a heading line, the
 * "Grâce à <Nom>, …" opening in the Solution section. `trigger` is the character that
 * triggered the request, if any (a space only asks for headings).
 */
export function complete(document: FicheDocument, offset: number, trigger?: string): Suggestion[] {
  const lineStart = document.offsetAt({ line: document.positionAt(offset).line, character: 0 });
  const heading = HEADING_PREFIX.exec(document.text.slice(lineStart, offset));
  if (heading) {
    return headingSuggestions(document, lineStart + heading[0].length - heading[3].length, offset, heading[2] === '');
  }
  if (trigger === ' ' || trigger === '#') {
    return [];
  }
  const section = sectionAt(document, offset);
  return section?.kind === 'solution' ? [graceASuggestion(document, offset)] : [];
}

// The method's headings, the ones the fiche lacks first.
function headingSuggestions(document: FicheDocument, start: number, end: number, needsSpace: boolean): Suggestion[] {
  const present = new Set(document.sections.map((section) => section.kind));
  return METHOD_SECTIONS.map((section, index) => {
    const missing = !present.has(section.kind);
    return {
      label: section.title,
      kind: 'heading' as const,
      detail: missing ? 'Section de la méthode (absente de la fiche)' : 'Section de la méthode',
      documentation: section.guidance,
      text: (needsSpace ? ' ' : '') + section.title,
      start,
      end,
      filterText: section.title,
      sortText: `${missing ? 0 : 1}${String(index).padStart(2, '0')}`,
    };
  });
}

function graceASuggestion(document: FicheDocument, offset: number): Suggestion {
  const name = document.name?.value;
  const start = wordStart(document.text, offset);
  return {
    label: `Grâce à ${name ?? '<Nom>'}, …`,
    kind: 'snippet',
    detail: 'Ouverture de la Solution selon la méthode',
    documentation:
      'Décrivez le service comme s’il existait déjà, en le nommant et au présent : ' +
      '« Grâce à Welcome in France, obtenez votre permis de travail en ligne en moins de 3 mois ».',
    text: graceAText(name),
    snippet: graceASnippet(name),
    start,
    end: offset,
    // Accent-free variant so that typing "grace" finds it too.
    filterText: 'Grâce à grace a',
    sortText: '0',
  };
}

// Start of the word being typed before `offset` (letters, accents, apostrophes).
function wordStart(text: string, offset: number): number {
  let start = offset;
  while (start > 0 && /[\p{L}\p{M}'’-]/u.test(text[start - 1])) {
    start--;
  }
  return start;
}

/** The section containing `offset` (heading included), if any. */
export function sectionAt(document: FicheDocument, offset: number): Section | undefined {
  const atEnd = offset === document.text.length;
  return document.sections.find(
    (section) => offset >= section.headingStart && (offset < section.end || (atEnd && section.end === offset)),
  );
}
