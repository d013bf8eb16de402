// Regenerates the rule table of README.md and docs/rules.md from the rule registry.
// Run after `npx tsc -b`; `test/unit/docs.test.ts` fails when the committed files drift.
import fs from 'node:fs';
import { createRequire } from 'node:module';

const docs = createRequire(import.meta.url)('../out/server/src/rule-docs.js');
const core = createRequire(import.meta.url)('../out/server/src/core/index.js');
fs.writeFileSync('README.md', docs.withRulesTable(fs.readFileSync('README.md', 'utf8')));
fs.mkdirSync('docs', { recursive: true });
fs.writeFileSync('docs/rules.md', docs.rulesPage());
fs.rmSync('docs/rules', { recursive: true, force: true });
fs.mkdirSync('docs/rules');
for (const rule of core.rules) {
  fs.writeFileSync(`docs/rules/${rule.id}.md`, docs.rulePage(rule));
}
console.log('README.md, docs/rules.md et docs/rules/*.md régénérés.');
