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

/** Number of findings of each severity over all reports. */
export function countSeverities(reports: readonly FileReport[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const report of reports) {
    for (const finding of report.result.findings) {
      counts[finding.severity]++;
    }
  }
  return counts;
}

/** `--quiet`: the reports with their errors only. */
export function errorsOnly(reports: readonly FileReport[]): FileReport[] {
  return reports.map((report) => ({
    ...report,
    result: { ...report.result, findings: report.result.findings.filter((finding) => finding.severity === 'error') },
  }));
}
