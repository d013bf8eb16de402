import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyEdits } from '../../server/src/core';
import { findTenseHits } from '../../server/src/core/tense';

const LABELS = path.join(__dirname, '..', '..', '..', 'test', 'labels');
const labelsDir = fs.existsSync(LABELS) ? LABELS : path.join(__dirname, '..', '..', 'test', 'labels');

/** Rows of a TSV file of test/labels, comment lines skipped. */
function readTsv(name: string): string[][] {
  return fs
    .readFileSync(path.join(labelsDir, name), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#'))
    .map((line) => line.split('\t'));
}

/** The text after applying the preferred fix of every hit. */
function rewrite(text: string, serviceName?: string): string {
  const hits = findTenseHits(text, 0, text.length, { serviceName });
  return applyEdits(text, hits.flatMap((hit) => hit.fixes[0]?.edits ?? []));
}

describe('tense rewrite table', () => {
  const table = readTsv('tense-table.tsv');

  it('has at least 300 forms generated from the lexicon', () => {
    assert.ok(table.length >= 300, `${table.length} lignes`);
  });

  it('rewrites every future and conditional form of the table to the same person of the present', () => {
    const failures = table
      .map(([form, expected, lemma, reading]) => ({ form, expected, lemma, reading, actual: rewrite(form) }))
      .filter((row) => row.actual !== row.expected);
    assert.deepEqual(
      failures.slice(0, 20).map((f) => `${f.form} (${f.lemma}, ${f.reading}) → ${f.actual}, attendu ${f.expected}`),
      [],
      `${failures.length}/${table.length} échecs`,
    );
  });

  it('passes every hand-written hard case (rewrites and no-finding sentences)', () => {
    const failures = readTsv('tense-hard.tsv')
      .map(([input, expected]) => ({ input, expected, actual: rewrite(input, 'Sera') }))
      .filter((row) => row.actual !== row.expected);
    assert.deepEqual(failures, []);
  });
});
