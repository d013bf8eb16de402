import type { FicheDocument, Report, Rule, Section, SectionKind } from '../types';
import { methodSection, sectionSkeleton } from '../template';
import { parseFiche } from '../parse';
import { classifyHeading } from '../sections';
import { blockText } from '../text';

/** The sections the method cannot do without, in the order of a fiche. */
const REQUIRED: readonly SectionKind[] = ['probleme', 'solution', 'strategie'];

const rule: Rule = {
  id: 'section-manquante',
  sections: 'fiche',
  defaultSeverity: 'warning',
  fixable: true,
  description: 'Il manque une section essentielle : Problème, Solution ou Stratégie.',
  explanation: [
    '**Une fiche produit tient en trois sections essentielles** : le Problème (une souffrance d’usagers, chiffrée),',
    'la Solution (le service nommé, au présent) et la Stratégie de déploiement à 6 mois (un petit périmètre,',
    'des premiers utilisateurs volontaires). Contexte, Premiers utilisateurs, Impact et Risques les complètent.',
    '',
    '- À éviter : une fiche qui décrit la solution sans dire quel problème elle résout.',
    '- Mieux : `## Problème`, puis `## Solution`, puis `## Stratégie`.',
  ].join('\n'),
  check({ document }) {
    const present = new Set([...document.sections.map((section) => section.kind), ...kindsBelowSections(document)]);
    const reports: Report[] = [];
    for (const kind of REQUIRED) {
      if (present.has(kind)) {
        continue;
      }
      reports.push(missing(document, kind));
    }
    return reports;
  },
};

/** A bold line standing alone, as many fiches mark their sections: "**Problème**", "__Solution :__". */
export const BOLD_LINE = /^(\*\*|__)([^*_\n]+?)\s*:?\s*\1\s*:?$/;

/**
 * `BOLD_LINE.exec(line)`, tried only when the line opens and closes with the same marker: on a
 * long paragraph that merely starts in bold ("**Objectif :** …"), the lazy group and its
 * backreference try every position of the first line (~90 µs for 5,000 characters).
 */
export function boldLine(line: string): RegExpExecArray | null {
  const marker = line.slice(0, 2);
  if (marker !== '**' && marker !== '__') {
    return null;
  }
  const end = line.endsWith(':') ? line.slice(0, -1).trimEnd() : line;
  return end.length >= 4 && end.endsWith(marker) ? BOLD_LINE.exec(line) : null;
}

/**
 * The method's sections a fiche names below the level that opens a section: a `###` sub-heading
 * or a bold line ("**Problème**"). Not sections for the other rules, but the fiche has them: no
 * "section manquante" for them.
 */
function kindsBelowSections(document: FicheDocument): SectionKind[] {
  const kinds: SectionKind[] = [];
  for (const block of document.sections.flatMap((section) => section.blocks)) {
    const bold = block.type === 'paragraph' ? boldLine(document.text.slice(block.start, block.end).trim()) : null;
    const title = block.type === 'heading' ? blockText(document, block) : bold?.[2];
    if (title !== undefined) {
      kinds.push(classifyHeading(title));
    }
  }
  return kinds;
}

/** A finding for a missing section, placed (and its skeleton inserted) where the section belongs. */
function missing(document: FicheDocument, kind: SectionKind): Report {
  const title = methodSection(kind)?.title ?? kind;
  const order = REQUIRED.indexOf(kind);
  const before = lastOf(document, REQUIRED.slice(0, order));
  const after = firstOf(document, REQUIRED.slice(order + 1));
  let at: number;
  let anchor: { start: number; end: number };
  let where: string;
  if (before) {
    at = before.end;
    anchor = { start: before.headingStart, end: before.headingEnd };
    where = `après « ${before.title} »`;
  } else if (after) {
    at = lineStart(document.text, after.headingStart);
    anchor = { start: after.headingStart, end: after.headingEnd };
    where = `avant « ${after.title} »`;
  } else {
    at = document.text.length;
    anchor = { start: document.bodyStart, end: lineEnd(document.text, document.bodyStart) };
    where = 'à la fiche';
  }
  const newText = separated(document.text, at, sectionSkeleton(kind));
  return {
    ...anchor,
    message: `Section « ${title} » manquante : ajoutez-la ${where}.`,
    fixes: insertsSection(document, at, newText, kind)
      ? [{ title: `Ajouter la section « ${title} »`, edits: [{ start: at, end: at, newText }] }]
      : undefined,
  };
}

/**
 * False when the skeleton would not be a section where it goes: at the end of a text that ends
 * inside an unclosed code fence or HTML comment. Checked by parsing the result, only in that rare
 * case (a fence or comment marker after the last prose).
 */
function insertsSection(document: FicheDocument, at: number, newText: string, kind: SectionKind): boolean {
  const text = document.text;
  if (at < text.length || !/```|~~~|<!--/.test(text.slice(lastProseEnd(document)))) {
    return true;
  }
  return parseFiche(text + newText).sections.some((section) => section.kind === kind);
}

/** End of the last heading or prose block: an unclosed fence or comment can only open after it. */
function lastProseEnd(document: FicheDocument): number {
  let end = document.bodyStart;
  for (const section of document.sections) {
    end = Math.max(end, section.headingEnd, ...section.blocks.map((block) => block.end));
  }
  return end;
}

function lastOf(document: FicheDocument, kinds: readonly SectionKind[]): Section | undefined {
  return [...document.sections].reverse().find((section) => kinds.includes(section.kind));
}

function firstOf(document: FicheDocument, kinds: readonly SectionKind[]): Section | undefined {
  return document.sections.find((section) => kinds.includes(section.kind));
}

/** The skeleton with the line breaks needed to stand as its own block at `at`, in the text's line endings. */
function separated(text: string, at: number, skeleton: string): string {
  const tail = text.slice(Math.max(0, at - 4), at);
  const prefix = at === 0 || /(\r?\n|\r){2}$/.test(tail) ? '' : /(\r?\n|\r)$/.test(tail) ? '\n' : '\n\n';
  const block = prefix + skeleton;
  return text.includes('\r\n') ? block.replace(/\n/g, '\r\n') : block;
}

function lineStart(text: string, offset: number): number {
  const previous = Math.max(text.lastIndexOf('\n', offset - 1), text.lastIndexOf('\r', offset - 1));
  return previous + 1;
}

function lineEnd(text: string, offset: number): number {
  const rest = text.slice(offset).search(/\r|\n/);
  return rest < 0 ? text.length : offset + rest;
}

export default rule;
