import type { Range } from '../core';
import type { FileReport } from './report';

/** One file in `--format json` (a public contract, documented in docs/cli.md). */
export interface JsonFile {
  file: string;
  name: string | null;
  sections: { kind: string; title: string; range: Range }[];
  diagnostics: { code: string; severity: string; message: string; range: Range }[];
}

/** The JSON array printed by `--format json`: LSP ranges (0-based lines, UTF-16 characters). */
export function toJson(reports: readonly FileReport[]): JsonFile[] {
  return reports.map(({ file, result: { document, findings } }) => ({
    file: file.display,
    name: document.name?.value ?? null,
    sections: document.sections
      .filter((section) => section.level > 0)
      .map((section) => ({
        kind: section.kind,
        title: section.title,
        // From the start of the heading line, whatever offset the parser gives for its text.
        range: {
          start: { line: document.positionAt(section.headingStart).line, character: 0 },
          end: document.positionAt(section.end),
        },
      })),
    diagnostics: findings.map((finding) => ({
      code: finding.ruleId,
      severity: finding.severity,
      message: finding.message,
      range: finding.range,
    })),
  }));
}

export function formatJson(reports: readonly FileReport[]): string {
  return `${JSON.stringify(toJson(reports), null, 2)}\n`;
}
