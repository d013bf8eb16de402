import { pathToFileURL } from 'node:url';
import { rules } from '../core';
import type { Severity } from '../core';
import type { FileReport } from './report';

/** SARIF levels: `information` and `hint` are both `note` (GitHub code scanning shows them as such). */
const LEVELS: Record<Severity, 'error' | 'warning' | 'note'> = {
  error: 'error',
  warning: 'warning',
  information: 'note',
  hint: 'note',
};

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

/** What the SARIF log needs to know about the run besides the reports. */
export interface SarifRun {
  version: string;
  /** The folder paths are relative to (the `%SRCROOT%` base). */
  cwd: string;
  /** French messages of the inputs that could not be read (the run then did not succeed). */
  errors: readonly string[];
}

/**
 * A SARIF 2.1.0 log (for GitHub code scanning and other viewers): one run, the rule registry as
 * the driver's rules, one result per finding with a 1-based region in UTF-16 code units
 * (`columnKind`), paths relative to `%SRCROOT%` (the current folder), read errors as
 * tool execution notifications.
 */
export function toSarif(reports: readonly FileReport[], run: SarifRun): object {
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'fiche-lint',
            version: run.version,
            semanticVersion: /^\d+\.\d+\.\d+/.test(run.version) ? run.version : undefined,
            rules: rules.map((rule) => ({
              id: rule.id,
              shortDescription: { text: rule.description },
              fullDescription: { text: rule.description },
              help: { text: rule.explanation, markdown: rule.explanation },
              defaultConfiguration: { level: LEVELS[rule.defaultSeverity] },
              properties: { tags: ['fiche-produit'] },
            })),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: folderUri(run.cwd) } },
        columnKind: 'utf16CodeUnits',
        invocations: [
          {
            executionSuccessful: run.errors.length === 0,
            toolExecutionNotifications: run.errors.map((message) => ({ level: 'error', message: { text: message } })),
          },
        ],
        results: reports.flatMap((report) =>
          report.result.findings.map((finding) => ({
            ruleId: finding.ruleId,
            ruleIndex: ruleIndex.get(finding.ruleId),
            level: LEVELS[finding.severity],
            message: { text: finding.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: artifactLocation(report.file.display),
                  region: {
                    startLine: finding.range.start.line + 1,
                    startColumn: finding.range.start.character + 1,
                    endLine: finding.range.end.line + 1,
                    endColumn: finding.range.end.character + 1,
                  },
                },
              },
            ],
          })),
        ),
      },
    ],
  };
}

export function formatSarif(reports: readonly FileReport[], run: SarifRun): string {
  return `${JSON.stringify(toSarif(reports, run), null, 2)}\n`;
}

/** A relative path (as displayed: forward slashes) becomes a relative URI; an absolute one a file URI. */
function artifactLocation(display: string): { uri: string; uriBaseId?: string } {
  if (display.startsWith('/') || /^[A-Za-z]:[\\/]/.test(display)) {
    return { uri: pathToFileURL(display).href };
  }
  return { uri: display.split('/').map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}

function folderUri(folder: string): string {
  const href = pathToFileURL(folder).href;
  return href.endsWith('/') ? href : `${href}/`;
}
