import type { FicheDocument, Range, Section, SectionKind } from './types';
import { methodSection } from './template';

/** One entry of the outline: a section of the fiche. */
export interface OutlineItem {
  /** The heading as written (without `#`). */
  name: string;
  kind: SectionKind;
  /** The method's name for the kind ("Solution"…), or "Autre section". */
  detail: string;
  /** The whole section, heading included. */
  range: Range;
  /** The heading line. */
  selectionRange: Range;
}

/** A range of lines to fold: a section from its heading to its last non-blank line. */
export interface FoldingLines {
  startLine: number;
  endLine: number;
}

/** The fiche's sections as an outline, in document order (the preamble before any heading is left out). */
export function outline(document: FicheDocument): OutlineItem[] {
  return headedSections(document).map((section) => ({
    name: section.title || '(sans titre)',
    kind: section.kind,
    detail: methodSection(section.kind)?.title ?? 'Autre section',
    range: { start: { line: document.positionAt(section.headingStart).line, character: 0 }, end: document.positionAt(lastContentOffset(document, section)) },
    selectionRange: { start: document.positionAt(section.headingStart), end: document.positionAt(section.headingEnd) },
  }));
}

/** Folding ranges, one per section spanning more than its heading line. */
export function sectionFolds(document: FicheDocument): FoldingLines[] {
  const folds: FoldingLines[] = [];
  for (const section of headedSections(document)) {
    const startLine = document.positionAt(section.headingStart).line;
    const endLine = document.positionAt(lastContentOffset(document, section)).line;
    if (endLine > startLine) {
      folds.push({ startLine, endLine });
    }
  }
  return folds;
}

function headedSections(document: FicheDocument): Section[] {
  return document.sections.filter((section) => section.level > 0);
}

// Offset just past the section's last non-whitespace character, so blank lines before the next heading stay unfolded.
function lastContentOffset(document: FicheDocument, section: Section): number {
  let end = Math.min(section.end, document.text.length);
  while (end > section.headingEnd && /\s/.test(document.text[end - 1])) {
    end--;
  }
  return Math.max(end, section.headingEnd);
}
