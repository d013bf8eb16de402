import type { AnalysisOptions, AnalysisResult, FicheDocument, Finding, Report, Rule, Section, Severity } from './types';
import { parseFiche } from './parse';
import { rules } from './rules';
import { applyDirectives } from './directives';
import { trimLowerCases } from './text';

/**
 * Analyses a fiche: parses it, runs every enabled rule in registry order and returns the
 * document model with the findings sorted by position. Pure and synchronous.
 */
export function analyze(text: string, options: AnalysisOptions = { rules: {} }): AnalysisResult {
  trimLowerCases(); // the cache of lower-cased blocks (text.ts)
  const document = parseFiche(text);
  const findings: Finding[] = [];
  const sectionsOf = new Map<string, Section[]>();
  for (const rule of rules) {
    const severity = levelOf(rule, options);
    if (severity === undefined) {
      continue;
    }
    const context = { document, sections: sectionsFor(rule, document.sections, sectionsOf) };
    if (rule.sections !== 'fiche' && context.sections.length === 0) {
      continue;
    }
    const reports = rule.check(context);
    for (let i = 0; i < reports.length; i++) {
      findings.push(toFinding(reports[i], rule.id, severity, document));
    }
  }
  findings.sort((a, b) => a.start - b.start || a.end - b.end || ruleOrder(a.ruleId) - ruleOrder(b.ruleId));
  return { document, findings: applyDirectives(document.directives, findings) };
}

// Written out rather than spread (`{ ...report }`): the engine's hot path on every keystroke.
function toFinding(report: Report, ruleId: string, severity: Severity, document: FicheDocument): Finding {
  const { start, end, message, fixes } = report;
  const range = { start: document.positionAt(start), end: document.positionAt(end) };
  return fixes === undefined ? { start, end, message, ruleId, severity, range } : { start, end, message, fixes, ruleId, severity, range };
}

/**
 * Rule ids in alphabetical order, computed once: ties between findings sort by it. Ids are lower-case
 * ASCII words and hyphens, for which code-unit order is `localeCompare` order (a unit test checks
 * it) without loading the locale's collation at start-up.
 */
const ORDER = new Map(
  rules
    .map((rule) => rule.id)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((id, index) => [id, index]),
);
const ruleOrder = (id: string): number => ORDER.get(id) ?? -1;

function levelOf(rule: Rule, options: AnalysisOptions): Severity | undefined {
  const level = options.rules[rule.id] ?? rule.defaultSeverity;
  return level === 'off' ? undefined : level;
}

/** The sections a rule reads; rules that read the same kinds share one array (and what is cached on it). */
function sectionsFor(rule: Rule, sections: Section[], cache: Map<string, Section[]>): Section[] {
  if (rule.sections === 'fiche') {
    return sections;
  }
  const kinds = rule.sections;
  const key = kinds.join(',');
  let selected = cache.get(key);
  if (selected === undefined) {
    selected = sections.filter((section) => kinds.includes(section.kind));
    cache.set(key, selected);
  }
  return selected;
}
