// Speed of this checkout against another one (e.g. a `git worktree` of main), measured in
// alternation so that the load of a shared machine hits both alike: the companion of
// scripts/findings-diff.mjs, which checks that the findings did not move.
// - Core: both cores bundled and loaded in one process, `analyze` on the 1 MB document made of
//   corpus fiches and on each of the corpus fiches, A and B alternately, medians and minima of
//   CPU and wall time after a few warm-up rounds.
// - CLI: `dist/cli.js` of each checkout (production build: `npm run build -- --production` in
//   both) on the corpus in child processes, A, B and the bare markdown-it parse in turn, round
//   after round.
// Usage: node scripts/bench-ab.mjs <other checkout> [--rounds=N] [--no-cli]
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { root } from './lib/bundle.mjs';

const args = process.argv.slice(2);
const other = args.find((arg) => !arg.startsWith('--'));
if (!other) {
  console.error('Usage : node scripts/bench-ab.mjs <autre copie du dépôt> [--rounds=N] [--no-cli]');
  process.exit(2);
}
const before = path.resolve(other);
const rounds = Number(args.find((arg) => arg.startsWith('--rounds='))?.slice('--rounds='.length) ?? 15);
const corpus = path.resolve(process.env.FICHE_CORPUS ?? path.join(root, '../shared/corpus/beta-gouv-startups'));
if (!fs.existsSync(corpus)) {
  console.error(`Corpus absent (${corpus}) : FICHE_CORPUS=/chemin/vers/les/fiches.`);
  process.exit(2);
}
const files = fs.readdirSync(corpus).filter((f) => f.endsWith('.md')).sort();
const texts = files.map((f) => fs.readFileSync(path.join(corpus, f), 'utf8'));
const parts = [];
for (let i = 0, size = 0; size < 1024 * 1024; i++) {
  parts.push(texts[i % texts.length]);
  size += Buffer.byteLength(texts[i % texts.length]) + 1;
}
const big = parts.join('\n');

const require = createRequire(import.meta.url);
function core(checkout, name) {
  const outfile = path.join(os.tmpdir(), `fiche-ab-${process.pid}-${name}.cjs`);
  esbuild.buildSync({ entryPoints: [path.join(checkout, 'server/src/core/index.ts')], bundle: true, platform: 'node', format: 'cjs', target: 'node20', minify: true, outfile, logLevel: 'error' });
  const loaded = require(outfile);
  fs.rmSync(outfile, { force: true });
  return loaded;
}

const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
const pct = (a, b) => `${b < a ? '−' : '+'}${Math.abs((100 * (b - a)) / a).toFixed(0)} %`;

const A = core(before, 'a');
const B = core(root, 'b');
console.log(`A : ${before}\nB : ${root} (cette copie)\nMachine : ${os.cpus()[0]?.model ?? '?'} × ${os.cpus().length}, Node ${process.version}, charge ${os.loadavg().map((v) => v.toFixed(2)).join(' ')}\n`);
for (const [label, run] of [
  ['1 Mo (fiches concaténées)', (c) => c.analyze(big)],
  [`corpus, ${files.length} fiches une à une`, (c) => texts.forEach((text) => c.analyze(text))],
]) {
  const samples = { A: { cpu: [], wall: [] }, B: { cpu: [], wall: [] } };
  for (let i = 0; i < 5; i++) {
    run(A);
    run(B);
  }
  for (let i = 0; i < rounds; i++) {
    for (const [key, c] of [['A', A], ['B', B]]) {
      const cpu = cpuMs();
      const wall = performance.now();
      run(c);
      samples[key].wall.push(performance.now() - wall);
      samples[key].cpu.push(cpuMs() - cpu);
    }
  }
  const a = { cpu: median(samples.A.cpu), wall: median(samples.A.wall), min: Math.min(...samples.A.cpu) };
  const b = { cpu: median(samples.B.cpu), wall: median(samples.B.wall), min: Math.min(...samples.B.cpu) };
  console.log(`Cœur, ${label} (${rounds} tours, médianes) :`);
  console.log(`  CPU  A ${a.cpu.toFixed(1)} ms, B ${b.cpu.toFixed(1)} ms (${pct(a.cpu, b.cpu)}) ; minimum A ${a.min.toFixed(1)}, B ${b.min.toFixed(1)}`);
  console.log(`  mur  A ${a.wall.toFixed(1)} ms, B ${b.wall.toFixed(1)} ms (${pct(a.wall, b.wall)})`);
}

if (!args.includes('--no-cli')) {
  const reporter = path.join(os.tmpdir(), `fiche-ab-${process.pid}-cpu.cjs`);
  const cpuFile = path.join(os.tmpdir(), `fiche-ab-${process.pid}-cpu.txt`);
  fs.writeFileSync(reporter, `process.on('exit', () => { const u = process.cpuUsage(); require('fs').writeFileSync(process.env.AB_CPU_FILE, String((u.user + u.system) / 1000)); });\n`);
  const floor = path.join(os.tmpdir(), `fiche-ab-${process.pid}-floor.cjs`);
  fs.writeFileSync(
    floor,
    `const fs = require('fs');\nconst md = new (require(${JSON.stringify(require.resolve('markdown-it'))}))();\nfor (const f of fs.readdirSync('.').filter((f) => f.endsWith('.md')).sort()) md.parse(fs.readFileSync(f, 'utf8'), {});\n`,
  );
  const commands = [
    ['A', [path.join(before, 'dist', 'cli.js'), '--format', 'json', '*.md']],
    ['B', [path.join(root, 'dist', 'cli.js'), '--format', 'json', '*.md']],
    ['plancher', [floor]],
  ];
  for (const [, [script]] of commands) {
    if (!fs.existsSync(script)) {
      console.error(`${script} absent : lancer npm run build -- --production dans cette copie.`);
      process.exit(2);
    }
  }
  const samples = Object.fromEntries(commands.map(([name]) => [name, { cpu: [], wall: [] }]));
  const cliRounds = Math.max(5, Math.round(rounds * 0.7));
  for (let round = 0; round < cliRounds; round++) {
    for (const [name, command] of commands) {
      fs.rmSync(cpuFile, { force: true });
      const start = performance.now();
      spawnSync(process.execPath, ['--require', reporter, ...command], { cwd: corpus, env: { ...process.env, AB_CPU_FILE: cpuFile, NO_COLOR: '1' }, maxBuffer: 1 << 28 });
      samples[name].wall.push(performance.now() - start);
      samples[name].cpu.push(Number(fs.readFileSync(cpuFile, 'utf8')));
    }
  }
  const m = Object.fromEntries(Object.entries(samples).map(([name, s]) => [name, { cpu: median(s.cpu), wall: median(s.wall) }]));
  console.log(`CLI, corpus (${cliRounds} tours en alternance, médianes) :`);
  console.log(`  CPU  A ${m.A.cpu.toFixed(0)} ms, B ${m.B.cpu.toFixed(0)} ms (${pct(m.A.cpu, m.B.cpu)}) ; plancher ${m.plancher.cpu.toFixed(0)} ms : A ${(m.A.cpu / m.plancher.cpu).toFixed(2)} ×, B ${(m.B.cpu / m.plancher.cpu).toFixed(2)} ×`);
  console.log(`  mur  A ${m.A.wall.toFixed(0)} ms, B ${m.B.wall.toFixed(0)} ms (${pct(m.A.wall, m.B.wall)}) ; plancher ${m.plancher.wall.toFixed(0)} ms : A ${(m.A.wall / m.plancher.wall).toFixed(2)} ×, B ${(m.B.wall / m.plancher.wall).toFixed(2)} ×`);
  for (const file of [reporter, cpuFile, floor]) {
    fs.rmSync(file, { force: true });
  }
}
