import * as assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { createParser, isUrlBreak } from '../../server/src/core/markdown';
import { disagreements } from '../helpers/code-points';

// The core's markdown-it replaces the `text` inline rule with one that stops at fewer characters
// (only where an enabled rule can start), and skips the inline parse of tokens that cannot hold
// code, a link, an image, an autolink or HTML. What the core reads must be exactly what
// markdown-it's own rules give: every block token, and the spans of those inline constructs.
const own = createParser(false);
const fast = createParser(true);
type Token = ReturnType<ReturnType<typeof createParser>['parse']>[number];
const spans = (token: Token): unknown[] =>
  (token.children ?? []).filter((child) => (child.meta as { span?: unknown } | null)?.span !== undefined).map((child) => [child.type, child.markup, child.meta]);
const tokens = (md: ReturnType<typeof createParser>, text: string): string =>
  JSON.stringify(md.parse(text, {}).map((token) => [token.type, token.tag, token.map, token.markup, token.content, token.info, spans(token)]));

const pieces = [
  'mot', ' ', '\n', '\n\n', '*', '_', '~', ':', '#', '$', '%', '+', '-', '=', '>', '@', '^', '{', '}', '!', '&', '<', '[', ']', '\\', '`',
  '(', ')', '](https://x.fr)', '[lien]', '![img](a.png)', '<https://a.fr>', '<b>', '</b>', '<!-- c -->', '&amp;', '&#233;', '  \n', '| a | b |\n|---|---|\n',
  '- ', '1. ', '> ', '    code', '```\n', 'é', '’', '🙂', '\t', 'http://b.fr', 'a@b.fr',
];
const texts = fc.array(fc.constantFrom(...pieces), { maxLength: 50 }).map((parts) => parts.join(''));

describe('markdown-it rules of the core (text, inline)', () => {
  it('gives the same blocks and spans as markdown-it’s own rules on generated Markdown', () => {
    fc.assert(
      fc.property(texts, (text) => {
        assert.equal(tokens(fast, text), tokens(own, text));
      }),
      { numRuns: 3000, seed: 20261204 },
    );
  });
  it('gives the same blocks and spans on the real fiches of the corpus (when present)', function () {
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

describe('URL word boundaries', () => {
  it('isUrlBreak() equals linkify-it’s [\\p{Z}\\p{Cc}] on every code unit', () => {
    assert.deepEqual(disagreements(isUrlBreak, /[\p{Z}\p{Cc}]/u, 0xffff), []);
  });
});
