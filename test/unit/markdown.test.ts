import * as assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { createParser } from '../../server/src/core/markdown';

// The core's markdown-it replaces the `text` inline rule with one that stops at fewer characters
// (only where an enabled rule can start): the tokens must be exactly markdown-it's own.
const own = createParser(false);
const fast = createParser(true);
const tokens = (md: ReturnType<typeof createParser>, text: string): string =>
  JSON.stringify(md.parse(text, {}), (key, value: unknown) => (key === 'meta' || key === 'attrs' ? JSON.stringify(value) : value));

const pieces = [
  'mot', ' ', '\n', '\n\n', '*', '_', '~', ':', '#', '$', '%', '+', '-', '=', '>', '@', '^', '{', '}', '!', '&', '<', '[', ']', '\\', '`',
  '(', ')', '](https://x.fr)', '[lien]', '![img](a.png)', '<https://a.fr>', '<b>', '</b>', '<!-- c -->', '&amp;', '&#233;', '  \n', '| a | b |\n|---|---|\n',
  '- ', '1. ', '> ', '    code', '```\n', 'é', '’', '🙂', '\t', 'http://b.fr', 'a@b.fr',
];
const texts = fc.array(fc.constantFrom(...pieces), { maxLength: 50 }).map((parts) => parts.join(''));

describe('markdown-it text rule of the core', () => {
  it('gives the same tokens as markdown-it’s own rule on generated Markdown', () => {
    fc.assert(
      fc.property(texts, (text) => {
        assert.equal(tokens(fast, text), tokens(own, text));
      }),
      { numRuns: 3000, seed: 20261204 },
    );
  });
  it('gives the same tokens on the real fiches of the corpus (when present)', function () {
    const corpus = path.resolve(__dirname, '../../../../shared/corpus/beta-gouv-startups');
    if (!fs.existsSync(corpus)) {
      this.skip();
    }
    const files = fs.readdirSync(corpus).filter((file) => file.endsWith('.md'));
    assert.ok(files.length > 300);
    for (const file of files) {
      const text = fs.readFileSync(path.join(corpus, file), 'utf8');
      assert.equal(tokens(fast, text), tokens(own, text), file);
    }
  });
});
