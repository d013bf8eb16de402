// In-process tests of the CLI's modules.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from '../../server/src/cli/args';
import { decodeSource, dominantEol } from '../../server/src/cli/read';
import { writeAtomic } from '../../server/src/cli/write';
import { formatStylish } from '../../server/src/cli/format-stylish';
import { toJson } from '../../server/src/cli/format-json';
import type { FileReport } from '../../server/src/cli/report';
import { parseFiche } from '../../server/src/core';
import { cleanup, put, tempDir } from './cli-helpers';

describe('CLI modules', function () {
  describe('parseArgs', function () {
    it('reads options in any order, --opt=value, repeated and comma-separated --rule, and --', function () {
      const args = parseArgs(['a.md', '--format=json', '--fix', '-r', 'temps-futur=off,nom-absent:error', '--rule', 'idee-diluee=hint', '--', '--bizarre.md']);
      assert.equal(args.format, 'json');
      assert.equal(args.fix, true);
      assert.deepEqual(args.rules, { 'temps-futur': 'off', 'nom-absent': 'error', 'idee-diluee': 'hint' });
      assert.deepEqual(args.inputs, ['a.md', '--bizarre.md']);
    });

    it('rejects a value on a flag', function () {
      assert.throws(() => parseArgs(['--fix=oui']), /L’option --fix ne prend pas de valeur/);
    });
  });

  describe('decodeSource', function () {
    it('strips and remembers the BOM, detects the dominant line ending', function () {
      const source = decodeSource(Buffer.from('\uFEFF# A\r\n\r\nB\n', 'utf8'), 'a.md');
      assert.equal(source.bom, true);
      assert.equal(source.text, '# A\r\n\r\nB\n');
      assert.equal(source.eol, '\r\n');
      assert.equal(decodeSource(Buffer.from('a\nb'), 'a.md').bom, false);
      assert.equal(dominantEol('a\nb\r\nc\n'), '\n');
    });

    it('locates invalid UTF-8 (truncated sequence, overlong form)', function () {
      assert.throws(() => decodeSource(Buffer.from([0x61, 0x0a, 0x62, 0xc3]), 'x.md'), /0xC3 ligne 2, octet 2/);
      assert.throws(() => decodeSource(Buffer.from([0xc0, 0xaf]), 'x.md'), /0xC0 ligne 1, octet 1/);
    });

    it('keeps astral characters and NFD accents intact', function () {
      const text = 'Le service 🚀 est pre\u0301sente\u0301.';
      assert.equal(decodeSource(Buffer.from(text), 'x.md').text, text);
    });
  });

  describe('writeAtomic', function () {
    let dir: string;
    beforeEach(function () {
      dir = tempDir();
    });
    afterEach(function () {
      cleanup(dir);
    });

    it('replaces the file by a rename, keeps its permissions, leaves no temporary file', async function () {
      const file = put(dir, 'a.fiche.md', 'avant');
      fs.chmodSync(file, 0o640);
      const inode = fs.statSync(file).ino;
      await writeAtomic(file, 'après', 'a.fiche.md');
      assert.equal(fs.readFileSync(file, 'utf8'), 'après');
      assert.equal(fs.statSync(file).mode & 0o777, 0o640);
      assert.notEqual(fs.statSync(file).ino, inode);
      assert.deepEqual(fs.readdirSync(dir), ['a.fiche.md']);
    });

    it('writes through a symbolic link, keeping the link', async function () {
      const target = put(dir, 'vraie.fiche.md', 'avant');
      const link = path.join(dir, 'lien.fiche.md');
      fs.symlinkSync(target, link);
      await writeAtomic(link, 'après', 'lien.fiche.md');
      assert.ok(fs.lstatSync(link).isSymbolicLink());
      assert.equal(fs.readFileSync(target, 'utf8'), 'après');
    });

    it('fails with a French message and leaves the original intact', async function () {
      if (process.getuid?.() === 0) {
        // root writes into read-only folders: use a missing file instead.
        await assert.rejects(writeAtomic(path.join(dir, 'absent.md'), 'x', 'absent.md'), /Impossible d’écrire « absent\.md »/);
        return;
      }
      const file = put(dir, 'a.fiche.md', 'avant');
      fs.chmodSync(dir, 0o500);
      try {
        await assert.rejects(writeAtomic(file, 'après', 'a.fiche.md'), /Impossible d’écrire « a\.fiche\.md » : permission refusée/);
        assert.equal(fs.readFileSync(file, 'utf8'), 'avant');
      } finally {
        fs.chmodSync(dir, 0o700);
      }
    });
  });

  describe('formatters', function () {
    const text = '# Nom\n\n## Solution\n\nIl sera là. 🚀 Il pourra.\n';
    const document = parseFiche(text);
    const finding = (ruleId: string, severity: 'warning' | 'information', start: number, end: number) => ({
      ruleId,
      severity,
      message: 'Écrivez au présent.',
      start,
      end,
      range: { start: document.positionAt(start), end: document.positionAt(end) },
    });
    const report: FileReport = {
      file: { path: '/x/a.fiche.md', display: 'a.fiche.md' },
      result: {
        document,
        findings: [finding('temps-futur', 'warning', text.indexOf('sera'), text.indexOf('sera') + 4), finding('nouveaute-absente', 'information', text.indexOf('pourra'), text.indexOf('pourra') + 6)],
      },
      fixed: 0,
    };

    it('stylish: 1-based ligne:colonne (UTF-16), French labels and summary', function () {
      const out = formatStylish([report], false);
      assert.equal(
        out,
        [
          'a.fiche.md',
          '  5:4   avertissement  Écrivez au présent.  temps-futur',
          '  5:19  information    Écrivez au présent.  nouveaute-absente',
          '',
          '✖ 2 problèmes (1 avertissement, 1 information) — 1 fichier vérifié',
          '',
        ].join('\n'),
      );
      assert.doesNotMatch(out, /\u001b\[/);
    });

    it('stylish: colours only when asked', function () {
      assert.match(formatStylish([report], true), /\u001b\[33mavertissement/);
    });

    it('json: LSP ranges in UTF-16 code units, code = rule id', function () {
      const [file] = toJson([report]);
      assert.equal(file.file, 'a.fiche.md');
      assert.deepEqual(file.diagnostics[1], {
        code: 'nouveaute-absente',
        severity: 'information',
        message: 'Écrivez au présent.',
        range: { start: { line: 4, character: 18 }, end: { line: 4, character: 24 } },
      });
    });
  });
});
