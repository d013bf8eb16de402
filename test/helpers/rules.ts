import * as assert from 'node:assert/strict';
import { analyze, applyFixes, type AnalysisOptions, type Finding } from '../../server/src/core';

/** A fiche with front matter and the given sections (heading → body), in order. */
export function fiche(sections: Record<string, string>, title: string | null = 'Mon Aide'): string {
  const head = title === null ? '' : `---\ntitle: ${title}\n---\n\n`;
  return head + Object.entries(sections).map(([heading, body]) => `## ${heading}\n\n${body}\n`).join('\n');
}

/** A full fiche whose Solution is `solution`, other sections being clean. */
export function withSolution(solution: string, title: string | null = 'Mon Aide'): string {
  return fiche(
    {
      Problème: 'Chaque année, 300 000 familles renoncent à une aide à laquelle elles ont droit.',
      Solution: solution,
      Stratégie: 'Six mois avec trois communes volontaires.',
    },
    title,
  );
}

/** Findings of one rule. */
export function findingsOf(text: string, ruleId: string, options?: AnalysisOptions): Finding[] {
  return analyze(text, options).findings.filter((finding) => finding.ruleId === ruleId);
}

/** Asserts the exact texts flagged by a rule, in order. */
export function assertFindings(text: string, ruleId: string, expected: string[]): void {
  assert.deepEqual(
    findingsOf(text, ruleId).map((finding) => text.slice(finding.start, finding.end)),
    expected,
  );
}

/** Asserts the text after applying the preferred fixes of one rule, and that no fixable finding of it remains. */
export function assertFixed(text: string, ruleId: string, expected: string): void {
  const fixed = applyFixes(text, findingsOf(text, ruleId));
  assert.equal(fixed, expected);
  assert.deepEqual(
    findingsOf(fixed, ruleId).filter((finding) => finding.fixes && finding.fixes.length > 0).map((f) => f.message),
    [],
  );
}
