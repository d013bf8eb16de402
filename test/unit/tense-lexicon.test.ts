import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lexiconInfo, readWord } from '../../server/src/core/tense';

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
});
