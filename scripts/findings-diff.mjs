// Checks that a change to the core leaves every finding as it was: analyses each corpus fiche
// (and its CRLF variant, and the whole corpus as one document) with the core of two checkouts and
// compares every finding in full (rule, offsets, ranges, message, fixes), and the parsed document
// the rules read (prose mask, sections and their blocks, name, directives, front matter error).
// Used for the speed work of docs/performance.md, where neither must move.
// Usage: node scripts/findings-diff.mjs <other checkout, e.g. a `git worktree` of main> [this checkout]
// Exit 0 when identical, 1 with the first differences listed otherwise.
import fs from 'node:fs';
import path from 'node:path';
import { loadCore, root } from './lib/bundle.mjs';

const [before, after = root] = process.argv.slice(2).map((dir) => path.resolve(dir));
if (!before) {
  console.error('Usage : node scripts/findings-diff.mjs <autre copie du dépôt> [cette copie]');
  process.exit(2);
}
const corpus = path.resolve(process.env.FICHE_CORPUS ?? path.join(root, '../shared/corpus/beta-gouv-startups'));
const files = fs.readdirSync(corpus).filter((f) => f.endsWith('.md')).sort();
const texts = files.map((f) => fs.readFileSync(path.join(corpus, f), 'utf8'));

function findings(checkout, name) {
  const core = loadCore(checkout, name);
  const result = new Map();
  const dump = (text) => {
    const { document, findings } = core.analyze(text);
    const parsed = { prose: document.prose, sections: document.sections, name: document.name, bodyStart: document.bodyStart, frontMatterError: document.frontMatterError, directives: document.directives };
    return [`document ${JSON.stringify(parsed)}`, ...findings.map((finding) => JSON.stringify(finding))];
  };
  files.forEach((file, i) => {
    result.set(file, dump(texts[i]));
    result.set(`${file} (CRLF)`, dump(texts[i].replace(/\n/g, '\r\n')));
  });
  result.set('corpus entier', dump(texts.join('\n\n')));
  return result;
}

const a = findings(before, 'before');
const b = findings(after, 'after');
let differing = 0;
for (const [key, list] of a) {
  const other = b.get(key) ?? [];
  if (JSON.stringify(list) !== JSON.stringify(other)) {
    differing++;
    if (differing <= 5) {
      const only = (x, y) => x.filter((item) => !y.includes(item)).slice(0, 3);
      console.log(`${key}\n  seulement avant : ${only(list, other).join('\n                   ')}\n  seulement après : ${only(other, list).join('\n                   ')}`);
    }
  }
}
const total = [...a.values()].reduce((sum, list) => sum + list.length - 1, 0);
console.log(differing === 0 ? `identiques : ${total} constats et ${a.size} documents analysés (masque de prose, sections, nom, directives)` : `${differing} documents sur ${a.size} diffèrent`);
process.exitCode = differing === 0 ? 0 : 1;
