import type { Severity } from '../core';
import type { FileReport } from './report';

/** French labels of the severities, as shown to people. */
const LABELS: Record<Severity, { one: string; many: string }> = {
  error: { one: 'erreur', many: 'erreurs' },
  warning: { one: 'avertissement', many: 'avertissements' },
  information: { one: 'information', many: 'informations' },
  hint: { one: 'suggestion', many: 'suggestions' },
};
const ORDER: readonly Severity[] = ['error', 'warning', 'information', 'hint'];

/** ANSI styles, or identity functions when colours are off. */
interface Palette {
  file(text: string): string;
  dim(text: string): string;
  severity(severity: Severity, text: string): string;
  ok(text: string): string;
  bad(text: string): string;
}

const SEVERITY_COLOURS: Record<Severity, number> = { error: 31, warning: 33, information: 36, hint: 90 };

function palette(colour: boolean): Palette {
  const wrap = (code: string) => (text: string) => (colour ? `\u001b[${code}m${text}\u001b[0m` : text);
  return {
    file: wrap('4'),
    dim: wrap('90'),
    severity: (severity, text) => wrap(String(SEVERITY_COLOURS[severity]))(text),
    ok: wrap('32'),
    bad: wrap('1;31'),
  };
}

/**
 * The human output: findings grouped per file as `ligne:colonne  sévérité  message  règle`
 * (1-based), then a French summary line.
 */
export function formatStylish(reports: readonly FileReport[], colour: boolean): string {
  const style = palette(colour);
  const out: string[] = [];
  const counts: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const report of reports) {
    const { findings } = report.result;
    if (report.fixed > 0) {
      out.push(style.ok(`✔ ${report.file.display} : ${plural(report.fixed, 'correction appliquée', 'corrections appliquées')}`));
    }
    if (findings.length === 0) {
      continue;
    }
    out.push('', style.file(report.file.display));
    const rows = findings.map((finding) => {
      counts[finding.severity]++;
      return [
        `${finding.range.start.line + 1}:${finding.range.start.character + 1}`,
        LABELS[finding.severity].one,
        finding.message.replace(/\s*\r?\n\s*/g, ' '),
        finding.ruleId,
        finding.severity,
      ];
    });
    const width = (column: number) => Math.max(...rows.map((row) => row[column].length));
    const [place, label] = [width(0), width(1)];
    for (const [where, severity, message, rule, key] of rows) {
      out.push(
        `  ${style.dim(where.padEnd(place))}  ${style.severity(key as Severity, severity.padEnd(label))}  ${message}  ${style.dim(rule)}`,
      );
    }
  }
  out.push('', summary(counts, reports.length, style));
  return `${out.join('\n').replace(/^\n/, '')}\n`;
}

/** "3 problèmes (2 avertissements, 1 information)", or the all-clear. */
function summary(counts: Record<Severity, number>, files: number, style: Palette): string {
  const total = ORDER.reduce((sum, severity) => sum + counts[severity], 0);
  const checked = plural(files, 'fichier vérifié', 'fichiers vérifiés');
  if (total === 0) {
    return style.ok(`✔ Aucun problème (${checked}).`);
  }
  const details = ORDER.filter((severity) => counts[severity] > 0)
    .map((severity) => plural(counts[severity], LABELS[severity].one, LABELS[severity].many))
    .join(', ');
  const line = `✖ ${plural(total, 'problème', 'problèmes')} (${details})`;
  const failing = counts.error + counts.warning > 0;
  return `${failing ? style.bad(line) : style.severity('information', line)} ${style.dim(`— ${checked}`)}`;
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}
