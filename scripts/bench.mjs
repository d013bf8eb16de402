// Benchmark (`npm run bench`): medians of several runs of the core's `analyze` on a 3 KB fiche
// (warm), a 100 KB and a 1 MB document made of real fiches, and of the CLI over the whole
// corpus next to a bare Markdown parse of the same files (the floor). Prints a table.
// `--strict`: exit 1 when a budget is exceeded. The corpus is read in place, never copied.
import * as esbuild from 'esbuild';
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

/** Budgets in milliseconds (issue 6). */
const BUDGETS = { '3 Ko': 1, '1 Mo': 150 };

fs.mkdirSync(work, { recursive: true });
const bundle = (entry, name) => {
  const outfile = path.join(work, name);
  esbuild.buildSync({ entryPoints: [path.join(root, entry)], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile, logLevel: 'error' });
  return outfile;
};
const require = createRequire(import.meta.url);
const core = require(bundle('server/src/core/index.ts', 'core.cjs'));
const cliBundle = bundle('server/src/cli.ts', 'cli.cjs');

const corpusFiles = fs.existsSync(corpus)
  ? fs.readdirSync(corpus).filter((f) => f.endsWith('.md')).sort().map((f) => path.join(corpus, f))
  : [];
if (corpusFiles.length === 0) {
  console.log(`Corpus absent (${corpus}) : documents de 100 Ko et 1 Mo, et mesure de la CLI, ignorés.`);
  console.log('(FICHE_CORPUS=/chemin/vers/les/fiches pour en indiquer un autre.)\n');
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** Median time (ms) of `runs` calls of `analyze(text)`, after `warmup` calls. */
function timeAnalyze(text, warmup, runs) {
  for (let i = 0; i < warmup; i++) {
    core.analyze(text);
  }
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    core.analyze(text);
    samples.push(performance.now() - start);
  }
  return median(samples);
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
function bigDocument(bytes) {
  const parts = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const text = fs.readFileSync(corpusFiles[i % corpusFiles.length], 'utf8');
    parts.push(text);
    size += Buffer.byteLength(text) + 1;
  }
  return parts.join('\n');
}

/** Median wall time (ms) of `runs` runs of `node args…`, plus the last exit status. */
function timeProcess(args, runs, cwd) {
  const samples = [];
  let status;
  let stderr = '';
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const result = spawnSync(process.execPath, args, { cwd, encoding: 'utf8', maxBuffer: 1 << 28 });
    samples.push(performance.now() - start);
    status = result.status;
    stderr = result.stderr;
  }
  return { ms: median(samples), status, stderr };
}

const rows = [];
const kb = (text) => Buffer.byteLength(text) / 1024;
const row = (what, size, ms, budget, note = '') => rows.push({ what, size, ms, budget, note });

const small = smallFiche();
row(`analyze, 3 Ko chaud (${small.source})`, kb(small.text), timeAnalyze(small.text, 300, 500), BUDGETS['3 Ko'], 'médiane de 500');
if (corpusFiles.length > 0) {
  const doc100 = bigDocument(100 * 1024);
  const doc1m = bigDocument(1024 * 1024);
  row('analyze, 100 Ko (fiches concaténées)', kb(doc100), timeAnalyze(doc100, 3, 15), undefined, 'médiane de 15');
  row('analyze, 1 Mo (fiches concaténées)', kb(doc1m), timeAnalyze(doc1m, 2, 7), BUDGETS['1 Mo'], 'médiane de 7');

  const corpusKb = corpusFiles.reduce((sum, file) => sum + fs.statSync(file).size, 0) / 1024;
  const cli = timeProcess([cliBundle, '--format', 'json', '*.md'], 5, corpus);
  if (cli.status === 2) {
    console.error(`La CLI a échoué sur le corpus :\n${cli.stderr}`);
  }
  const floorScript = path.join(work, 'parse-only.cjs');
  fs.writeFileSync(
    floorScript,
    `const fs = require('fs'), path = require('path');
const md = new (require(${JSON.stringify(require.resolve('markdown-it'))}))();
for (const f of fs.readdirSync('.').filter((f) => f.endsWith('.md'))) md.parse(fs.readFileSync(path.join('.', f), 'utf8'), {});\n`,
  );
  const floor = timeProcess([floorScript], 5, corpus);
  row(`CLI, corpus entier (${corpusFiles.length} fiches, processus)`, corpusKb, cli.ms, undefined, `${(cli.ms / floor.ms).toFixed(2)} × le plancher`);
  row('plancher : lecture + markdown-it seul (processus)', corpusKb, floor.ms, undefined, 'médiane de 5');
  const version = spawnSync(process.execPath, [cliBundle, '--version'], { encoding: 'utf8' });
  row('CLI, démarrage seul (--version)', 0, timeProcess([cliBundle, '--version'], 5, root).ms, undefined, version.status === 0 ? '' : 'échec');
}

// The table.
const header = ['Mesure', 'Taille', 'Médiane', 'µs/Ko', 'Budget', ''];
const lines = rows.map((r) => [
  r.what,
  r.size ? `${r.size.toFixed(r.size < 10 ? 1 : 0)} Ko` : '—',
  `${r.ms.toFixed(r.ms < 10 ? 3 : 1)} ms`,
  r.size ? ((r.ms * 1000) / r.size).toFixed(0) : '—',
  r.budget === undefined ? '—' : `≤ ${r.budget} ms ${r.ms <= r.budget ? '✓' : '✗'}`,
  r.note,
]);
const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
const format = (cells) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
console.log(`Machine : ${os.cpus()[0]?.model ?? '?'} × ${os.cpus().length}, Node ${process.version}, ${os.platform()}`);
console.log(format(header));
console.log(format(widths.map((w) => '-'.repeat(w))));
for (const line of lines) {
  console.log(format(line));
}
const over = rows.filter((r) => r.budget !== undefined && r.ms > r.budget);
if (over.length > 0) {
  console.log(`\nBudget dépassé : ${over.map((r) => r.what).join(' ; ')}`);
  if (strict) {
    process.exitCode = 1;
  }
}
