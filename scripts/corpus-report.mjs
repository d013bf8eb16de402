// Runs the core over ../shared/corpus and prints, per rule, how many findings and on how many
// fiches, with examples (`--rule id` lists every finding of one rule with its text).
import fs from 'node:fs';
import path from 'node:path';
import { load } from './lib/bundle.mjs';

process.stdout.on('error', () => process.exit(0));

const corpus = path.resolve(import.meta.dirname, '../../shared/corpus/beta-gouv-startups');
if (!fs.existsSync(corpus)) {
  console.log(`Corpus absent (${corpus}) : rien à mesurer.`);
  process.exit(0);
}
const core = load('core-report');
const only = process.argv.includes('--rule') ? process.argv[process.argv.indexOf('--rule') + 1] : undefined;
const counts = new Map();
const kinds = new Map();
for (const file of fs.readdirSync(corpus).filter((f) => f.endsWith('.md')).sort()) {
  const text = fs.readFileSync(path.join(corpus, file), 'utf8');
  const { document, findings } = core.analyze(text);
  for (const s of document.sections) kinds.set(s.kind, (kinds.get(s.kind) ?? 0) + 1);
  for (const f of findings) {
    const c = counts.get(f.ruleId) ?? { n: 0, files: new Set() };
    c.n++;
    c.files.add(file);
    counts.set(f.ruleId, c);
    if (f.ruleId === only) {
      const line = text.split(/\r\n|\r|\n/)[f.range.start.line];
      console.log(`${file}:${f.range.start.line + 1}:${f.range.start.character + 1} ${JSON.stringify(text.slice(f.start, f.end))} | ${f.message}\n    ${line.slice(0, 200)}`);
    }
  }
}
console.log('\nrègle | constats | fiches');
for (const rule of core.rules) {
  const c = counts.get(rule.id);
  console.log(`${rule.id} | ${c?.n ?? 0} | ${c?.files.size ?? 0}`);
}
console.log('\nsections:', Object.fromEntries(kinds));
