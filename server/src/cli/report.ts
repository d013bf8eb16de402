import type { AnalysisResult, Severity } from '../core';
import type { InputFile } from './discover';

/** What the CLI knows about one linted file, for the formatters. */
export interface FileReport {
  file: InputFile;
  result: AnalysisResult;
  /** With `--fix`: fixes applied and written (0 when the file was left as it was). */
  fixed: number;
}

/** Severities that make the exit code 1. */
export const FAILING: ReadonlySet<Severity> = new Set<Severity>(['error', 'warning']);

/** True when any finding is a warning or an error. */
export function hasFailures(reports: readonly FileReport[]): boolean {
  return reports.some((report) => report.result.findings.some((finding) => FAILING.has(finding.severity)));
}
