import { rules, type Rule } from './core';
import { escapeAngleBrackets } from './core/text';

const SEVERITY_FR: Record<Rule['defaultSeverity'], string> = {
  error: 'erreur',
  warning: 'avertissement',
  information: 'information',
  hint: 'suggestion',
};

function sectionsFr(rule: Rule): string {
  return rule.sections === 'fiche' ? 'toute la fiche' : rule.sections.join(', ');
}

/** The "À éviter" example of a rule's explanation. */
function badExample(rule: Rule): string {
  const line = rule.explanation.split('\n').find((l) => l.startsWith('- À éviter'));
  return line ? line.replace(/^- À éviter\s*:\s*/, '') : '';
}

const cell = (text: string): string => escapeAngleBrackets(text).replace(/\|/g, '\\|');

/** The rule table of the README, generated from the registry (a test fails when it drifts). */
export function rulesTable(): string {
  const rows = rules.map(
    (rule) =>
      `| [\`${rule.id}\`](docs/rules.md#${rule.id}) | ${sectionsFr(rule)} | ${SEVERITY_FR[rule.defaultSeverity]} | ${rule.fixable ? 'oui' : '—'} | ${cell(rule.description)} | ${cell(badExample(rule))} |`,
  );
  return [
    '| règle | section | sévérité par défaut | correction | ce qu’elle signale | exemple signalé |',
    '|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}

/** `docs/rules.md`: every rule with its hover explanation (why, a bad and a good example). */
export function rulesPage(): string {
  const parts = rules.map((rule) =>
    [
      `## ${rule.id}`,
      '',
      `*${escapeAngleBrackets(rule.description)}* — section : ${sectionsFr(rule)} ; sévérité par défaut : ${SEVERITY_FR[rule.defaultSeverity]} ; correction automatique : ${rule.fixable ? 'oui' : 'non'}.`,
      '',
      escapeAngleBrackets(rule.explanation),
      '',
    ].join('\n'),
  );
  return [
    '# Les règles de fiche-produit',
    '',
    '<!-- Généré par `node scripts/gen-docs.mjs` depuis le registre des règles : ne pas modifier à la main. -->',
    '',
    'Chaque règle a un identifiant stable, utilisable dans les réglages (`fiche.rules`), dans `.ficherc.json` et avec `fiche-lint --rule`.',
    '',
    ...parts,
  ].join('\n');
}

/** Replaces the text between `<!-- rules:start -->` and `<!-- rules:end -->` in the README. */
export function withRulesTable(readme: string): string {
  return readme.replace(/(<!-- rules:start -->\n)[^]*?(\n<!-- rules:end -->)/, (_all, start: string, end: string) => start + rulesTable() + end);
}
