import type { AnalysisOptions, AnalysisResult, Finding } from './types';
import { analyze } from './engine';
import { applyFixes } from './fixes';

/** At most this many fix-then-re-lint passes: fixes may overlap or enable one another. */
export const MAX_FIX_PASSES = 10;

export interface FixOutcome {
  /** The text after every pass (equal to the input when nothing applied). */
  text: string;
  /** Analysis of the final text: what remains. */
  result: AnalysisResult;
  /** Number of fixes applied over all passes. */
  applied: number;
}

export interface FixOptions {
  /** Only the fixes of this rule. */
  ruleId?: string;
  /** Line ending of inserted text; by default the text's own (CRLF when it has one). */
  eol?: '\n' | '\r\n';
  /** The analysis of `text` with `options`, when the caller already has it (the server does). */
  analysis?: AnalysisResult;
}

/**
 * Applies the preferred fix of every finding, re-lints and repeats until nothing changes (or
 * `MAX_FIX_PASSES`). The one fix loop of the product: the CLI's `--fix`, the editor's
 * "Fiche : tout corriger" and "fix all of this rule".
 *
 * Why the "stuck" check: a fix that does not make its finding go away would be applied again
 * at every pass (e.g. the same sentence inserted ten times). A pass after which a fix's
 * finding is still there as often as before is undone, and that fix is left to the writer.
 */
export function fixDocument(text: string, options: AnalysisOptions = { rules: {} }, fixOptions: FixOptions = {}): FixOutcome {
  const eol = fixOptions.eol ?? (text.includes('\r\n') ? '\r\n' : '\n');
  let current = text;
  let result = fixOptions.analysis ?? analyze(current, options);
  let applied = 0;
  const stuck = new Set<string>();
  const wanted = (finding: Finding): boolean =>
    finding.fixes?.[0] !== undefined && (fixOptions.ruleId === undefined || finding.ruleId === fixOptions.ruleId);
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const fixable = result.findings.filter((finding) => wanted(finding) && !stuck.has(fixKey(finding)));
    if (fixable.length === 0) {
      break;
    }
    const next = applyFixes(current, eol === '\n' ? fixable : fixable.map((f) => withEol(f, eol)));
    if (next === current) {
      break;
    }
    const nextResult = analyze(next, options);
    const before = countKeys(fixable);
    const after = countKeys(nextResult.findings.filter(wanted));
    const unfixed = [...before].filter(([key, count]) => (after.get(key) ?? 0) >= count).map(([key]) => key);
    if (unfixed.length > 0) {
      unfixed.forEach((key) => stuck.add(key));
      continue; // retry this text without the fixes that do not work
    }
    applied += fixable.length;
    current = next;
    result = nextResult;
  }
  return { text: current, result, applied };
}

/** The text with every preferred fix applied (only those of `ruleId` when given). */
export function fixAll(text: string, options?: AnalysisOptions, ruleId?: string, analysis?: AnalysisResult): string {
  return fixDocument(text, options, { ruleId, analysis }).text;
}

/** What identifies "the same finding with the same fix", wherever it moved. */
function fixKey(finding: Finding): string {
  const edits = finding.fixes?.[0]?.edits.map((edit) => edit.newText) ?? [];
  return JSON.stringify([finding.ruleId, finding.message, edits]);
}

function countKeys(findings: readonly Finding[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const finding of findings) {
    const key = fixKey(finding);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** The finding with its preferred fix's inserted line breaks turned into `eol`. */
function withEol(finding: Finding, eol: string): Finding {
  const [preferred, ...others] = finding.fixes ?? [];
  const edits = preferred.edits.map((edit) => ({ ...edit, newText: edit.newText.replace(/\r\n|\r|\n/g, eol) }));
  return { ...finding, fixes: [{ ...preferred, edits }, ...others] };
}
