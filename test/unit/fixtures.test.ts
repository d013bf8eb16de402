import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze, rules } from '../../server/src/core';
import { fixAll } from '../../server/src/core/fix-all';

// Fixture fiches carry their expected findings inline, as HTML comments (never analysed) on the
// line above the flagged line: <!-- attendu: temps-futur « permettra » -->. A sibling
// `<name>.fixed.md` holds the text expected after fixing everything.
const dir = path.resolve(__dirname, '../../../test/fixtures/fiches');
const MARKER = /<!-- attendu: ([a-z-]+) « ([^»]*) » -->/g;

interface Expected {
  line: number;
  ruleId: string;
  text: string;
}

function expectedFindings(text: string): Expected[] {
  const lines = text.split(/\r\n|\n/);
  const expected: Expected[] = [];
  lines.forEach((line, index) => {
    for (const m of line.matchAll(MARKER)) {
      let target = index + 1;
      while (target < lines.length && (lines[target].trim() === '' || MARKER.test(lines[target]))) {
        MARKER.lastIndex = 0;
        target++;
      }
      MARKER.lastIndex = 0;
      expected.push({ line: target, ruleId: m[1], text: m[2] });
    }
  });
  return expected;
}

const key = (e: Expected): string => `${e.line + 1} ${e.ruleId} « ${e.text} »`;

describe('fixture fiches', () => {
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.fiche.md'));
  it('exist', () => assert.ok(files.length >= 3, `${files.length} fixtures`));
  for (const file of files) {
    describe(file, () => {
      const text = fs.readFileSync(path.join(dir, file), 'utf8');
      it('has exactly the findings written in it', () => {
        const actual = analyze(text).findings.map((f) => key({ line: f.range.start.line, ruleId: f.ruleId, text: text.slice(f.start, f.end) }));
        assert.deepEqual(actual.sort(), expectedFindings(text).map(key).sort());
      });
      it('fixes into its snapshot, which re-lints with no fixable finding', () => {
        const snapshot = path.join(dir, file.replace(/\.fiche\.md$/, '.fixed.md'));
        const fixed = fixAll(text);
        assert.equal(fixed, fs.readFileSync(snapshot, 'utf8'));
        const left = analyze(fixed).findings.filter((f) => f.fixes && f.fixes.length > 0);
        assert.deepEqual(left.map((f) => `${f.ruleId} ${fixed.slice(f.start, f.end)}`), []);
      });
      it('has fixes only from rules marked fixable', () => {
        for (const finding of analyze(text).findings) {
          const rule = rules.find((r) => r.id === finding.ruleId)!;
          assert.ok(rule.fixable || !finding.fixes?.length, `${finding.ruleId} is not fixable but fixed`);
        }
      });
    });
  }
});
