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
      `| [\`${rule.id}\`](docs/rules/${rule.id}.md) | ${sectionsFr(rule)} | ${SEVERITY_FR[rule.defaultSeverity]} | ${rule.fixable ? 'oui' : '—'} | ${cell(rule.description)} | ${cell(badExample(rule))} |`,
  );
  return [
    '| règle | section | sévérité par défaut | correction | ce qu’elle signale | exemple signalé |',
    '|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}

const GENERATED = '<!-- Généré par `node scripts/gen-docs.mjs` depuis le registre des règles : ne pas modifier à la main. -->';

/** `docs/rules.md`: the index of the rules, each linking to its page. */
export function rulesPage(): string {
  return [
    '# Les règles de fiche-produit',
    '',
    GENERATED,
    '',
    'Chaque règle a un identifiant stable, utilisable dans les réglages (`fiche.rules`), dans `.ficherc.json`,',
    'dans les commentaires `<!-- fiche-ignore … -->` et avec `fiche-lint --rule`. Ce que chaque règle signale sur',
    'les 347 fiches réelles du corpus : [rules-corpus.md](rules-corpus.md).',
    '',
    rulesTable().replace(/\(docs\/rules\//g, '(rules/'),
    '',
  ].join('\n');
}

/** `docs/rules/<id>.md`: one rule, its explanation (why, a bad and a good example) and how to turn it off. */
export function rulePage(rule: Rule): string {
  return [
    `# ${rule.id}`,
    '',
    GENERATED,
    '',
    `*${escapeAngleBrackets(rule.description)}*`,
    '',
    `- section : ${sectionsFr(rule)}`,
    `- sévérité par défaut : ${SEVERITY_FR[rule.defaultSeverity]}`,
    `- correction automatique : ${rule.fixable ? 'oui (action rapide, « Fiche : tout corriger », `fiche-lint --fix`)' : 'non'}`,
    '',
    '## Pourquoi',
    '',
    escapeAngleBrackets(rule.explanation),
    '',
    '## Régler ou ignorer',
    '',
    '```jsonc',
    `// .ficherc.json (ou le réglage VS Code "fiche.rules")`,
    `{ "rules": { "${rule.id}": "off" } }`,
    '```',
    '',
    '```markdown',
    `<!-- fiche-ignore ${rule.id}: raison -->`,
    '```',
    '',
    '[Toutes les règles](../rules.md)',
    '',
  ].join('\n');
}

/** Replaces the text between `<!-- rules:start -->` and `<!-- rules:end -->` in the README. */
export function withRulesTable(readme: string): string {
  return readme.replace(/(<!-- rules:start -->\n)[^]*?(\n<!-- rules:end -->)/, (_all, start: string, end: string) => start + rulesTable() + end);
}
