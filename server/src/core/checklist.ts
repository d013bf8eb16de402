import type { AnalysisOptions, AnalysisResult, SectionKind } from './types';
import { rules } from './rules';

/** Short French label of what a rule checks, for the per-section checklist. Rules sharing a label form one item. */
const LABELS: Record<string, string> = {
  'probleme-non-quantifie': 'chiffré',
  'probleme-solutionnisme': 'pas une techno',
  'probleme-cote-agent': 'côté usagers',
  'grace-a-absent': 'nom',
  'nom-generique': 'nom',
  'temps-futur': 'présent',
  'temps-conditionnel': 'présent',
  'nouveaute-absente': 'nouveauté',
  'idee-diluee': 'idée nette',
  'solution-intention': 'le service, pas l’intention',
  'promesse-non-mesurable': 'promesse concrète',
  'dependance-externe': 'sans dépendance',
  'deploiement-national': 'petit périmètre',
  'premiers-usagers-absents': 'premiers usagers',
  'passage-echelle-absent': 'passage à l’échelle',
  'questionnaire-en-ligne': 'mesure de terrain',
  'mesures-insuffisantes': 'trois mesures',
};

export interface ChecklistItem {
  label: string;
  ok: boolean;
}

export interface SectionChecklist {
  /** Index of the section in `document.sections`. */
  section: number;
  kind: SectionKind;
  title: string;
  items: ChecklistItem[];
  /** E.g. "Solution — 3/4 : nom ✓ présent ✗ nouveauté ✓ idée nette ✓". */
  summary: string;
}

/**
 * The method's checklist for each section that has one: an item per checked aspect, failed
 * when a finding of one of its rules lies in the section; rules turned off are left out.
 */
export function checklist(result: AnalysisResult, options: AnalysisOptions = { rules: {} }): SectionChecklist[] {
  const { document, findings } = result;
  const out: SectionChecklist[] = [];
  document.sections.forEach((section, index) => {
    const labels = new Map<string, boolean>();
    for (const rule of rules) {
      const label = LABELS[rule.id];
      if (label === undefined || rule.sections === 'fiche' || !rule.sections.includes(section.kind) || options.rules[rule.id] === 'off') {
        continue;
      }
      const start = section.headingStart;
      const failed = findings.some((f) => f.ruleId === rule.id && f.start >= start && f.start < Math.max(section.end, start + 1));
      labels.set(label, (labels.get(label) ?? true) && !failed);
    }
    if (labels.size === 0) {
      return;
    }
    const items = [...labels].map(([label, ok]) => ({ label, ok }));
    const passed = items.filter((item) => item.ok).length;
    const summary = `${section.title} — ${passed}/${items.length} : ${items.map((i) => `${i.label} ${i.ok ? '✓' : '✗'}`).join(' ')}`;
    out.push({ section: index, kind: section.kind, title: section.title, items, summary });
  });
  return out;
}
