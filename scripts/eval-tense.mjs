#!/usr/bin/env node
// Precision and recall of the tense engine against the labelled development set
// (test/labels/tense-dev.tsv: every candidate word of the corpus fiches — anything ending like a
// future/conditional, every form of "aller" — with a human judgement: `futur`, `conditionnel`,
// `non`, or `conditionnel-passé` for a past conditional ("aurait pu", "se serait faite"), which the
// rules leave alone on purpose and count as a false detection if flagged), plus the hand-written
// rewrite cases of test/labels/tense-hard.tsv.
//
// Usage: npx tsc -b && node scripts/eval-tense.mjs [--all] [--corpus <dir>] [--strict]
//   --all     list every miss and false finding (default: the first 40 of each)
//   --strict  exit 1 when precision < 0.98 or recall < 0.97 on the Solution sections
// The corpus (../shared/corpus/beta-gouv-startups by default, or $FICHE_CORPUS) is not in the
// repository; without it the corpus evaluation is skipped with a message.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
const corpusIndex = args.indexOf('--corpus');
const corpus =
  corpusIndex >= 0 ? args[corpusIndex + 1] : process.env.FICHE_CORPUS ?? join(root, '..', 'shared', 'corpus', 'beta-gouv-startups');
const listAll = args.includes('--all');
const TARGET = { precision: 0.98, recall: 0.97 };

// The compiled core: the server project's output, or the test project's (rootDir = repository).
const coreDir = [join(root, 'server', 'out', 'core'), join(root, 'out', 'server', 'src', 'core')].find((dir) =>
  existsSync(join(dir, 'tense', 'index.js')),
);
if (!coreDir) {
  console.error('Le cœur compilé est absent : lancez d’abord `npx tsc -b`.');
  process.exit(2);
}
const core = require(join(coreDir, 'index.js'));
const { findTenseHits } = require(join(coreDir, 'tense', 'index.js'));

const hard = evaluateHardCases();
let solution;
if (!existsSync(corpus)) {
  console.log(`Corpus absent (${corpus}) : évaluation sur le corpus ignorée.`);
} else {
  solution = evaluateCorpus();
}
if (args.includes('--strict') && (hard.failed > 0 || (solution && (solution.precision < TARGET.precision || solution.recall < TARGET.recall)))) {
  process.exit(1);
}

/** Reads a TSV file of the labels folder, without comment lines. */
function readTsv(name) {
  return readFileSync(join(root, 'test', 'labels', name), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#'))
    .map((line) => line.split('\t'));
}

function evaluateCorpus() {
  const labels = readTsv('tense-dev.tsv').map(([file, line, column, word, section, label]) => ({
    file,
    line: Number(line),
    column: Number(column),
    word,
    section,
    label,
  }));
  const byFile = new Map();
  for (const label of labels) {
    if (!byFile.has(label.file)) {
      byFile.set(label.file, []);
    }
    byFile.get(label.file).push(label);
  }
  const results = [];
  let drift = 0;
  for (const [file, fileLabels] of byFile) {
    const path = join(corpus, file);
    if (!existsSync(path)) {
      drift += fileLabels.length;
      continue;
    }
    const text = readFileSync(path, 'utf8');
    const document = core.parseFiche(text);
    const hits = [];
    const solutionRanges = [];
    for (const section of document.sections) {
      if (section.kind === 'solution') {
        solutionRanges.push([section.headingStart, section.end]);
      }
      for (const block of section.blocks) {
        if (block.type !== 'heading') {
          hits.push(...findTenseHits(document.prose, block.start, block.end, { serviceName: document.name?.value }));
        }
      }
    }
    const anchored = new Set();
    for (const label of fileLabels) {
      const offset = document.offsetAt({ line: label.line - 1, character: label.column - 1 });
      if (text.slice(offset, offset + label.word.length) !== label.word) {
        drift++;
        continue;
      }
      const hit = hits.find((h) => h.start <= offset && offset < h.end);
      if (hit) {
        anchored.add(hit);
      }
      results.push({ ...label, hit, context: contextOf(text, offset, label.word.length) });
    }
    for (const hit of hits) {
      if (!anchored.has(hit)) {
        const inSolution = solutionRanges.some(([a, b]) => a <= hit.start && hit.start < b);
        const position = document.positionAt(hit.start);
        results.push({
          file,
          line: position.line + 1,
          column: position.character + 1,
          word: hit.text,
          section: inSolution ? 'solution' : 'autre',
          label: 'non-étiqueté',
          hit,
          context: contextOf(text, hit.start, hit.end - hit.start),
        });
      }
    }
  }
  if (drift > 0) {
    console.log(`Attention : ${drift} étiquettes ne correspondent plus au corpus (fichier modifié ?).`);
  }
  const solution = report('Sections Solution (cible)', results.filter((r) => r.section === 'solution'));
  report('Toutes les sections', results);
  return solution;
}

function report(title, results) {
  const positive = (r) => r.label === 'futur' || r.label === 'conditionnel';
  const tp = results.filter((r) => positive(r) && r.hit);
  const fn = results.filter((r) => positive(r) && !r.hit);
  const fp = results.filter((r) => !positive(r) && r.hit);
  const kindErrors = tp.filter((r) => r.hit.kind !== r.label);
  const precision = tp.length / Math.max(1, tp.length + fp.length);
  const recall = tp.length / Math.max(1, tp.length + fn.length);
  console.log(`\n== ${title} ==`);
  console.log(
    `candidats étiquetés : ${results.filter((r) => r.label !== 'non-étiqueté').length}, ` +
      `formes au futur/conditionnel : ${tp.length + fn.length}`,
  );
  console.log(`précision : ${precision.toFixed(3)} (${tp.length}/${tp.length + fp.length})   rappel : ${recall.toFixed(3)} (${tp.length}/${tp.length + fn.length})`);
  console.log(`temps confondu (futur ↔ conditionnel) : ${kindErrors.length}`);
  list('Oublis', fn, (r) => `${r.file}:${r.line}:${r.column} « ${r.word} » (${r.label}) … ${r.context} …`);
  list('Fausses détections', fp, (r) => `${r.file}:${r.line}:${r.column} « ${r.hit.text} » (${r.label}) … ${r.context} …`);
  list('Temps confondus', kindErrors, (r) => `${r.file}:${r.line}:${r.column} « ${r.word} » étiqueté ${r.label}, détecté ${r.hit.kind}`);
  return { precision, recall };
}

function list(title, rows, format) {
  if (rows.length === 0) {
    return;
  }
  console.log(`${title} (${rows.length}) :`);
  for (const row of listAll ? rows : rows.slice(0, 40)) {
    console.log(`  - ${format(row)}`);
  }
  if (!listAll && rows.length > 40) {
    console.log(`  … (${rows.length - 40} de plus : --all)`);
  }
}

function contextOf(text, offset, length) {
  return text
    .slice(Math.max(0, offset - 50), offset + length + 40)
    .replace(/\s+/g, ' ')
    .trim();
}

/** Hand-written sentences and the text expected after applying the preferred fixes. */
function evaluateHardCases() {
  const cases = readTsv('tense-hard.tsv');
  let failed = 0;
  for (const [input, expected] of cases) {
    const hits = findTenseHits(input, 0, input.length, { serviceName: 'Sera' });
    const fixed = core.applyEdits(input, hits.flatMap((hit) => hit.fixes[0]?.edits ?? []));
    if (fixed !== expected) {
      failed++;
      console.log(`  ✗ ${input}\n      attendu : ${expected}\n      obtenu  : ${fixed}`);
    }
  }
  console.log(`Cas écrits à la main : ${cases.length - failed}/${cases.length} réussis.`);
  return { failed };
}
