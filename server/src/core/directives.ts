import type { Directive, FicheDocument, Finding, Fix } from './types';
import type { LineIndex } from './lines';

/** `<!-- fiche-ignore id, id: raison -->`, `<!-- fiche-disable id -->`, `<!-- fiche-enable -->`. */
const DIRECTIVE = /<!--\s*fiche-(ignore|disable|enable)\b([^]*?)-->/g;

/**
 * Reads the in-file control comments (outside front matter and code blocks). `fiche-ignore`
 * applies to its own line when text precedes it there, else to the next non-blank line;
 * `fiche-disable` / `fiche-enable` open and close a region. No rule id means every rule.
 */
export function readDirectives(text: string, lines: LineIndex, bodyStart: number, codeLines: [number, number][]): Directive[] {
  if (!text.includes('fiche-')) {
    return [];
  }
  const directives: Directive[] = [];
  DIRECTIVE.lastIndex = bodyStart;
  for (let m = DIRECTIVE.exec(text); m !== null; m = DIRECTIVE.exec(text)) {
    const line = lines.positionAt(m.index).line;
    if (codeLines.some(([first, end]) => line >= first && line < end)) {
      continue;
    }
    const kind = m[1] as Directive['kind'];
    const rules = m[2]
      .split(':')[0]
      .split(/[\s,]+/)
      .filter((id) => id !== '');
    const start = m.index;
    const end = m.index + m[0].length;
    directives.push({ kind, rules, start, end, line: kind === 'ignore' ? targetLine(text, lines, start, end) : line });
  }
  return directives;
}

/** The line an ignore comment covers: its own if text precedes it, else the next non-blank one. */
function targetLine(text: string, lines: LineIndex, start: number, end: number): number {
  const here = lines.positionAt(start).line;
  if (text.slice(lines.lineStart(here), start).trim() !== '') {
    return here;
  }
  let line = lines.positionAt(end).line + 1;
  while (line < lines.lineCount && isBlankLine(text, lines, line)) {
    line++;
  }
  return line;
}

function isBlankLine(text: string, lines: LineIndex, line: number): boolean {
  const start = lines.lineStart(line);
  const end = line + 1 < lines.lineCount ? lines.lineStart(line + 1) : text.length;
  return text.slice(start, end).trim() === '';
}

/** Drops the findings that an ignore comment or a disabled region covers. */
export function applyDirectives(directives: readonly Directive[], findings: Finding[]): Finding[] {
  if (directives.length === 0) {
    return findings;
  }
  return findings.filter((finding) => !isSuppressed(directives, finding));
}

function isSuppressed(directives: readonly Directive[], finding: Finding): boolean {
  const applies = (directive: Directive): boolean => directive.rules.length === 0 || directive.rules.includes(finding.ruleId);
  let disabled = false;
  for (const directive of directives) {
    if (directive.kind === 'ignore') {
      if (directive.line === finding.range.start.line && applies(directive)) {
        return true;
      }
    } else if (directive.start <= finding.start && applies(directive)) {
      disabled = directive.kind === 'disable';
    }
  }
  return disabled;
}

/**
 * The two suppression fixes offered with every finding: "ignorer ici" (a comment on the
 * finding's line, or above it for a heading) and "désactiver dans ce fichier" (a comment
 * at the top of the body).
 */
export function suppressionFixes(document: FicheDocument, finding: Finding): { ignore: Fix; disable: Fix } {
  const text = document.text;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const line = finding.range.start.line;
  const lineStart = document.offsetAt({ line, character: 0 });
  const lineEnd = endOfLine(text, lineStart);
  const onHeading = /^\s{0,3}#{1,6}(\s|$)/.test(text.slice(lineStart, lineEnd)) || finding.start === finding.end;
  const comment = `<!-- fiche-ignore ${finding.ruleId} -->`;
  const ignore: Fix = {
    title: `Ignorer « ${finding.ruleId} » ici`,
    edits: [
      onHeading || lineStart === lineEnd
        ? { start: lineStart, end: lineStart, newText: comment + eol }
        : { start: lineEnd, end: lineEnd, newText: ` ${comment}` },
    ],
  };
  const at = document.bodyStart;
  const disable: Fix = {
    title: `Désactiver « ${finding.ruleId} » dans ce fichier`,
    edits: [{ start: at, end: at, newText: `<!-- fiche-disable ${finding.ruleId} -->${eol}${eol}` }],
  };
  return { ignore, disable };
}

function endOfLine(text: string, from: number): number {
  let end = from;
  while (end < text.length && text[end] !== '\n' && text[end] !== '\r') {
    end++;
  }
  return end;
}
