// Benchmark (`npm run bench`): medians of several runs, printed as a table.
// - Core: `analyze` on a real 3 KB fiche (warm), and on 100 KB and 1 MB documents made of real
//   fiches (warm: after 5 analyses of the document; the 1 MB one also once in a fresh process),
//   next to a bare markdown-it parse of the same text (the floor): linear growth shows as a flat
//   µs/Ko column.
// - CLI: fiche-lint over the whole corpus, side by side in the same rounds with markdownlint-cli2
//   on the same files and with a bare "read + markdown-it parse" of them (the floor), with ratios.
// Times are CPU time (user + system, `process.cpuUsage()`), which the load of a shared machine
// disturbs far less than wall time; wall time is shown too. The load average is printed.
// Options: `--strict` exits 1 when a budget is exceeded; `--quick` does fewer runs; `--rules`
// adds the cost of each rule on the 100 KB document. The corpus is read in place, never copied.
import { load as loadBundle } from './lib/bundle.mjs';
import { bigDocument as concatenated, cpuMs, median, nodeRunner, writeFloorScript } from './lib/measure.mjs';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';

const root = path.resolve(import.meta.dirname, '..');
const corpus = path.resolve(process.env.FICHE_CORPUS ?? path.join(root, '../shared/corpus/beta-gouv-startups'));
const work = path.join(root, '.tmp', 'bench');
const strict = process.argv.includes('--strict');
const quick = process.argv.includes('--quick');
const perRule = process.argv.includes('--rules');

/** Analyses of a long document before its timed runs. */
const WARM_UP = 5;

/** Budgets (issue 6): milliseconds of CPU, and ratios for the CLI. */
const BUDGETS = { small: 1, large: 150, floorRatio: 2 };

fs.mkdirSync(work, { recursive: true });
const require = createRequire(import.meta.url);
const core = loadBundle('bench-core');
const MarkdownIt = require('markdown-it');
const cliFile = path.join(root, 'dist', 'cli.js');
if (!fs.existsSync(cliFile)) {
  console.error('dist/cli.js absent : lancer npm run build (npm run bench le fait).');
  process.exit(2);
}

const corpusFiles = fs.existsSync(corpus)
  ? fs.readdirSync(corpus).filter((f) => f.endsWith('.md')).sort().map((f) => path.join(corpus, f))
  : [];
if (corpusFiles.length === 0) {
  console.log(`Corpus absent (${corpus}) : documents de 100 Ko et 1 Mo, et mesure de la CLI, ignorés.`);
  console.log('(FICHE_CORPUS=/chemin/vers/les/fiches pour en indiquer un autre.)\n');
}

/** Medians of CPU and wall time (ms) of `runs` calls of `fn`, after `warmup` calls. */
function measure(fn, warmup, runs) {
  for (let i = 0; i < warmup; i++) {
    fn();
  }
  const cpu = [];
  const wall = [];
  for (let i = 0; i < runs; i++) {
    const c = cpuMs();
    const w = performance.now();
    fn();
    wall.push(performance.now() - w);
    cpu.push(cpuMs() - c);
  }
  return { cpu: median(cpu), wall: median(wall) };
}

/**
 * Medians over many calls for short operations: `process.cpuUsage()` ticks too coarsely for a
 * single sub-millisecond call, so each sample times a batch of `batch` calls.
 */
function measureBatched(fn, warmup, samples, batch) {
  const result = measure(() => {
    for (let i = 0; i < batch; i++) {
      fn();
    }
  }, Math.ceil(warmup / batch), samples);
  return { cpu: result.cpu / batch, wall: result.wall / batch };
}

/** A real fiche of about 3 KB from the corpus, else a written-out one of that size. */
function smallFiche() {
  const sized = corpusFiles.map((file) => ({ file, size: fs.statSync(file).size }));
  const best = sized.sort((a, b) => Math.abs(a.size - 3072) - Math.abs(b.size - 3072))[0];
  if (best) {
    return { text: fs.readFileSync(best.file, 'utf8'), source: path.basename(best.file) };
  }
  const paragraph =
    'Grâce à Aide Facile, les familles découvrent en cinq minutes les aides auxquelles elles ont droit, ' +
    'plutôt que de remplir des dossiers au hasard. Le service permettra aux agents de préparer les rendez-vous.\n\n';
  let text = '---\ntitle: Aide Facile\n---\n\n# Aide Facile\n\n## Problème\n\n120 000 familles renoncent chaque année à une aide.\n\n## Solution\n\n';
  while (text.length < 2800) {
    text += paragraph;
  }
  return { text: `${text}## Stratégie\n\nDeux caisses pilotes.\n`, source: 'fiche synthétique' };
}

/** Real fiches concatenated (cycling through the corpus) up to `bytes`. */
const bigDocument = (bytes) => concatenated(corpusFiles, bytes);

// Child processes report their own CPU time (user + system, all threads).
const runProcess = nodeRunner(work).run;

/** Runs each command once per round, round after round, so that load changes hit them alike. */
function interleave(commands, rounds) {
  const samples = commands.map(() => ({ wall: [], cpu: [], status: undefined, stderr: '' }));
  for (let round = 0; round < rounds; round++) {
    commands.forEach((command, i) => {
      const run = runProcess(command.args, command.cwd);
      samples[i].wall.push(run.wall);
      samples[i].cpu.push(run.cpu);
      samples[i].status = run.status;
      samples[i].stderr = run.stderr;
    });
  }
  return samples.map((s) => ({ wall: median(s.wall), cpu: median(s.cpu), status: s.status, stderr: s.stderr }));
}

const rows = [];
const kb = (text) => Buffer.byteLength(text) / 1024;
const row = (what, size, time, budget, note = '') => rows.push({ what, size, ...time, budget, note });
const loadBefore = os.loadavg();
const markdownIt = new MarkdownIt();

const small = smallFiche();
row(`analyze, 3 Ko à chaud (${small.source})`, kb(small.text), measureBatched(() => core.analyze(small.text), 300, quick ? 11 : 31, 20), BUDGETS.small);
row('  plancher : markdown-it seul, même texte', kb(small.text), measureBatched(() => markdownIt.parse(small.text, {}), 300, quick ? 11 : 31, 20));
const documents = [];
if (corpusFiles.length > 0) {
  for (const [label, bytes, runs, budget] of [
    ['100 Ko', 100 * 1024, quick ? 5 : 15, undefined],
    ['1 Mo', 1024 * 1024, quick ? 3 : 9, BUDGETS.large],
  ]) {
    const text = bigDocument(bytes);
    documents.push(text);
    // Warm: after WARM_UP analyses of the document, as in the server's worker after a few
    // keystrokes (V8 is still optimising the long-document paths during the first ones); the
    // first analysis in a fresh process is measured below.
    row(`analyze, ${label} (fiches concaténées, à chaud)`, kb(text), measure(() => core.analyze(text), WARM_UP, runs), budget);
    row('  dont parseFiche (Markdown, masque de prose, sections)', kb(text), measure(() => core.parseFiche(text), 1, runs));
    row('  plancher : markdown-it seul, même texte', kb(text), measure(() => markdownIt.parse(text, {}), 1, runs));
  }
  // The same 1 MB document analysed once in a fresh process: the code and expressions still cold,
  // the caches empty (what the first analysis of a long document costs, before the JIT warms up).
  // The document goes through a file of the system's temporary folder, removed after.
  const firstText = path.join(os.tmpdir(), `fiche-bench-${process.pid}-1mo.md`);
  const firstScript = path.join(work, 'first-analysis.cjs');
  fs.writeFileSync(firstText, documents[1]);
  fs.writeFileSync(
    firstScript,
    `const core = require(${JSON.stringify(path.join(root, '.tmp', 'bench-core.cjs'))});
const text = require('fs').readFileSync(process.argv[2], 'utf8');
const before = process.cpuUsage(); const start = performance.now();
core.analyze(text);
const used = process.cpuUsage(before);
process.stdout.write(JSON.stringify({ cpu: (used.user + used.system) / 1000, wall: performance.now() - start }));\n`,
  );
  const firsts = [];
  for (let run = 0; run < (quick ? 3 : 5); run++) {
    firsts.push(JSON.parse(spawnSync(process.execPath, [firstScript, firstText], { encoding: 'utf8', maxBuffer: 1 << 20 }).stdout));
  }
  fs.rmSync(firstText, { force: true });
  row('  1 Mo, première analyse dans un processus neuf (code froid)', kb(documents[1]), { cpu: median(firsts.map((f) => f.cpu)), wall: median(firsts.map((f) => f.wall)) });
}

let cliSummary;
if (corpusFiles.length > 0) {
  const corpusKb = corpusFiles.reduce((sum, file) => sum + fs.statSync(file).size, 0) / 1024;
  const floorScript = writeFloorScript(path.join(work, 'parse-only.cjs'));
  const markdownlint = path.join(root, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs');
  const commands = [
    { name: 'fiche-lint', args: [cliFile, '--format', 'json', '*.md'], cwd: corpus },
    { name: 'rules-off', args: [cliFile, '--format', 'json', ...core.rules.flatMap((rule) => ['--rule', `${rule.id}=off`]), '*.md'], cwd: corpus },
    { name: 'markdownlint-cli2', args: [markdownlint, '*.md'], cwd: corpus },
    { name: 'floor', args: [floorScript], cwd: corpus },
    { name: 'startup', args: [cliFile, '--version'], cwd: root },
  ].filter((command) => command.name !== 'markdownlint-cli2' || fs.existsSync(markdownlint));
  const results = Object.fromEntries(interleave(commands, quick ? 3 : 11).map((result, i) => [commands[i].name, result]));
  const cli = results['fiche-lint'];
  if (cli.status === 2) {
    console.error(`La CLI a échoué sur le corpus :\n${cli.stderr}`);
  }
  const floor = results.floor;
  const lint = results['markdownlint-cli2'];
  const ratio = (a, b) => `${(a.cpu / b.cpu).toFixed(2)} ×`;
  const wallRatio = (a, b) => `${(a.wall / b.wall).toFixed(2)} ×`;
  row(
    `CLI fiche-lint, corpus (${corpusFiles.length} fiches, processus)`,
    corpusKb,
    cli,
    undefined,
    `${ratio(cli, floor)} le plancher (mur : ${wallRatio(cli, floor)})${lint ? `, ${ratio(cli, lint)} markdownlint-cli2 (mur : ${wallRatio(cli, lint)})` : ''}`,
  );
  const off = results['rules-off'];
  row('  CLI sans aucune règle (lecture, Markdown, sections, JSON)', corpusKb, off, undefined, `${ratio(off, floor)} le plancher`);
  if (lint) {
    row('markdownlint-cli2, mêmes fichiers (processus)', corpusKb, lint, undefined, `${ratio(lint, floor)} le plancher`);
  }
  row('plancher : lecture + markdown-it seul (processus)', corpusKb, floor);
  row('CLI fiche-lint, démarrage seul (--version)', 0, results.startup);
  cliSummary = { cli, floor, lint };
}

// Per-rule costs on the 100 KB document (for the rule authors). Each run gets a freshly parsed
// document (not timed): rules may cache work on it (the tense scan), which a real analysis pays.
let ruleTable = [];
if (perRule && documents.length > 0) {
  ruleTable = core.rules
    .map((rule) => {
      const cpu = [];
      for (let run = 0; run < (quick ? 3 : 7) + 1; run++) {
        const document = core.parseFiche(documents[0]);
        const sections = rule.sections === 'fiche' ? document.sections : document.sections.filter((s) => rule.sections.includes(s.kind));
        const start = cpuMs();
        rule.check({ document, sections });
        if (run > 0) {
          cpu.push(cpuMs() - start);
        }
      }
      return { id: rule.id, cpu: median(cpu) };
    })
    .sort((a, b) => b.cpu - a.cpu);
}

// The table.
const fmt = (ms) => (Number.isNaN(ms) ? '?' : `${ms.toFixed(ms < 10 ? 3 : 1)} ms`);
const header = ['Mesure', 'Taille', 'CPU (médiane)', 'µs CPU/Ko', 'Mur (médiane)', 'Budget', ''];
const lines = rows.map((r) => [
  r.what,
  r.size ? `${r.size.toFixed(r.size < 10 ? 1 : 0)} Ko` : '—',
  fmt(r.cpu),
  r.size ? ((r.cpu * 1000) / r.size).toFixed(0) : '—',
  fmt(r.wall),
  r.budget === undefined ? '—' : `≤ ${r.budget} ms ${r.cpu <= r.budget ? '✓' : '✗'}`,
  r.note,
]);
const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
const format = (cells) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
const load = (values) => values.map((v) => v.toFixed(2)).join(' ');
console.log(
  `Machine : ${os.cpus()[0]?.model ?? '?'} × ${os.cpus().length}, ${Math.round(os.totalmem() / 2 ** 30)} Go, Node ${process.version}, ${os.platform()} ${os.release()}`,
);
console.log(`Charge (1, 5, 15 min) : avant ${load(loadBefore)}, après ${load(os.loadavg())}`);
console.log(format(header));
console.log(format(widths.map((w) => '-'.repeat(w))));
for (const line of lines) {
  console.log(format(line));
}
if (ruleTable.length > 0) {
  console.log('\nCoût de chaque règle sur le document de 100 Ko (CPU, médiane) :');
  for (const rule of ruleTable) {
    console.log(`  ${rule.id.padEnd(28)} ${fmt(rule.cpu)}`);
  }
}

const failures = rows.filter((r) => r.budget !== undefined && r.cpu > r.budget).map((r) => r.what.trim());
if (cliSummary) {
  const { cli, floor, lint } = cliSummary;
  if (cli.cpu > BUDGETS.floorRatio * floor.cpu) {
    failures.push(`CLI > ${BUDGETS.floorRatio} × le plancher (${(cli.cpu / floor.cpu).toFixed(2)} ×)`);
  }
  if (lint && cli.cpu >= lint.cpu) {
    failures.push(`CLI pas plus rapide que markdownlint-cli2 (${(cli.cpu / lint.cpu).toFixed(2)} ×)`);
  }
}
if (failures.length > 0) {
  console.log(`\nBudget dépassé : ${failures.join(' ; ')}`);
  if (strict) {
    process.exitCode = 1;
  }
}
