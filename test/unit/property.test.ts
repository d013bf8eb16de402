// Property tests (fast-check) of the core over generated and mutated fiches: it never throws,
// every range lies inside the document, positions and offsets agree, fixing is idempotent and
// a fix does not leave its own finding behind. Bounded in time (6 s a property at most);
// `FICHE_PROPERTY_RUNS`, `FICHE_PROPERTY_TIME_MS` and `FICHE_PROPERTY_SEED` (a number, or `random`) widen or replay a run.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import LinkifyIt from 'linkify-it';
import { analyze, applyFixes, parseFiche } from '../../server/src/core';
import type { Finding, TextEdit } from '../../server/src/core';
import { fixAll } from '../../server/src/core/fix-all';

const corpusDir = path.resolve(__dirname, '../../../../shared/corpus/beta-gouv-startups');
const RUNS = Number(process.env.FICHE_PROPERTY_RUNS ?? 120);
// A fixed seed by default, so that `npm test` (and CI) is reproducible; FICHE_PROPERTY_SEED=random explores.
const SEED_SETTING = process.env.FICHE_PROPERTY_SEED ?? '20261129';
const SEED = SEED_SETTING === 'random' ? undefined : Number(SEED_SETTING);
/** Each property stops generating after this long (what ran must pass; the rest is not a failure). */
const TIME_LIMIT = Number(process.env.FICHE_PROPERTY_TIME_MS ?? 6000);
const params = (runs = RUNS): fc.Parameters<unknown> => ({ numRuns: runs, seed: SEED, interruptAfterTimeLimit: TIME_LIMIT, markInterruptAsFailure: false });

// --- Generators ------------------------------------------------------------------------------

const HEADINGS = [
  'Problème', 'Le problème', 'Problème visé :', '🔍 Problème', '**Contexte**', '2. La solution', 'Notre solution',
  'La solution : Aide Facile, la plateforme', 'Stratégie de déploiement', 'Impact', 'Risques', 'Investigation', 'Le défi',
];
const SENTENCES = [
  'Grâce à Aide Facile, les familles trouvent leurs aides en cinq minutes.',
  'Le service permettra aux agents de gagner du temps.',
  'Nous allons verser les aides plus vite et ils vont pouvoir suivre leur dossier.',
  'La plateforme pourrait aider les communes ; elles devraient gagner 3 jours.',
  'Grâce à ce site, les usagers seront mieux informés.',
  'C’est le Uber de l’aide sociale, avec 43 fonctionnalités et un réseau social.',
  'Plutôt que de remplir des dossiers, désormais tout est fait par défaut.',
  '120 000 familles renoncent chaque année à une aide, soit 30 % des ayants droit.',
  'Voir https://beta.gouv.fr/startups/aide-facile.html ou écrire à contact@beta.gouv.fr.',
  'Le [site](https://exemple.fr "titre") et `code inline` et <span>HTML</span> et ![image](x.png).',
  'La DGFIP et la DPM (Direction des pêches maritimes) travaillent avec les OPCO.',
  'TODO : [Nom] à compléter (chiffres à préciser). Lorem ipsum dolor sit amet.',
  'Décris ta solution en quelques lignes ? Qui seront les bénéficiaires ?',
  'Agora, MIrAI, le trait extrait : Gérez, Transférez, collaborons ; l’aura, son aura. Allez voir.',
  '<!-- fiche-ignore temps-futur --> Il sera là.',
  'Une phrase très longue qui continue encore et encore avec beaucoup de mots pour dépasser largement la limite raisonnable de longueur que la règle accepte sans rien dire du tout à personne ici.',
];
const BLOCKS = [
  '```js\nconst x = "permettra";\n```',
  '```\nbloc de code jamais fermé, qui permettra\n',
  '    code indenté qui sera ignoré',
  '> Citation : le service permettra tout.',
  '- premier point, qui sera fait\n- second point\n  - sous-point pourrait',
  '1. un\n2. deux',
  '| Colonne | Autre |\n|---|---|\n| il sera | https://x.fr |\n| a | b |',
  '<!-- commentaire HTML\nsur plusieurs lignes -->',
  '<!-- fiche-disable temps-futur -->',
  '<!-- fiche-enable -->',
  '<div>\nbloc HTML qui sera ignoré\n</div>',
  '---',
  'Titre souligné\n===',
  '[ref]: https://exemple.fr',
  '\t\tTabulations\tau milieu\t',
];
const FRONT_MATTERS = [
  '---\ntitle: Aide Facile\nmission: x\n---\n',
  '---\ntitle: "Aide Facile"\nsponsors:\n  - /organisations/dinum\n---\n',
  '---\ntitle: [broken\n---\n',
  '---\ntitle:\n---\n',
  '---\ntitle: Pas fermé\n',
  '---\r\ntitle: En CRLF\r\n---\r\n',
  '',
];

const unicodeText = fc.string({ unit: 'binary', maxLength: 40 });
const graphemes = fc.string({ unit: 'grapheme', maxLength: 30 });

const paragraph = fc
  .array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...SENTENCES) }, { weight: 1, arbitrary: graphemes }), { minLength: 1, maxLength: 4 })
  .map((parts) => parts.join(' '));
const heading = fc
  .tuple(fc.constantFrom('# ', '## ', '### ', '#'), fc.oneof(fc.constantFrom(...HEADINGS), graphemes))
  .map(([marks, title]) => marks + title);
const block = fc.oneof({ weight: 3, arbitrary: paragraph }, { weight: 2, arbitrary: heading }, { weight: 2, arbitrary: fc.constantFrom(...BLOCKS) });

/** A generated fiche: optional front matter, then headings, paragraphs and other blocks. */
const generatedFiche = fc
  .tuple(fc.constantFrom(...FRONT_MATTERS), fc.array(block, { maxLength: 14 }), fc.constantFrom('\n\n', '\n', '\r\n\r\n', '\n \n'))
  .map(([front, blocks, separator]) => front + blocks.join(separator));

/** One change to a text, applied at a relative position (0..1) so that it works on any length. */
type Mutation = (text: string, at: number) => string;
const cut = (text: string, at: number): number => Math.floor(at * text.length);
const insertAt = (insert: string): Mutation => (text, at) => text.slice(0, cut(text, at)) + insert + text.slice(cut(text, at));
const MUTATIONS: fc.Arbitrary<Mutation>[] = [
  unicodeText.map(insertAt),
  graphemes.map(insertAt),
  fc.constantFrom('🚀', '👩‍👩‍👧', '\u0301', '\uD800', '\uDC00', '\u200B', '\u00A0', '\u2028', '\0', '\t', '\r', '\n', '\r\n', '```', '~~~', '<!--', '-->', '[', '](', '`', '*', '_', '|', '---\n', '\n#').map(insertAt),
  fc.constant<Mutation>((text) => text.replace(/\r?\n/g, '\r\n')),
  fc.constant<Mutation>((text) => text.replace(/\r?\n/g, '\r')),
  fc.constant<Mutation>((text) => `\uFEFF${text}`),
  fc.constant<Mutation>((text) => text.normalize('NFD')),
  fc.constant<Mutation>((text) => text.replace(/ {2}/g, '\t')),
  fc.constant<Mutation>((text) => text.replace(/^---/, '')),
  fc.integer({ min: 1000, max: 30000 }).map((n) => insertAt(`\n${'permettra '.repeat(n / 10)}\n`)),
  fc.integer({ min: 1000, max: 30000 }).map((n) => insertAt('x'.repeat(n))),
  fc.nat({ max: 200 }).map((n): Mutation => (text, at) => text.slice(0, cut(text, at)) + text.slice(cut(text, at) + n)),
  fc.nat({ max: 200 }).map((n): Mutation => (text, at) => text.slice(0, cut(text, at) + n) + text.slice(cut(text, at))),
];
const mutations = fc.array(fc.tuple(fc.oneof(...MUTATIONS), fc.double({ min: 0, max: 1, noNaN: true })), { maxLength: 4 });
const mutate = (text: string, changes: [Mutation, number][]): string => changes.reduce((current, [change, at]) => change(current, at), text);

const corpusTexts: string[] = fs.existsSync(corpusDir)
  ? fs.readdirSync(corpusDir).filter((f) => f.endsWith('.md')).sort().map((f) => fs.readFileSync(path.join(corpusDir, f), 'utf8'))
  : [];

// --- Properties ------------------------------------------------------------------------------

/** Analyses `text` and checks every invariant of the result; returns the findings. */
function checkAnalysis(text: string): Finding[] {
  const { document, findings } = analyze(text);
  assert.equal(document.prose.length, text.length, 'prose mask of the same length');
  for (let i = 0; i < text.length; i++) {
    const c = document.prose[i];
    if (c !== ' ' && c !== text[i]) {
      assert.fail(`prose mask differs from the text at ${i}`);
    }
  }
  for (const section of document.sections) {
    assert.ok(0 <= section.headingStart && section.headingStart <= section.headingEnd && section.headingEnd <= section.end && section.end <= text.length, 'section inside the text');
    for (const b of section.blocks) {
      assert.ok(0 <= b.start && b.start <= b.end && b.end <= text.length, 'block inside the text');
    }
  }
  for (const f of findings) {
    assert.ok(0 <= f.start && f.start <= f.end && f.end <= text.length, `${f.ruleId}: offsets inside the text`);
    assert.deepEqual(f.range.start, document.positionAt(f.start), `${f.ruleId}: range start`);
    assert.deepEqual(f.range.end, document.positionAt(f.end), `${f.ruleId}: range end`);
    assert.equal(document.offsetAt(f.range.start), f.start, `${f.ruleId}: offsetAt(positionAt(start))`);
    assert.equal(document.offsetAt(f.range.end), f.end, `${f.ruleId}: offsetAt(positionAt(end))`);
    for (const fix of f.fixes ?? []) {
      for (const edit of fix.edits) {
        assert.ok(0 <= edit.start && edit.start <= edit.end && edit.end <= text.length, `${f.ruleId}: edit inside the text`);
      }
    }
  }
  if (document.name) {
    assert.ok(0 <= document.name.start && document.name.start <= document.name.end && document.name.end <= text.length, 'name inside the text');
  }
  return findings;
}

/** The edits `applyFixes` keeps (same rule: sorted, overlapping ones dropped), to map offsets. */
function appliedEdits(findings: readonly Finding[]): TextEdit[] {
  const edits = findings.flatMap((f) => f.fixes?.[0]?.edits ?? []);
  const sorted = edits.map((edit, index) => ({ edit, index })).sort((a, b) => a.edit.start - b.edit.start || a.edit.end - b.edit.end || a.index - b.index);
  const kept: TextEdit[] = [];
  let cursor = 0;
  let lastInsertAt = -1;
  for (const { edit } of sorted) {
    if (edit.start < cursor || (edit.start === edit.end && edit.start === lastInsertAt)) {
      continue;
    }
    kept.push(edit);
    cursor = edit.end;
    if (edit.start === edit.end) {
      lastInsertAt = edit.start;
    }
  }
  return kept;
}

/** Where an offset of the original text lands after the edits (edits ending before it shift it). */
function mapOffset(offset: number, edits: readonly TextEdit[]): number {
  let shift = 0;
  for (const edit of edits) {
    if (edit.end <= offset && !(edit.start === edit.end && edit.start === offset)) {
      shift += edit.newText.length - (edit.end - edit.start);
    }
  }
  return offset + shift;
}

/** Fixing twice equals fixing once, and a fix does not leave a fixable finding of its rule at its place. */
function checkFixes(text: string, findings: readonly Finding[]): void {
  const once = fixAll(text);
  assert.equal(fixAll(once), once, 'fixAll is idempotent');
  const fixable = findings.filter((f) => f.fixes?.[0]);
  if (fixable.length === 0) {
    return;
  }
  const edits = appliedEdits(fixable);
  const fixed = applyFixes(text, fixable);
  const after = checkAnalysis(fixed);
  // What a finding is, wherever it lies: its rule, its message and the text it covers.
  const key = (f: Finding, source: string): string => `${f.ruleId}\u0000${f.message}\u0000${source.slice(f.start, f.end)}`;
  const count = (list: readonly Finding[], source: string, wanted: string): number => list.filter((f) => f.fixes?.[0] && key(f, source) === wanted).length;
  for (const finding of fixable) {
    const own = finding.fixes![0].edits;
    if (!own.every((edit) => edits.includes(edit)) || own.every((edit) => edit.newText === text.slice(edit.start, edit.end))) {
      continue; // skipped for overlapping another fix, or a no-op: picked up by the next pass
    }
    const at = mapOffset(finding.start, edits);
    const wanted = key(finding, text);
    const again = after.find((f) => f.fixes?.[0] && f.start === at && key(f, fixed) === wanted);
    // An identical finding next to it may slide into its place (fixed at the next pass); but the
    // number of such findings must go down.
    if (again && count(after, fixed, wanted) >= count(fixable, text, wanted)) {
      assert.fail(`${finding.ruleId} « ${finding.message} » still there after its fix`);
    }
  }
}

function property(arbitrary: fc.Arbitrary<string>, check: (text: string) => void, runs?: number): void {
  fc.assert(
    fc.property(arbitrary, (text) => {
      check(text);
    }),
    params(runs),
  );
}

describe('core properties (fast-check)', function () {
  this.timeout(Math.max(60000, 3 * TIME_LIMIT));

  it('generated fiches: never throws, ranges inside, positions agree', function () {
    property(fc.tuple(generatedFiche, mutations).map(([text, changes]) => mutate(text, changes)), checkAnalysis);
  });

  it('random Unicode, control characters, line breaks of every kind', function () {
    const noise = fc.array(fc.oneof(unicodeText, fc.constantFrom('\r', '\n', '\r\n', '\uFEFF', '# ', '## Solution\n', '```', '---\n', '<!--', '](')), { maxLength: 30 });
    property(noise.map((parts) => parts.join('')), checkAnalysis, RUNS * 2);
  });

  it('positionAt and offsetAt agree on every offset (CR, LF, CRLF, astral characters)', function () {
    const text = fc.array(fc.constantFrom('a', 'é', '🚀', '\r', '\n', '\r\n', '\u2028', ' '), { maxLength: 60 }).map((parts) => parts.join(''));
    property(text, (t) => {
      const document = parseFiche(t);
      let previous = { line: 0, character: 0 };
      for (let offset = 0; offset <= t.length; offset++) {
        const position = document.positionAt(offset);
        assert.equal(document.offsetAt(position), offset);
        assert.ok(position.line > previous.line || (position.line === previous.line && position.character >= previous.character));
        previous = position;
      }
      assert.deepEqual(document.positionAt(-5), { line: 0, character: 0 });
      assert.equal(document.offsetAt(document.positionAt(t.length + 5)), t.length);
    });
  });

  it('generated fiches: fixing twice equals fixing once; a fix removes its own finding', function () {
    property(fc.tuple(generatedFiche, mutations).map(([text, changes]) => mutate(text, changes)), (text) => checkFixes(text, checkAnalysis(text)), Math.ceil(RUNS / 2));
  });

  it('a name that holds the placeholder it would replace is not used as its replacement (no growing fix)', function () {
    const texts = [
      '# Aide [Nom]\n\n## Solution\n\nGrâce à [Nom], tout va bien.\n',
      'Grâce à ce site, tout va bien.\nTitre souligné\n===\n\n## Solution\n\nGrâce à ce site, tout va bien.\n',
    ];
    for (const text of texts) {
      assert.equal(fixAll(fixAll(text)), fixAll(text), text);
    }
  });

  it('no skeleton is inserted inside an unclosed code fence or HTML comment at the end: fixing twice equals fixing once', function () {
    const texts = ['# Aide Facile\n\n```\ncode jamais fermé\n', '# Aide Facile\n\n<!-- commentaire jamais fermé\n'];
    for (const text of texts) {
      assert.equal(fixAll(fixAll(text)), fixAll(text), text);
    }
  });

  it('every URL and e-mail address linkify-it finds in a prose block is masked', function () {
    const linkify = new LinkifyIt();
    const word = fc.constantFrom('https://beta.gouv.fr/a_b', 'www.exemple.fr', 'contact@beta.gouv.fr', 'x.fr', 'mailto:a@b.fr', '//cdn.fr/x', 'localhost:3000', '192.168.0.1', 'fin.', 'ex.:', 'a:b', '(voir https://x.fr).', '**https://y.fr**', 'rф.рф', 'Nom', 'permettra');
    const text = fc.array(fc.tuple(word, fc.constantFrom(' ', '\n', ', ', '\u00A0', '\t', '')), { maxLength: 25 }).map((parts) => parts.flat().join(''));
    property(text, (t) => {
      const document = parseFiche(t);
      for (const section of document.sections) {
        for (const b of section.blocks) {
          const slice = t.slice(b.start, b.end);
          for (const match of linkify.pretest(slice) ? (linkify.match(slice) ?? []) : []) {
            const masked = document.prose.slice(b.start + match.index, b.start + match.lastIndex);
            assert.match(masked, /^[\s]*$/, `« ${match.raw} » left in the prose`);
          }
        }
      }
    }, RUNS * 2);
  });

  describe('real fiches of the corpus, mutated', function () {
    before(function () {
      if (corpusTexts.length === 0) {
        this.skip(); // pending: the corpus (../shared/corpus/beta-gouv-startups) is not on this machine
      }
    });

    it('never throws, ranges inside, positions agree', function () {
      property(fc.tuple(fc.constantFrom(...corpusTexts), mutations).map(([text, changes]) => mutate(text, changes)), checkAnalysis);
    });

    it('fixing twice equals fixing once; a fix removes its own finding', function () {
      property(fc.tuple(fc.constantFrom(...corpusTexts), mutations).map(([text, changes]) => mutate(text, changes)), (text) => checkFixes(text, checkAnalysis(text)), Math.ceil(RUNS / 3));
    });
  });
});
