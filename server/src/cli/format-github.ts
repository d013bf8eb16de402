import type { Severity } from '../core';
import type { FileReport } from './report';

/** GitHub workflow commands: `information` and `hint` become notices. */
const COMMANDS: Record<Severity, 'error' | 'warning' | 'notice'> = {
  error: 'error',
  warning: 'warning',
  information: 'notice',
  hint: 'notice',
};

/**
 * GitHub Actions annotations, one line per finding:
 * `::warning file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message` (1-based lines and
 * columns in UTF-16 code units; `endColumn` is the last character's column, and columns are
 * given only for one-line ranges, as GitHub requires).
 */
export function formatGithub(reports: readonly FileReport[]): string {
  const lines: string[] = [];
  for (const { file, result } of reports) {
    for (const finding of result.findings) {
      const { start, end } = finding.range;
      const properties: [string, string | number][] = [
        ['file', file.display],
        ['line', start.line + 1],
      ];
      if (start.line === end.line) {
        properties.push(['col', start.character + 1]);
      }
      properties.push(['endLine', end.line + 1]);
      if (start.line === end.line) {
        properties.push(['endColumn', Math.max(start.character + 1, end.character)]);
      }
      properties.push(['title', `fiche-lint (${finding.ruleId})`]);
      lines.push(command(COMMANDS[finding.severity], properties, finding.message));
    }
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

/** A workflow command line with its properties and message escaped as the runner expects. */
export function command(name: string, properties: readonly [string, string | number][], message: string): string {
  const props = properties.map(([key, value]) => `${key}=${escapeProperty(String(value))}`).join(',');
  return `::${name}${props === '' ? '' : ` ${props}`}::${escapeData(message)}`;
}

/** Message escaping of `@actions/core`: `%`, CR and LF. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Property escaping of `@actions/core`: as messages, plus `:` and `,`. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
