#!/usr/bin/env node
// Agreement of the section classifier with the human labels of test/labels/sections.tsv (every
// level-1/2 heading of the corpus fiches, with the section kind a careful reader gives it, or
// `ambigu`). Bundles the core with esbuild, runs `parseFiche` on each labelled fiche, matches
// sections to labels by heading line, and prints the agreement on unambiguous headings, the
// precision and recall per kind, a confusion matrix and the disagreements.
//
// Usage: node scripts/eval-sections.mjs [--corpus <dir>] [--strict] [--quiet]
//   --strict  exit 1 when the agreement is below 95 % or labels no longer match the corpus
//   --quiet   no list of disagreements
// The corpus (../shared/corpus/beta-gouv-startups by default, or $FICHE_CORPUS) is not in the
// repository; without it the evaluation is skipped with a message.
import fs from 'node:fs';
import path from 'node:path';
import { load } from './lib/bundle.mjs';
import { performance } from 'node:perf_hooks';

process.stdout.on('error', () => process.exit(0));

const TARGET = 0.95;
const KINDS = ['contexte', 'probleme', 'solution', 'strategie', 'utilisateurs', 'impact', 'risques', 'prototype', 'autre'];

const root = path.resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const corpusIndex = args.indexOf('--corpus');
const corpus = path.resolve(
  corpusIndex >= 0 ? args[corpusIndex + 1] : process.env.FICHE_CORPUS ?? path.join(root, '..', 'shared', 'corpus', 'beta-gouv-startups'),
);
const strict = args.includes('--strict');
const quiet = args.includes('--quiet');

if (!fs.existsSync(corpus)) {
  console.log(`Corpus absent (${corpus}) : évaluation de la reconnaissance des sections ignorée.`);
  console.log('(FICHE_CORPUS=/chemin/vers/les/fiches ou --corpus <dossier> pour en indiquer un autre.)');
  process.exit(0);
}

const core = load('eval-sections');

const labels = fs
  .readFileSync(path.join(root, 'test', 'labels', 'sections.tsv'), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '' && !line.startsWith('#'))
  .map((line) => {
    const [file, lineNumber, kind, heading] = line.split('\t');
    return { file, line: Number(lineNumber), kind, heading };
  });
const byFile = new Map();
for (const label of labels) {
  if (!byFile.has(label.file)) {
    byFile.set(label.file, []);
  }
  byFile.get(label.file).push(label);
}

const confusion = new Map(); // "label\tpredicted" → count
const disagreements = [];
const drift = [];
let agree = 0;
let total = 0;
let ambiguous = 0;
let unlabelled = 0;
const texts = [];
for (const [file, fileLabels] of byFile) {
  const fichePath = path.join(corpus, file);
  if (!fs.existsSync(fichePath)) {
    drift.push(`${file} : fiche absente du corpus`);
    continue;
  }
  const text = fs.readFileSync(fichePath, 'utf8');
  texts.push(text);
  const document = core.parseFiche(text);
  const sections = new Map();
  for (const section of document.sections) {
    if (section.level > 0) {
      sections.set(document.positionAt(section.headingStart).line + 1, section);
    }
  }
  unlabelled += Math.max(0, sections.size - fileLabels.length);
  for (const label of fileLabels) {
    const section = sections.get(label.line);
    if (!section) {
      drift.push(`${file}:${label.line} : aucun titre de section à cette ligne (« ${label.heading} »)`);
      continue;
    }
    const predicted = section.kind;
    const key = `${label.kind}\t${predicted}`;
    confusion.set(key, (confusion.get(key) ?? 0) + 1);
    if (label.kind === 'ambigu') {
      ambiguous++;
      continue;
    }
    total++;
    if (predicted === label.kind) {
      agree++;
    } else {
      disagreements.push(`${file}:${label.line}  ${label.kind} → ${predicted}  « ${label.heading} »`);
    }
  }
}

// Warm timing of the whole parse (Markdown scan, sections and their classification).
let parseTime = Infinity;
for (let run = 0; run < 3; run++) {
  const start = performance.now();
  for (const text of texts) {
    core.parseFiche(text);
  }
  parseTime = Math.min(parseTime, performance.now() - start);
}

const percent = (n, d) => (d === 0 ? '—' : `${((100 * n) / d).toFixed(1)} %`);
const agreement = total === 0 ? 0 : agree / total;
console.log(`Titres étiquetés : ${labels.length} dans ${byFile.size} fiches (${ambiguous} ambigus, exclus du score).`);
console.log(`Accord sur les titres non ambigus : ${agree}/${total} = ${percent(agree, total)} (objectif ${TARGET * 100} %).`);
console.log(`parseFiche à chaud : ${parseTime.toFixed(0)} ms pour ces ${texts.length} fiches, ${(parseTime / Math.max(1, texts.length)).toFixed(3)} ms par fiche en moyenne.`);

console.log('\nPar type : précision (justes / prédits), rappel (justes / étiquetés)');
for (const kind of KINDS) {
  let predicted = 0;
  let labelled = 0;
  let right = 0;
  for (const [key, count] of confusion) {
    const [label, guess] = key.split('\t');
    if (label === 'ambigu') {
      continue;
    }
    if (guess === kind) {
      predicted += count;
    }
    if (label === kind) {
      labelled += count;
    }
    if (label === kind && guess === kind) {
      right += count;
    }
  }
  if (predicted + labelled > 0) {
    console.log(`  ${kind.padEnd(12)} précision ${percent(right, predicted).padStart(7)} (${right}/${predicted})   rappel ${percent(right, labelled).padStart(7)} (${right}/${labelled})`);
  }
}

const columns = KINDS.filter((kind) => [...confusion.keys()].some((key) => key.endsWith(`\t${kind}`)));
const rows = [...KINDS, 'ambigu'].filter((kind) => [...confusion.keys()].some((key) => key.startsWith(`${kind}\t`)));
const short = (kind) => kind.slice(0, 6);
console.log('\nMatrice de confusion (lignes : étiquette humaine, colonnes : classifieur)');
console.log(`${''.padEnd(13)}${columns.map((kind) => short(kind).padStart(7)).join('')}`);
for (const row of rows) {
  console.log(`${row.padEnd(13)}${columns.map((column) => String(confusion.get(`${row}\t${column}`) ?? '·').padStart(7)).join('')}`);
}

if (drift.length > 0) {
  console.log(`\nÉtiquettes qui ne correspondent plus au corpus (${drift.length}) :`);
  for (const line of drift.slice(0, 40)) {
    console.log(`  ${line}`);
  }
}
if (unlabelled > 0) {
  console.log(`\nTitres de section sans étiquette : ${unlabelled}.`);
}
if (!quiet && disagreements.length > 0) {
  console.log(`\nDésaccords (${disagreements.length}) : étiquette → classifieur`);
  for (const line of disagreements) {
    console.log(`  ${line}`);
  }
}

if (strict && (agreement < TARGET || drift.length > 0)) {
  console.log(`\nÉchec : accord ${percent(agree, total)} < ${TARGET * 100} %${drift.length > 0 ? ' ou étiquettes décalées' : ''}.`);
  process.exit(1);
}
