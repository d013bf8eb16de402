// End-to-end tests of the fiche-lint command: the real bin, spawned on temporary files.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BIN, RULE_IDS, ROOT, cleanup, fixture, onlyRules, put, runCli, tempDir } from './cli-helpers';

const FUTUR = fixture('futur.fiche.md');

/** Stack-trace lines, which users must never see for their own mistakes. */
const STACK = /^\s+at .+:\d+:\d+\)?$/m;

describe('CLI fiche-lint', function () {
  let dir: string;

  before(function () {
    assert.ok(fs.existsSync(path.join(ROOT, 'dist', 'cli.js')), 'dist/cli.js absent : lancer npm run build');
    assert.ok(fs.existsSync(BIN));
  });
  beforeEach(function () {
    dir = tempDir();
  });
  afterEach(function () {
    cleanup(dir);
  });

  describe('usage', function () {
    it('prints the French help with exit 0', function () {
      const run = runCli(['--help'], dir);
      assert.equal(run.status, 0);
      assert.match(run.stdout, /^Usage : fiche-lint/);
      assert.match(run.stdout, /--format/);
    });

    it('prints the package version', function () {
      const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
      const run = runCli(['--version'], dir);
      assert.equal(run.status, 0);
      assert.equal(run.stdout.trim(), pkg.version);
    });

    for (const [args, message] of [
      [['--bogus', 'a.fiche.md'], /Option inconnue : --bogus/],
      [[], /Aucun fichier à vérifier/],
      [['--format', 'xml', 'a.fiche.md'], /Format inconnu « xml »/],
      [['--format'], /L’option --format attend une valeur/],
      [['--rule', 'pas-une-regle=off', 'a.fiche.md'], /Règle inconnue « pas-une-regle »/],
      [['--rule', 'temps-futur=fort', 'a.fiche.md'], /Niveau « fort »/],
      [['--rule', 'temps-futur', 'a.fiche.md'], /Option --rule invalide/],
    ] as const) {
      it(`exits 2 with a French message: ${args.join(' ') || '(rien)'}`, function () {
        put(dir, 'a.fiche.md', FUTUR);
        const run = runCli([...args], dir);
        assert.equal(run.status, 2, run.stderr);
        assert.match(run.stderr, message);
        assert.doesNotMatch(run.stderr, STACK);
        assert.equal(run.stdout, '');
      });
    }
  });

  describe('read errors (exit 2, what and where)', function () {
    it('names a missing file', function () {
      const run = runCli(['absent.fiche.md'], dir);
      assert.equal(run.status, 2);
      assert.match(run.stderr, /Fichier introuvable : « absent\.fiche\.md »/);
      assert.doesNotMatch(run.stderr, STACK);
    });

    it('says when a glob matches nothing', function () {
      const run = runCli(['fiches/**/*.fiche.md'], dir);
      assert.equal(run.status, 2);
      assert.match(run.stderr, /Le motif « fiches\/\*\*\/\*\.fiche\.md » ne correspond à aucun fichier/);
    });

    it('says when a folder holds no fiche', function () {
      put(dir, 'vide/notes.md', 'rien');
      const run = runCli(['vide'], dir);
      assert.equal(run.status, 2);
      assert.match(run.stderr, /Aucun fichier \*\.fiche\.md dans le dossier « vide »/);
    });

    it('refuses a binary file', function () {
      put(dir, 'image.fiche.md', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]));
      const run = runCli(['image.fiche.md'], dir);
      assert.equal(run.status, 2);
      assert.match(run.stderr, /« image\.fiche\.md » semble être un fichier binaire/);
    });

    it('refuses invalid UTF-8 and says where', function () {
      put(dir, 'latin1.fiche.md', Buffer.concat([Buffer.from('# Titre\n\nLe probl'), Buffer.from([0xe8]), Buffer.from('me\n')]));
      const run = runCli(['latin1.fiche.md'], dir);
      assert.equal(run.status, 2);
      assert.match(run.stderr, /« latin1\.fiche\.md » n’est pas encodé en UTF-8 \(octet invalide 0xE8 ligne 3, octet 9\)/);
    });

    it('refuses a file too large to be a fiche', function () {
      put(dir, 'enorme.fiche.md', 'a'.repeat(6 * 1024 * 1024));
      const run = runCli(['enorme.fiche.md'], dir);
      assert.equal(run.status, 2);
      assert.match(run.stderr, /« enorme\.fiche\.md » est trop volumineux/);
    });

    it('still lints the other files, then exits 2', function () {
      put(dir, 'a.fiche.md', FUTUR);
      const run = runCli(['--format', 'json', ...onlyRules(), 'a.fiche.md', 'absent.md'], dir);
      assert.equal(run.status, 2);
      assert.match(run.stderr, /absent\.md/);
      assert.deepEqual((JSON.parse(run.stdout) as { file: string }[]).map((f) => f.file), ['a.fiche.md']);
    });
  });

  describe('inputs', function () {
    it('searches folders for *.fiche.md, skipping node_modules and .git; explicit files whatever their name', function () {
      put(dir, 'fiches/b.fiche.md', FUTUR);
      put(dir, 'fiches/sous/a.fiche.md', FUTUR);
      put(dir, 'fiches/notes.md', FUTUR);
      put(dir, 'fiches/node_modules/x.fiche.md', FUTUR);
      put(dir, 'fiches/.git/y.fiche.md', FUTUR);
      put(dir, 'reelle.md', FUTUR);
      const run = runCli(['--format', 'json', ...onlyRules(), 'fiches', 'reelle.md', 'fiches/b.fiche.md'], dir);
      assert.equal(run.status, 0, run.stderr);
      const files = (JSON.parse(run.stdout) as { file: string }[]).map((f) => f.file);
      assert.deepEqual(files, ['fiches/b.fiche.md', 'fiches/sous/a.fiche.md', 'reelle.md']);
    });

    it('expands globs', function () {
      put(dir, 'docs/un.md', FUTUR);
      put(dir, 'docs/deux.md', FUTUR);
      put(dir, 'docs/trois.txt', FUTUR);
      const run = runCli(['--format', 'json', ...onlyRules(), 'docs/*.md'], dir);
      assert.equal(run.status, 0, run.stderr);
      const files = (JSON.parse(run.stdout) as { file: string }[]).map((f) => f.file);
      assert.deepEqual(files, ['docs/deux.md', 'docs/un.md']);
    });
  });

  describe('output', function () {
    it('json: one object per file, LSP ranges, name and sections', function () {
      put(dir, 'a.fiche.md', FUTUR);
      const run = runCli(['--format', 'json', 'a.fiche.md'], dir);
      const [file] = JSON.parse(run.stdout) as {
        file: string;
        name: string | null;
        sections: { kind: string; title: string; range: unknown }[];
        diagnostics: { code: string; severity: string; message: string; range: { start: { line: number; character: number } } }[];
      }[];
      assert.deepEqual(Object.keys(file), ['file', 'name', 'sections', 'diagnostics']);
      assert.equal(file.file, 'a.fiche.md');
      assert.equal(file.name, 'Aide Facile');
      assert.deepEqual(
        file.sections.filter((s) => s.kind !== 'autre').map((s) => s.kind),
        ['probleme', 'solution', 'strategie'],
      );
      for (const d of file.diagnostics) {
        assert.deepEqual(Object.keys(d), ['code', 'severity', 'message', 'range']);
        assert.ok(RULE_IDS.includes(d.code), d.code);
        assert.ok(['error', 'warning', 'information', 'hint'].includes(d.severity));
      }
      const futur = file.diagnostics.find((d) => d.code === 'temps-futur');
      assert.ok(futur, 'un diagnostic temps-futur est attendu sur « permettra »');
      const line = FUTUR.split('\n').findIndex((l) => l.includes('permettra'));
      assert.deepEqual(futur.range.start, { line, character: FUTUR.split('\n')[line].indexOf('permettra') });
      assert.equal(run.status, 1);
    });

    it('json: a fiche with every rule off has no diagnostic and exits 0', function () {
      put(dir, 'a.fiche.md', FUTUR);
      const run = runCli(['--format', 'json', ...onlyRules(), 'a.fiche.md'], dir);
      assert.equal(run.status, 0, run.stderr);
      const [file] = JSON.parse(run.stdout) as { diagnostics: unknown[] }[];
      assert.deepEqual(file.diagnostics, []);
    });

    it('stylish: ligne:colonne, sévérité, message, règle and a French summary; exit 1; no colour when piped', function () {
      put(dir, 'a.fiche.md', FUTUR);
      const run = runCli([...onlyRules('temps-futur'), 'a.fiche.md'], dir);
      assert.equal(run.status, 1, run.stderr);
      const line = FUTUR.split('\n').findIndex((l) => l.includes('permettra')) + 1;
      const column = FUTUR.split('\n')[line - 1].indexOf('permettra') + 1;
      assert.match(run.stdout, /^a\.fiche\.md$/m);
      assert.match(run.stdout, new RegExp(`^  ${line}:${column}\\s+avertissement\\s+.+\\s+temps-futur$`, 'm'));
      assert.match(run.stdout, /✖ 1 problème \(1 avertissement\)/);
      assert.doesNotMatch(run.stdout, /\u001b\[/);
    });

    it('stylish: says when all is well', function () {
      put(dir, 'a.fiche.md', FUTUR);
      const run = runCli([...onlyRules(), 'a.fiche.md'], dir);
      assert.equal(run.status, 0);
      assert.match(run.stdout, /Aucun problème \(1 fichier vérifié\)/);
    });
  });

  describe('--fix', function () {
    it('rewrites in place atomically, keeping CRLF and the BOM, then reports what remains', function () {
      const crlf = `\uFEFF${FUTUR.replace(/\n/g, '\r\n')}`;
      const file = put(dir, 'a.fiche.md', crlf);
      const before = fs.statSync(file);
      const run = runCli(['--fix', ...onlyRules('temps-futur'), 'a.fiche.md'], dir);
      const after = fs.readFileSync(file, 'utf8');
      assert.ok(after.startsWith('\uFEFF'), 'BOM gardé');
      assert.doesNotMatch(after, /[^\r]\n/, 'fins de ligne CRLF gardées');
      assert.doesNotMatch(after, /permettra/);
      assert.match(after, /Le service permet aussi/);
      assert.equal(after, `\uFEFF${fixture('propre.fiche.md').replace(/\n/g, '\r\n')}`);
      assert.notEqual(fs.statSync(file).ino, before.ino, 'écrit par un renommage');
      assert.deepEqual(fs.readdirSync(dir), ['a.fiche.md'], 'aucun fichier temporaire laissé');
      assert.equal(run.status, 0, run.stdout + run.stderr);
      assert.match(run.stdout, /a\.fiche\.md : 1 correction appliquée/);
    });

    it('inserts text with the file’s own line endings (CRLF)', function () {
      const withoutStrategy = FUTUR.slice(0, FUTUR.indexOf('## Stratégie')).replace(/\n/g, '\r\n');
      const file = put(dir, 'a.fiche.md', `\uFEFF${withoutStrategy}`);
      const run = runCli(['--fix', ...onlyRules('section-manquante'), 'a.fiche.md'], dir);
      const after = fs.readFileSync(file, 'utf8');
      assert.match(after, /^\uFEFF---\r\n/);
      assert.match(after, /## Stratégie/, 'squelette de la section insérée');
      assert.doesNotMatch(after, /[^\r]\n/, 'aucune fin de ligne LF isolée');
      assert.equal(run.status, 0, run.stdout + run.stderr);
    });

    it('is idempotent: a second run changes nothing, and no fix is applied twice', function () {
      const text = [
        '---',
        'title: cartes.gouv.fr',
        '---',
        '',
        '## Problème',
        '',
        'Les collectivités publient 3 000 cartes par an, chacune avec un outil différent.',
        '',
        '## Solution',
        '',
        "L'objectif est un outil simple. Grâce à ce site, chacun permettra la diffusion des cartes.",
        '',
      ].join('\n');
      const file = put(dir, 'a.fiche.md', text);
      runCli(['--fix', 'a.fiche.md'], dir);
      const once = fs.readFileSync(file, 'utf8');
      assert.notEqual(once, text);
      const inode = fs.statSync(file).ino;
      const run = runCli(['--fix', 'a.fiche.md'], dir);
      assert.equal(fs.readFileSync(file, 'utf8'), once);
      assert.equal(fs.statSync(file).ino, inode, 'rien réécrit');
      assert.doesNotMatch(run.stdout, /correction/);
      assert.doesNotMatch(once, /(Grâce à [^,]+, )\1/);
    });

    it('writes nothing when nothing changes', function () {
      const file = put(dir, 'a.fiche.md', FUTUR);
      const before = fs.statSync(file);
      const run = runCli(['--fix', ...onlyRules(), 'a.fiche.md'], dir);
      assert.equal(run.status, 0, run.stderr);
      const after = fs.statSync(file);
      assert.equal(after.ino, before.ino);
      assert.equal(after.mtimeMs, before.mtimeMs);
      assert.equal(fs.readFileSync(file, 'utf8'), FUTUR);
    });

    it('writes nothing into a file it cannot read', function () {
      const file = put(dir, 'latin1.fiche.md', Buffer.from([0x61, 0xe8, 0x0a]));
      const run = runCli(['--fix', 'latin1.fiche.md'], dir);
      assert.equal(run.status, 2);
      assert.deepEqual([...fs.readFileSync(file)], [0x61, 0xe8, 0x0a]);
    });
  });

  describe('configuration', function () {
    it('.ficherc.json turns a rule off', function () {
      put(dir, 'a.fiche.md', FUTUR);
      put(dir, '.ficherc.json', JSON.stringify({ rules: { 'temps-futur': 'off' } }));
      const run = runCli(['--format', 'json', 'a.fiche.md'], dir);
      assert.equal(run.stderr, '');
      const [file] = JSON.parse(run.stdout) as { diagnostics: { code: string }[] }[];
      assert.ok(!file.diagnostics.some((d) => d.code === 'temps-futur'));
    });

    it('is looked up from the parent folders, and --rule wins over it', function () {
      put(dir, '.ficherc.json', JSON.stringify({ rules: Object.fromEntries(RULE_IDS.map((id) => [id, 'off'])) }));
      put(dir, 'sous/a.fiche.md', FUTUR);
      const cwd = path.join(dir, 'sous');
      assert.equal(runCli(['a.fiche.md'], cwd).status, 0);
      const run = runCli(['--rule', 'temps-futur=error', '--format', 'json', 'a.fiche.md'], cwd);
      const [file] = JSON.parse(run.stdout) as { diagnostics: { code: string; severity: string }[] }[];
      assert.deepEqual(file.diagnostics.map((d) => [d.code, d.severity]), [['temps-futur', 'error']]);
    });

    it('a broken .ficherc.json warns in French and uses the defaults', function () {
      put(dir, 'a.fiche.md', FUTUR);
      put(dir, '.ficherc.json', '{ "rules": { "temps-futur": "off", } }');
      const run = runCli(['--format', 'json', 'a.fiche.md'], dir);
      assert.notEqual(run.status, 2);
      assert.match(run.stderr, /attention : Configuration « .*\.ficherc\.json » ignorée : JSON invalide ligne 1, colonne \d+/);
      assert.doesNotMatch(run.stderr, STACK);
      assert.equal((JSON.parse(run.stdout) as unknown[]).length, 1);
    });

    it('an unknown rule or level in .ficherc.json warns and is ignored', function () {
      put(dir, 'a.fiche.md', FUTUR);
      put(dir, '.ficherc.json', JSON.stringify({ rules: { 'pas-une-regle': 'off', 'temps-futur': 'fort' } }));
      const run = runCli(['a.fiche.md'], dir);
      assert.match(run.stderr, /Règle inconnue « pas-une-regle » ignorée/);
      assert.match(run.stderr, /Niveau « fort » de la règle « temps-futur » ignoré/);
      assert.notEqual(run.status, 2);
    });

    it('--config names another file; a missing one is an error', function () {
      put(dir, 'a.fiche.md', FUTUR);
      put(dir, 'conf/fiche.json', JSON.stringify({ rules: Object.fromEntries(RULE_IDS.map((id) => [id, 'off'])) }));
      assert.equal(runCli(['--config', 'conf/fiche.json', 'a.fiche.md'], dir).status, 0);
      const run = runCli(['--config', 'absente.json', 'a.fiche.md'], dir);
      assert.equal(run.status, 2);
      assert.match(run.stderr, /Impossible de lire la configuration « .*absente\.json » : fichier ou dossier introuvable/);
    });
  });
});
