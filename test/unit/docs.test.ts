import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { rulePage, rulesPage, withRulesTable } from '../../server/src/rule-docs';
import { rules } from '../../server/src/core';
import { escapeAngleBrackets } from '../../server/src/core/text';

const root = path.resolve(__dirname, '../../..');

describe('generated docs', () => {
  it('README rule table matches the registry (run `node scripts/gen-docs.mjs`)', () => {
    const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
    assert.ok(readme.includes('<!-- rules:start -->'));
    assert.equal(readme, withRulesTable(readme));
  });
  it('docs/rules.md matches the registry (run `node scripts/gen-docs.mjs`)', () => {
    assert.equal(fs.readFileSync(path.join(root, 'docs/rules.md'), 'utf8'), rulesPage());
  });
  it('docs/rules/<id>.md exists for every rule and matches the registry, and no other page is left', () => {
    for (const rule of rules) {
      assert.equal(fs.readFileSync(path.join(root, `docs/rules/${rule.id}.md`), 'utf8'), rulePage(rule), rule.id);
    }
    assert.deepEqual(fs.readdirSync(path.join(root, 'docs/rules')).sort(), rules.map((r) => `${r.id}.md`).sort());
  });
});

describe('Markdown of rule explanations', () => {
  it('shows « <Nom> » literally (escaped outside code spans)', () => {
    assert.equal(escapeAngleBrackets('« Grâce à <Nom>, … » et `<!-- x -->`'), '« Grâce à &lt;Nom&gt;, … » et `<!-- x -->`');
  });
});
