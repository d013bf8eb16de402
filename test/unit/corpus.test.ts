import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze, rules } from '../../server/src/core';

// The real fiches of ../shared/corpus (not in the repository): every one is analysed without
// error, with ranges inside the text and fixes only from fixable rules.
const corpus = path.resolve(__dirname, '../../../../shared/corpus/beta-gouv-startups');

describe('real fiches of the corpus', function () {
  it('are all analysed with valid ranges and honest fixes', function () {
    if (!fs.existsSync(corpus)) {
      this.skip(); // reported as pending: the corpus is not on this machine
    }
    const fixable = new Set(rules.filter((r) => r.fixable).map((r) => r.id));
    const files = fs.readdirSync(corpus).filter((f) => f.endsWith('.md'));
    assert.ok(files.length > 300);
    for (const file of files) {
      const text = fs.readFileSync(path.join(corpus, file), 'utf8');
      const { document, findings } = analyze(text);
      assert.equal(document.prose.length, text.length, file);
      for (const f of findings) {
        assert.ok(f.start >= 0 && f.start <= f.end && f.end <= text.length, `${file} ${f.ruleId}`);
        assert.deepEqual(document.positionAt(f.start), f.range.start);
        assert.ok(fixable.has(f.ruleId) || !f.fixes?.length, `${file} ${f.ruleId}`);
        for (const fix of f.fixes ?? []) {
          for (const edit of fix.edits) {
            assert.ok(edit.start >= 0 && edit.start <= edit.end && edit.end <= text.length, `${file} ${f.ruleId} edit`);
          }
        }
      }
    }
  });
});
