// The analysis of long documents off the server's thread: the worker runner (with the built
// dist/analysis-worker.js), the server's analysis cache over a runner, and the plain data that
// crosses from the worker (positionAt/offsetAt rebuilt on the other side).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, ficheData, withPositions, type AnalysisOptions } from '../../server/src/core';
import { fixAll } from '../../server/src/core/fix-all';
import { Analyses, type AnalysisData, type AnalysisRunner, type RunOutcome } from '../../server/src/analyses';
import { WorkerRunner } from '../../server/src/worker-runner';

const root = path.resolve(__dirname, '../../..');
const SCRIPT = path.join(root, 'dist', 'analysis-worker.js');
const FICHE = fs.readFileSync(path.join(root, 'test', 'fixtures', 'lsp', 'futur.fiche.md'), 'utf8');
const OPTIONS: AnalysisOptions = { rules: {} };

/** Plain data, as the server compares it (functions and undefined fields left out). */
const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe('analyse hors du fil du serveur', function () {
  this.timeout(20000);

  describe('données d’un document analysé (ficheData / withPositions)', () => {
    it('traverse un clone structuré et retrouve positionAt / offsetAt identiques (CRLF, emoji, \\r seul)', () => {
      const text = `---\r\ntitle: Aide 😀\r\n---\r\n\r\n## Problème\r\n\r\n13 millions.\rFin 👩‍👩‍👧\n\n## Solution\n\nLe service permettra.`;
      const document = analyze(text, OPTIONS).document;
      assert.throws(() => structuredClone(document), /could not be cloned/);
      const rebuilt = withPositions(structuredClone(ficheData(document)));
      assert.deepEqual(plain(rebuilt), plain(document));
      for (let offset = -1; offset <= text.length + 1; offset++) {
        assert.deepEqual(rebuilt.positionAt(offset), document.positionAt(offset), `offset ${offset}`);
        const position = document.positionAt(offset);
        assert.equal(rebuilt.offsetAt(position), document.offsetAt(position));
      }
      assert.equal(rebuilt.offsetAt({ line: 99, character: 0 }), text.length);
    });
  });

  describe('WorkerRunner (dist/analysis-worker.js)', () => {
    let runner: WorkerRunner | undefined;
    let logs: string[];
    const start = (script = SCRIPT) => {
      logs = [];
      runner = new WorkerRunner({ script, log: (message) => logs.push(message), threshold: 0 });
      return runner;
    };

    before(function () {
      assert.ok(fs.existsSync(SCRIPT), `${SCRIPT} absent : npm run build`);
    });
    afterEach(async () => {
      await runner?.dispose();
      runner = undefined;
    });

    it('analyse comme le cœur, sans le texte ni les fonctions du document', async () => {
      const outcome = await start().analyze('file:///a.fiche.md', FICHE, OPTIONS);
      assert.equal(outcome.status, 'done');
      const { document, findings, duration } = (outcome as { value: AnalysisData }).value;
      const expected = analyze(FICHE, OPTIONS);
      assert.deepEqual(plain(findings), plain(expected.findings));
      assert.equal('text' in document, false);
      assert.deepEqual(plain(withPositions({ ...document, text: FICHE })), plain(expected.document));
      assert.ok(duration > 0);
      assert.deepEqual(logs, []);
    });

    it('ne garde que la dernière version en attente : 30 versions d’affilée, deux analyses', async () => {
      const runner = start();
      const versions = Array.from({ length: 30 }, (_, i) => `${FICHE}\nLe service permettra ${i} choses.\n`);
      const outcomes = versions.map((text) => runner.analyze('file:///a.fiche.md', text, OPTIONS));
      // Another document's job is not replaced by them.
      const other = runner.analyze('file:///b.fiche.md', FICHE, OPTIONS);
      const statuses = (await Promise.all(outcomes)).map((outcome) => outcome.status);
      assert.deepEqual(statuses, [...Array<string>(29).fill('superseded'), 'done']);
      const last = (await outcomes[29]) as { value: AnalysisData };
      assert.deepEqual(plain(last.value.findings), plain(analyze(versions[29], OPTIONS).findings));
      assert.equal((await other).status, 'done');
      // The first version (already running), the last one and the other document's.
      assert.equal(runner.jobsPosted, 3);
    });

    it('« tout corriger » dans le worker, réutilisant son analyse, comme fixAll du cœur', async () => {
      const runner = start();
      await runner.analyze('file:///a.fiche.md', FICHE, OPTIONS);
      const all = await runner.fixAll('file:///a.fiche.md', FICHE, OPTIONS);
      const rule = await runner.fixAll('file:///a.fiche.md', FICHE, OPTIONS, 'temps-futur');
      assert.deepEqual(all, { status: 'done', value: fixAll(FICHE, OPTIONS) });
      assert.deepEqual(rule, { status: 'done', value: fixAll(FICHE, OPTIONS, 'temps-futur') });
    });

    it('un document fermé : ses travaux en cours et en attente sont abandonnés', async () => {
      const runner = start();
      const running = runner.analyze('file:///a.fiche.md', FICHE, OPTIONS);
      const other = runner.analyze('file:///b.fiche.md', FICHE, OPTIONS);
      const waiting = runner.fixAll('file:///a.fiche.md', FICHE, OPTIONS);
      runner.forget('file:///a.fiche.md');
      assert.equal((await running).status, 'superseded');
      assert.equal((await waiting).status, 'superseded');
      assert.equal((await other).status, 'done');
    });

    for (const [name, script] of [
      ['ne démarre pas', path.join(root, 'test', 'fixtures', 'lsp', 'absent-worker.js')],
      ['meurt pendant une analyse', path.join(root, 'test', 'fixtures', 'lsp', 'worker-exits.js')],
    ]) {
      it(`un worker qui ${name} : tout est « indisponible », dit une seule fois`, async () => {
        const runner = start(script);
        const outcomes = await Promise.all([
          runner.analyze('file:///a.fiche.md', FICHE, OPTIONS),
          runner.analyze('file:///b.fiche.md', FICHE, OPTIONS),
        ]);
        assert.deepEqual(
          outcomes.map((outcome) => outcome.status),
          ['unavailable', 'unavailable'],
        );
        assert.equal((await runner.fixAll('file:///a.fiche.md', FICHE, OPTIONS)).status, 'unavailable');
        assert.equal(logs.length, 1, logs.join('\n'));
        assert.match(logs[0], /arrière-plan indisponible .*fil principal/);
      });
    }

    it('arrêté (fin du serveur) : les travaux en cours sont rendus, sans message', async () => {
      const runner = start();
      const running = runner.analyze('file:///a.fiche.md', FICHE, OPTIONS);
      await runner.dispose();
      assert.equal((await running).status, 'unavailable');
      assert.equal((await runner.analyze('file:///a.fiche.md', FICHE, OPTIONS)).status, 'unavailable');
      assert.deepEqual(logs, []);
    });
  });

  describe('Analyses au-dessus d’un runner', () => {
    /** A runner whose jobs the test settles by hand. */
    class ManualRunner implements AnalysisRunner {
      readonly threshold = 100;
      readonly jobs: { text: string; settle(outcome: RunOutcome<AnalysisData>): void }[] = [];
      analyze(_uri: string, text: string): Promise<RunOutcome<AnalysisData>> {
        return new Promise((settle) => this.jobs.push({ text, settle }));
      }
      fixAll(): Promise<RunOutcome<string>> {
        return Promise.resolve({ status: 'unavailable' });
      }
      forget(): void {}
      dispose(): Promise<void> {
        return Promise.resolve();
      }
    }
    const long = `${FICHE}\n`.repeat(2);
    const doc = (version: number, text = long) => TextDocument.create('file:///a.fiche.md', 'fiche', version, text);
    const done = (text: string): RunOutcome<AnalysisData> => {
      const { document, findings } = analyze(text, OPTIONS);
      // eslint-disable-next-line @typescript-eslint/no-unused-vars
      const { text: _text, ...data } = ficheData(document);
      return { status: 'done', value: structuredClone({ document: data, findings, duration: 7 }) };
    };

    it('une fiche courte est analysée sur place, une longue par le runner, une fois par version', async () => {
      const runner = new ManualRunner();
      const analyses = new Analyses(runner);
      const short = await analyses.of(doc(1, 'Court.'), OPTIONS);
      assert.deepEqual(plain(short), plain(analyze('Court.', OPTIONS)));
      assert.equal(runner.jobs.length, 0);
      const version2 = doc(2);
      const first = analyses.of(version2, OPTIONS);
      const shared = analyses.of(version2, OPTIONS);
      assert.equal(runner.jobs.length, 1);
      runner.jobs[0].settle(done(long));
      const result = (await first)!;
      assert.equal(await shared, result);
      // The same URI closed and reopened is another document, at version numbers that start again.
      void analyses.of(doc(2), OPTIONS);
      assert.equal(runner.jobs.length, 2);
      assert.deepEqual(plain(result), plain(analyze(long, OPTIONS)));
      assert.deepEqual(result.document.positionAt(long.length), analyze(long, OPTIONS).document.positionAt(long.length));
      assert.equal(analyses.duration('file:///a.fiche.md'), 7);
    });

    it('remplacée : undefined, et redemander la même version relance une analyse ; indisponible : sur place', async () => {
      const runner = new ManualRunner();
      const analyses = new Analyses(runner);
      const first = analyses.of(doc(1), OPTIONS);
      runner.jobs[0].settle({ status: 'superseded' });
      assert.equal(await first, undefined);
      const again = analyses.of(doc(1), OPTIONS);
      assert.equal(runner.jobs.length, 2);
      runner.jobs[1].settle({ status: 'unavailable' });
      assert.deepEqual(plain(await again), plain(analyze(long, OPTIONS)));
    });
  });
});
