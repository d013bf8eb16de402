// The CLI's CI formats and options: --format sarif (SARIF 2.1.0), --format github (workflow
// annotations), --max-warnings, --quiet; and the bad inputs of issue 6 (clear French message,
// right exit code, nothing written).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { rules } from '../../server/src/core';
import { runCli as runCliInProcess } from '../../server/src/cli/main';
import { escapeData, escapeProperty } from '../../server/src/cli/format-github';
import { cleanup, fixture, put, runCli, tempDir } from './cli-helpers';

const FUTUR = fixture('futur.fiche.md');
const STACK = /^\s+at .+:\d+:\d+\)?$/m;

/** A fiche with one warning (temps-futur) and, with `--rule temps-futur=error`, one error. */
const ONE_FUTURE = FUTUR;

type Json = Record<string, unknown>;

/**
 * The official SARIF 2.1.0 JSON schema (OASIS, final "rtm.5" text, a draft-04 JSON schema), as
 * shipped by the @microsoft/jest-sarif package; validated with Ajv's draft-04 build and its formats
 * (uri, uri-reference, date-time). The schema's `language` pattern (`…{2}]?$`) is only valid
 * without the `u` flag, hence `unicodeRegExp: false`.
 */
const validateSarif = addFormats(new AjvDraft04({ allErrors: true, strict: false, unicodeRegExp: false })).compile(
  JSON.parse(fs.readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8')) as object,
);

/**
 * A SARIF log valid against the schema, plus what the schema cannot say for what fiche-lint
 * writes: unique rule ids, `ruleIndex` pointing at `ruleId`, 1-based regions, declared base URIs.
 */
function assertValidSarif(log: Json): void {
  assert.ok(validateSarif(log), `SARIF invalide : ${JSON.stringify(validateSarif.errors, null, 1)}`);
  assert.equal(log.version, '2.1.0');
  assert.match(String(log.$schema), /sarif-2\.1\.0/);
  const runs = log.runs as Json[];
  assert.ok(Array.isArray(runs) && runs.length === 1);
  const [run] = runs;
  const driver = (run.tool as Json).driver as Json;
  assert.equal(typeof driver.name, 'string');
  const driverRules = driver.rules as Json[];
  const ids = new Set<string>();
  for (const rule of driverRules) {
    assert.equal(typeof rule.id, 'string');
    assert.ok(!ids.has(rule.id as string), 'unique rule ids');
    ids.add(rule.id as string);
    for (const key of ['shortDescription', 'fullDescription', 'help'] as const) {
      assert.equal(typeof (rule[key] as Json).text, 'string', `${String(rule.id)}.${key}.text`);
    }
    assert.ok(['none', 'note', 'warning', 'error'].includes((rule.defaultConfiguration as Json).level as string));
  }
  assert.equal(run.columnKind, 'utf16CodeUnits');
  for (const invocation of run.invocations as Json[]) {
    assert.equal(typeof invocation.executionSuccessful, 'boolean');
    for (const notification of invocation.toolExecutionNotifications as Json[]) {
      assert.equal(typeof (notification.message as Json).text, 'string');
    }
  }
  for (const result of run.results as Json[]) {
    assert.equal(typeof (result.message as Json).text, 'string');
    assert.ok(['none', 'note', 'warning', 'error'].includes(result.level as string));
    assert.equal(driverRules[result.ruleIndex as number].id, result.ruleId, 'ruleIndex points at ruleId');
    for (const location of result.locations as Json[]) {
      const physical = location.physicalLocation as Json;
      const artifact = physical.artifactLocation as Json;
      assert.doesNotThrow(() => new URL(String(artifact.uri), 'file:///base/'), 'uri is a URI reference');
      if (artifact.uriBaseId !== undefined) {
        assert.ok((run.originalUriBaseIds as Json)[artifact.uriBaseId as string], 'uriBaseId is declared');
      }
      const region = physical.region as Record<string, number>;
      for (const key of ['startLine', 'startColumn', 'endLine', 'endColumn']) {
        assert.ok(Number.isInteger(region[key]) && region[key] >= 1, `${key} ≥ 1`);
      }
      assert.ok(region.endLine > region.startLine || (region.endLine === region.startLine && region.endColumn >= region.startColumn));
    }
  }
}

describe('CLI CI formats and options', function () {
  let dir: string;
  beforeEach(function () {
    dir = tempDir();
  });
  afterEach(function () {
    cleanup(dir);
  });

  describe('--format sarif', function () {
    it('writes a SARIF 2.1.0 log: rules from the registry, 1-based UTF-16 regions, relative URIs', function () {
      put(dir, 'fiches/aide facile.fiche.md', ONE_FUTURE);
      const run = runCli(['--format', 'sarif', 'fiches'], dir);
      assert.equal(run.status, 1, run.stderr);
      const log = JSON.parse(run.stdout) as Json;
      assertValidSarif(log);
      // The schema does judge: a wrong version or a line 0 is refused.
      assert.equal(validateSarif({ ...log, version: '2.0.0' }), false);
      const broken = JSON.parse(run.stdout) as { runs: { results: { locations: { physicalLocation: { region: Json } }[] }[] }[] };
      broken.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0;
      assert.equal(validateSarif(broken), false);
      const [sarifRun] = log.runs as Json[];
      const driver = (sarifRun.tool as Json).driver as Json;
      assert.deepEqual(
        (driver.rules as Json[]).map((rule) => rule.id),
        rules.map((rule) => rule.id),
      );
      const results = sarifRun.results as Json[];
      const future = results.find((result) => result.ruleId === 'temps-futur') as Json;
      assert.equal(future.level, 'warning');
      const lines = ONE_FUTURE.split('\n');
      const line = lines.findIndex((l) => l.includes('permettra'));
      const physical = (future.locations as Json[])[0].physicalLocation as Json;
      assert.deepEqual(physical.artifactLocation, { uri: 'fiches/aide%20facile.fiche.md', uriBaseId: '%SRCROOT%' });
      assert.deepEqual(physical.region, {
        startLine: line + 1,
        startColumn: lines[line].indexOf('permettra') + 1,
        endLine: line + 1,
        endColumn: lines[line].indexOf('permettra') + 'permettra'.length + 1,
      });
      assert.ok(String(((sarifRun.originalUriBaseIds as Json)['%SRCROOT%'] as Json).uri).startsWith('file:///'));
      assert.equal(((sarifRun.invocations as Json[])[0] as Json).executionSuccessful, true);
    });

    it('still writes a valid log when a file cannot be read: the error is a notification, exit 2', function () {
      put(dir, 'a.fiche.md', ONE_FUTURE);
      const run = runCli(['--format', 'sarif', 'a.fiche.md', 'absente.fiche.md'], dir);
      assert.equal(run.status, 2);
      assert.match(run.stderr, /Fichier introuvable : « absente\.fiche\.md »/);
      const log = JSON.parse(run.stdout) as Json;
      assertValidSarif(log);
      const invocation = ((log.runs as Json[])[0].invocations as Json[])[0];
      assert.equal(invocation.executionSuccessful, false);
      assert.match(JSON.stringify(invocation.toolExecutionNotifications), /absente\.fiche\.md/);
    });
  });

  describe('--format github', function () {
    it('writes one workflow annotation per finding, 1-based, title with the rule id', function () {
      put(dir, 'a.fiche.md', ONE_FUTURE);
      const run = runCli(['--format', 'github', 'a.fiche.md'], dir);
      assert.equal(run.status, 1);
      const lines = ONE_FUTURE.split('\n');
      const line = lines.findIndex((l) => l.includes('permettra'));
      const col = lines[line].indexOf('permettra') + 1;
      const annotation = run.stdout.split('\n').find((l) => l.includes('(temps-futur)'));
      assert.equal(
        annotation,
        `::warning file=a.fiche.md,line=${line + 1},col=${col},endLine=${line + 1},endColumn=${col + 'permettra'.length - 1},title=fiche-lint (temps-futur)::« permettra » est au futur : décrivez le service au présent (« permet »).`,
      );
      for (const l of run.stdout.trimEnd().split('\n')) {
        assert.match(l, /^::(error|warning|notice) file=a\.fiche\.md,line=\d+,(col=\d+,)?endLine=\d+,(endColumn=\d+,)?title=[^:]*::[^\n]+$/);
      }
    });

    it('escapes as @actions/core does: % CR LF in messages, and : , in properties', function () {
      assert.equal(escapeData('50 %\r\nfin'), '50 %25%0D%0Afin');
      assert.equal(escapeProperty('a:b,c%'), 'a%3Ab%2Cc%25');
      put(dir, 'a, b: c.fiche.md', ONE_FUTURE);
      const run = runCli(['--format', 'github', 'a, b: c.fiche.md'], dir);
      assert.match(run.stdout, /^::warning file=a%2C b%3A c\.fiche\.md,/m);
    });

    it('a read error becomes an error annotation on the error output, exit 2, nothing on stdout', function () {
      const run = runCli(['--format', 'github', 'absente.fiche.md'], dir);
      assert.equal(run.status, 2);
      assert.equal(run.stdout, '');
      assert.match(run.stderr, /^::error title=fiche-lint::Fichier introuvable : « absente\.fiche\.md »\.$/m);
    });
  });

  describe('--max-warnings and --quiet', function () {
    it('--max-warnings N tolerates up to N warnings, and says so past them', function () {
      put(dir, 'a.fiche.md', ONE_FUTURE);
      const warnings = (JSON.parse(runCli(['--format', 'json', 'a.fiche.md'], dir).stdout) as { diagnostics: { severity: string }[] }[])[0].diagnostics.filter(
        (d) => d.severity === 'warning',
      ).length;
      assert.ok(warnings >= 1);
      assert.equal(runCli(['--max-warnings', String(warnings), 'a.fiche.md'], dir).status, 0);
      const over = runCli([`--max-warnings=${warnings - 1}`, 'a.fiche.md'], dir);
      assert.equal(over.status, 1);
      assert.match(over.stderr, new RegExp(`${warnings} avertissements?, plus que les ${warnings - 1} tolérés \\(--max-warnings\\)`));
      // An error fails whatever the number of warnings tolerated.
      assert.equal(runCli(['--max-warnings', '1000', '--rule', 'temps-futur=error', 'a.fiche.md'], dir).status, 1);
    });

    it('--max-warnings needs a non-negative integer', function () {
      for (const value of ['-1', 'dix', '1.5', '']) {
        const run = runCli([`--max-warnings=${value}`, 'a.fiche.md'], dir);
        assert.equal(run.status, 2, value);
        assert.match(run.stderr, /--max-warnings attend un nombre entier positif ou nul/);
        assert.doesNotMatch(run.stderr, STACK);
      }
    });

    it('--quiet shows and counts errors only', function () {
      put(dir, 'a.fiche.md', ONE_FUTURE);
      const quiet = runCli(['--quiet', '--format', 'json', 'a.fiche.md'], dir);
      assert.equal(quiet.status, 0);
      assert.deepEqual((JSON.parse(quiet.stdout) as { diagnostics: unknown[] }[])[0].diagnostics, []);
      const error = runCli(['-q', '--rule', 'temps-futur=error', '--format', 'github', 'a.fiche.md'], dir);
      assert.equal(error.status, 1);
      assert.deepEqual(
        error.stdout.trimEnd().split('\n').map((l) => l.slice(0, l.indexOf(' '))),
        ['::error'],
      );
    });
  });

  describe('bad inputs: a clear French message, exit 2, nothing written', function () {
    it('a binary file, a 10 MB file, invalid UTF-8, a missing file, a glob that matches nothing, with --fix', function () {
      const binary = put(dir, 'image.fiche.md', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]));
      const huge = put(dir, 'huge.fiche.md', `# Nom\n\n${'Le service permettra tout. '.repeat(400000)}`);
      const latin1 = put(dir, 'latin1.fiche.md', Buffer.from('# Nom\n\nLe service permettra l\u2019accès à tout.\n', 'latin1'));
      const before = [binary, huge, latin1].map((file) => [fs.readFileSync(file), fs.statSync(file).mtimeMs] as const);
      const cases: [string, RegExp][] = [
        ['image.fiche.md', /semble être un fichier binaire/],
        ['huge.fiche.md', /trop volumineux \(10,\d Mo ; limite 5 Mo\)/],
        ['latin1.fiche.md', /n’est pas encodé en UTF-8 \(octet invalide 0x\w\w ligne 3/],
        ['absente.fiche.md', /Fichier introuvable : « absente\.fiche\.md »/],
        ['docs/**/*.fiche.md', /Le motif « docs\/\*\*\/\*\.fiche\.md » ne correspond à aucun fichier/],
      ];
      for (const [input, message] of cases) {
        for (const format of ['stylish', 'json', 'sarif', 'github']) {
          const run = runCli(['--fix', '--format', format, input], dir);
          assert.equal(run.status, 2, `${input} ${format}`);
          assert.match(run.stderr, message, `${input} ${format}`);
          assert.doesNotMatch(run.stderr, STACK);
          if (format === 'stylish' || format === 'github') {
            assert.equal(run.stdout, '', `${input} ${format}: nothing on stdout`);
          }
        }
      }
      [binary, huge, latin1].forEach((file, i) => {
        assert.deepEqual(fs.readFileSync(file), before[i][0], `${path.basename(file)} unchanged`);
        assert.equal(fs.statSync(file).mtimeMs, before[i][1]);
      });
      assert.deepEqual(fs.readdirSync(dir).sort(), ['huge.fiche.md', 'image.fiche.md', 'latin1.fiche.md'], 'no temporary file left');
    });

    it('an unreadable folder: its path and the reason, exit 2, the other inputs still linted', async function () {
      // Permissions do not stop root (CI runs as root): simulate EACCES on that folder instead.
      put(dir, 'ok/a.fiche.md', ONE_FUTURE);
      put(dir, 'secret/b.fiche.md', ONE_FUTURE);
      const secret = path.join(dir, 'secret');
      const original = fs.promises.readdir;
      const denied = async (...args: Parameters<typeof original>) => {
        if (path.resolve(String(args[0])) === secret) {
          throw Object.assign(new Error(`EACCES: permission denied, scandir '${secret}'`), { code: 'EACCES' });
        }
        return (original as (...a: unknown[]) => Promise<unknown>).apply(fs.promises, args);
      };
      let stdout = '';
      let stderr = '';
      (fs.promises as { readdir: unknown }).readdir = denied;
      let code: number;
      try {
        code = await runCliInProcess(['--format', 'json', 'ok', 'secret'], {
          cwd: dir,
          stdout: (text) => (stdout += text),
          stderr: (text) => (stderr += text),
          colour: false,
          version: '0.0.0',
        });
      } finally {
        (fs.promises as { readdir: unknown }).readdir = original;
      }
      assert.equal(code, 2);
      assert.match(stderr, /Impossible de lire le dossier « .*secret » : permission refusée\./);
      assert.deepEqual((JSON.parse(stdout) as { file: string }[]).map((f) => f.file), ['ok/a.fiche.md']);
    });
  });
});
