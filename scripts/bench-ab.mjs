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
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadCore, root } from './lib/bundle.mjs';
import { bigDocument, cpuMs, median, nodeRunner, writeFloorScript } from './lib/measure.mjs';

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
const files = fs.readdirSync(corpus).filter((f) => f.endsWith('.md')).sort().map((f) => path.join(corpus, f));
const texts = files.map((file) => fs.readFileSync(file, 'utf8'));
const big = bigDocument(files, 1024 * 1024);
const pct = (a, b) => `${b < a ? '−' : '+'}${Math.abs((100 * (b - a)) / a).toFixed(0)} %`;

const A = loadCore(before, 'a', { minify: true });
const B = loadCore(root, 'b', { minify: true });
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
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'fiche-ab-'));
  const { run } = nodeRunner(work);
  const commands = [
    ['A', [path.join(before, 'dist', 'cli.js'), '--format', 'json', '*.md']],
    ['B', [path.join(root, 'dist', 'cli.js'), '--format', 'json', '*.md']],
    ['plancher', [writeFloorScript(path.join(work, 'parse-only.cjs'))]],
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
      const result = run(command, corpus);
      samples[name].wall.push(result.wall);
      samples[name].cpu.push(result.cpu);
    }
  }
  fs.rmSync(work, { recursive: true, force: true });
  const m = Object.fromEntries(Object.entries(samples).map(([name, s]) => [name, { cpu: median(s.cpu), wall: median(s.wall) }]));
  console.log(`CLI, corpus (${cliRounds} tours en alternance, médianes) :`);
  console.log(`  CPU  A ${m.A.cpu.toFixed(0)} ms, B ${m.B.cpu.toFixed(0)} ms (${pct(m.A.cpu, m.B.cpu)}) ; plancher ${m.plancher.cpu.toFixed(0)} ms : A ${(m.A.cpu / m.plancher.cpu).toFixed(2)} ×, B ${(m.B.cpu / m.plancher.cpu).toFixed(2)} ×`);
  console.log(`  mur  A ${m.A.wall.toFixed(0)} ms, B ${m.B.wall.toFixed(0)} ms (${pct(m.A.wall, m.B.wall)}) ; plancher ${m.plancher.wall.toFixed(0)} ms : A ${(m.A.wall / m.plancher.wall).toFixed(2)} ×, B ${(m.B.wall / m.plancher.wall).toFixed(2)} ×`);
}
