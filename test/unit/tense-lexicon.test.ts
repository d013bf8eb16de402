import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { findTenseHits, lexiconInfo, loadLexicon, readWord } from '../../server/src/core/tense';

describe('tense lexicon data', () => {
  it('records its source package and version', () => {
    const info = lexiconInfo();
    assert.equal(info.package, 'hunspell-fr-comprehensive');
    assert.match(info.version, /^\d+:\d+\.\d+/);
    assert.equal(info.license, 'MPL-2.0');
  });
  it('holds the expected number of verbs and forms', () => {
    const info = lexiconInfo();
    assert.ok(info.verbs > 8000 && info.verbs < 9000, `${info.verbs} verbes`);
    assert.ok(info.futureForms > 90000, `${info.futureForms} formes`);
  });
  it('knows common, modern and irregular verbs', () => {
    const cases: [string, string, string][] = [
      ['permettra', 'permettre', 'permet'],
      ['géolocalisera', 'géolocaliser', 'géolocalise'],
      ['coconstruira', 'coconstruire', 'coconstruit'],
      ['sortira', 'sortir', 'sort'],
      ['repartira', 'repartir', 'repart'],
      ['fuira', 'fuir', 'fuit'],
      ['sera', 'être', 'est'],
      ['ira', 'aller', 'va'],
      ['faudra', 'falloir', 'faut'],
      ['prototypera', 'prototyper', 'prototype'],
    ];
    for (const [form, lemma, present] of cases) {
      const reading = readWord(form);
      assert.ok(reading, form);
      assert.equal(reading.lemma, lemma, form);
      assert.equal(reading.present[2], present, form);
      assert.equal(reading.source, 'lexique', form);
    }
  });
  it('does not read nouns and present forms as futures', () => {
    for (const word of ['environs', 'patrons', 'opéra', 'caméra', 'extra', 'sahara', 'marrons', 'citrons', 'gérez', 'collaborons', 'trait', 'extrait', 'ailerons', 'biberons']) {
      assert.equal(readWord(word), undefined, word);
    }
  });
  it('ships its licence notice beside the data', () => {
    const source = path.join(__dirname, '..', '..', '..', 'server', 'src', 'core', 'tense', 'data');
    const notice = fs.readFileSync(path.join(source, 'NOTICE.md'), 'utf8');
    assert.match(notice, /hunspell-fr-comprehensive/);
    assert.match(notice, /Mozilla Public License/);
    assert.ok(fs.statSync(path.join(source, 'lexicon-fr.json')).size < 200_000);
  });
  it('loads within budget and scans a 3 KB fiche in well under 0.5 ms', () => {
    const started = process.hrtime.bigint();
    loadLexicon();
    const loadMs = Number(process.hrtime.bigint() - started) / 1e6;
    assert.ok(loadMs < 200, `${loadMs.toFixed(1)} ms`); // ≤ 50 ms measured in a fresh process (docs/tense.md)
    const sentence = 'Grâce à Mon Aide, les familles reçoivent leur aide en dix jours, sans se déplacer au guichet. ';
    const fiche = sentence.repeat(Math.ceil(3000 / sentence.length)) + 'Le service permettra aussi de gagner du temps.';
    for (let i = 0; i < 50; i++) {
      findTenseHits(fiche, 0, fiche.length, {});
    }
    const runs = 200;
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < runs; i++) {
      findTenseHits(fiche, 0, fiche.length, {});
    }
    const perScan = Number(process.hrtime.bigint() - t0) / 1e6 / runs;
    assert.ok(perScan < 0.5, `${perScan.toFixed(3)} ms par fiche`);
  });
});
