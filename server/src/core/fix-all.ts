import type { AnalysisOptions } from './types';
import { analyze } from './engine';
import { applyFixes } from './fixes';

const MAX_PASSES = 10;

/**
 * Applies every preferred fix (only those of `ruleId` when given), re-linting between passes
 * so that fixes skipped for overlapping are picked up, until the text stops changing.
 */
export function fixAll(text: string, options?: AnalysisOptions, ruleId?: string): string {
  let current = text;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const findings = analyze(current, options).findings.filter((f) => ruleId === undefined || f.ruleId === ruleId);
    const next = applyFixes(current, findings);
    if (next === current) {
      break;
    }
    current = next;
  }
  return current;
}
