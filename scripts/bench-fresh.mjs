// The warm 3 KB analysis (issue 6 budget: 1 ms) measured in several fresh processes: a single
// process's median moves by ±20 % from one process to the next on this machine (JIT decisions,
// memory layout), so one figure is not enough. Usage: node scripts/bench-fresh.mjs [processes=9]
// Each process: the core bundle (as `npm run bench`), the corpus fiche closest to 3 KB, 300 warm-up
// analyses, then the median of 41 samples of 20 analyses (CPU time).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bundle, root } from './lib/bundle.mjs';

const processes = Number(process.argv[2] ?? 9);
const corpus = path.resolve(process.env.FICHE_CORPUS ?? path.join(root, '../shared/corpus/beta-gouv-startups'));
const files = fs.existsSync(corpus) ? fs.readdirSync(corpus).filter((f) => f.endsWith('.md')).map((f) => path.join(corpus, f)) : [];
const fiche = files.sort((a, b) => Math.abs(fs.statSync(a).size - 3072) - Math.abs(fs.statSync(b).size - 3072))[0] ?? path.join(root, 'examples', 'exemple.fiche.md');
const core = bundle('bench-fresh-core');
const child = `
const core = require(${JSON.stringify(core)});
const text = require('node:fs').readFileSync(${JSON.stringify(fiche)}, 'utf8');
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
for (let i = 0; i < 300; i++) core.analyze(text);
const samples = [];
for (let k = 0; k < 41; k++) { const c = cpu(); for (let i = 0; i < 20; i++) core.analyze(text); samples.push((cpu() - c) / 20); }
samples.sort((a, b) => a - b);
console.log(samples[20]);
`;
const medians = [];
for (let i = 0; i < processes; i++) {
  const run = spawnSync(process.execPath, ['-e', child], { encoding: 'utf8' });
  if (run.status !== 0) {
    console.error(run.stderr);
    process.exit(2);
  }
  medians.push(Number(run.stdout.trim()));
}
const sorted = [...medians].sort((a, b) => a - b);
console.log(`analyze, ${path.basename(fiche)} (${(fs.statSync(fiche).size / 1024).toFixed(1)} Ko), à chaud, ${processes} processus neufs :`);
console.log(`  médianes par processus (ms CPU) : ${medians.map((m) => m.toFixed(3)).join(' ')}`);
console.log(`  min ${sorted[0].toFixed(3)}, médiane ${sorted[sorted.length >> 1].toFixed(3)}, max ${sorted.at(-1).toFixed(3)} ; budget 1 ms`);
console.log(`  charge (1, 5, 15 min) : ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
