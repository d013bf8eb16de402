import type { AnalysisOptions, AnalysisResult, Finding, Rule, Section, Severity } from './types';
import { parseFiche } from './parse';
import { rules } from './rules';
import { applyDirectives } from './directives';

/**
 * Analyses a fiche: parses it, runs every enabled rule in registry order and returns the
 * document model with the findings sorted by position. Pure and synchronous.
 */
export function analyze(text: string, options: AnalysisOptions = { rules: {} }): AnalysisResult {
  const document = parseFiche(text);
  const findings: Finding[] = [];
  for (const rule of rules) {
    const severity = levelOf(rule, options);
    if (severity === undefined) {
      continue;
    }
    const context = { document, sections: sectionsFor(rule, document.sections) };
    if (rule.sections !== 'fiche' && context.sections.length === 0) {
      continue;
    }
    for (const report of rule.check(context)) {
      findings.push({
        ...report,
        ruleId: rule.id,
        severity,
        range: { start: document.positionAt(report.start), end: document.positionAt(report.end) },
      });
    }
  }
  findings.sort((a, b) => a.start - b.start || a.end - b.end || a.ruleId.localeCompare(b.ruleId));
  return { document, findings: applyDirectives(document.directives, findings) };
}

function levelOf(rule: Rule, options: AnalysisOptions): Severity | undefined {
  const level = options.rules[rule.id] ?? rule.defaultSeverity;
  return level === 'off' ? undefined : level;
}

function sectionsFor(rule: Rule, sections: Section[]): Section[] {
  if (rule.sections === 'fiche') {
    return sections;
  }
  const kinds = rule.sections;
  return sections.filter((section) => kinds.includes(section.kind));
}
