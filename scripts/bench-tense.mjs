// Lexicon load time and memory (fresh processes) and tense scan time per 3 KB fiche: medians.
// Budgets (issue 3): load ≤ 50 ms, ≤ 15 MB extra; scan well under 0.5 ms per fiche.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

import { bundle as bundleModule, root } from './lib/bundle.mjs';

const bundle = bundleModule('bench-tense', 'server/src/core/tense/index.ts');

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const probe = `
const before = process.memoryUsage().rss; const cpu0 = process.cpuUsage(); const t0 = performance.now();
const tense = require(${JSON.stringify(bundle)}); tense.loadLexicon();
const wall = performance.now() - t0; const cpu = process.cpuUsage(cpu0);
console.log(JSON.stringify({ wall, cpu: (cpu.user + cpu.system) / 1000, rss: (process.memoryUsage().rss - before) / 1048576 }));`;
const loads = Array.from({ length: 7 }, () => JSON.parse(execFileSync(process.execPath, ['-e', probe], { encoding: 'utf8' })));

const tense = (await import('node:module')).createRequire(import.meta.url)(bundle); // already built above
const corpus = path.resolve(root, '../shared/corpus/beta-gouv-startups');
let texts;
if (fs.existsSync(corpus)) {
  texts = fs.readdirSync(corpus).map((f) => fs.readFileSync(path.join(corpus, f), 'utf8')).filter((t) => t.length >= 2500 && t.length <= 3500);
} else {
  console.log(`Corpus absent (${corpus}) : scan mesuré sur un texte synthétique.`);
  const sentence = 'Grâce à Mon Aide, les familles reçoivent leur aide en dix jours. Le service permettra aussi de gagner du temps. ';
  texts = [sentence.repeat(Math.ceil(3000 / sentence.length))];
}
for (const text of texts) tense.findTenseHits(text, 0, text.length, {});
const scans = [];
for (let run = 0; run < 5; run++) {
  const t0 = performance.now();
  for (const text of texts) tense.findTenseHits(text, 0, text.length, {});
  scans.push((performance.now() - t0) / texts.length);
}
console.log(`chargement du lexique : ${median(loads.map((l) => l.wall)).toFixed(1)} ms (CPU ${median(loads.map((l) => l.cpu)).toFixed(1)} ms), +${median(loads.map((l) => l.rss)).toFixed(1)} Mo RSS — médianes de ${loads.length} processus (budget ≤ 50 ms, ≤ 15 Mo)`);
console.log(`scan de temps, fiche de ~3 Ko (${texts.length} textes, toutes sections) : ${median(scans).toFixed(3)} ms (médiane de 5)`);
