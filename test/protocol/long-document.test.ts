// A long document never blocks the real server (stdio): it is analysed in a worker thread while
// the server keeps answering about the other documents; only its latest version is published;
// hover, outline, folding, code lens, completion and "fix all" answer on it with the worker's
// analysis; a worker that cannot start or dies falls back to the inline analysis. The assertions
// are on the order of the messages, not on durations: with the analysis on the server's thread,
// the small fiche's answers come after the long document's analysis (checked against the build
// before the worker, FICHE_SERVER_BIN).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  CodeActionRequest,
  CodeLensRequest,
  CompletionRequest,
  DocumentSymbolRequest,
  ExecuteCommandRequest,
  FoldingRangeRequest,
  HoverRequest,
  MessageType,
  type CodeAction,
  type Diagnostic,
  type DocumentSymbol,
  type TextDocumentEdit,
  type TextEdit,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, checklist } from '../../server/src/core';
import { fixAll } from '../../server/src/core/fix-all';
import { outline } from '../../server/src/core/outline';
import { toDiagnostic, toDocumentSymbol } from '../../server/src/convert';
import { LspClient, ROOT } from '../helpers/lsp';
import { FICHE_FUTUR } from './fiches';

const LONG = 'file:///long/recueil.fiche.md';
const SMALL = 'file:///long/voisine.fiche.md';

/** ~500 KB of the repository's fiches put end to end (~0.5 s of analysis, 1,700 findings). */
function longText(): string {
  const files = ['test/fixtures/lsp/futur.fiche.md', 'test/fixtures/fiches/methode.fiche.md', 'test/fixtures/fiches/bonne.fiche.md'];
  const parts = files.map((file) => fs.readFileSync(path.join(ROOT, file), 'utf8'));
  let text = '';
  for (let i = 0; text.length < 500 * 1024; i++) {
    text += `${parts[i % parts.length]}\n`;
  }
  return text;
}

function normalized(diagnostics: Diagnostic[]): unknown {
  return JSON.parse(JSON.stringify(diagnostics));
}

/** The diagnostics a fresh in-process analysis gives for the document's current text. */
function expectedDiagnostics(client: LspClient, uri: string): unknown {
  const document = client.document(uri);
  return normalized(analyze(document.getText(), { rules: {} }).findings.map((finding) => toDiagnostic(finding, document.version)));
}

/** How many diagnostics publications of `uri` the client has received so far. */
function published(client: LspClient, uri: string): number {
  return client.publications.get(uri)?.length ?? 0;
}

/** The long document's text after the action's edit. */
function applied(client: LspClient, action: CodeAction): string {
  const [change] = action.edit!.documentChanges! as TextDocumentEdit[];
  return TextDocument.applyEdits(client.document(LONG), change.edits as TextEdit[]);
}

describe('serveur de langage : un long document ne bloque jamais le serveur (stdio)', function () {
  this.timeout(30000);
  const text = longText();
  let client: LspClient;

  afterEach(async function () {
    await client?.stop();
  });

  it('une petite fiche ouverte après un document de 500 Ko a ses diagnostics et son plan avant lui', async function () {
    client = await LspClient.start({ settings: { rules: {} } });
    await client.open(LONG, text);
    await client.open(SMALL, FICHE_FUTUR);
    // Snapshot of the long document's publications when the small fiche's answers arrive.
    const outlineAnswered = client.connection
      .sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: SMALL } })
      .then((symbols) => ({ symbols, long: published(client, LONG) }));
    const hoverAnswered = client.connection
      .sendRequest(HoverRequest.type, { textDocument: { uri: SMALL }, position: { line: 0, character: 0 } })
      .then(() => published(client, LONG));
    const small = await client.diagnostics(SMALL);
    assert.equal(published(client, LONG), 0, 'le long document a été publié avant la petite fiche');
    assert.ok(small.some((diagnostic) => diagnostic.code === 'temps-futur'));
    const { symbols, long } = await outlineAnswered;
    assert.equal(long, 0, 'le plan de la petite fiche a attendu l’analyse du long document');
    assert.ok(Array.isArray(symbols) && symbols.length > 0);
    assert.equal(await hoverAnswered, 0, 'le survol de la petite fiche a attendu l’analyse du long document');
    // Then the long document's own diagnostics: those of a fresh analysis of its text.
    assert.deepEqual(normalized(await client.diagnostics(LONG, 20000)), expectedDiagnostics(client, LONG));
    assert.equal(client.logs.filter((log) => log.type <= MessageType.Warning).length, 0);
  });

  it('rafale d’éditions sur le long document : la petite fiche répond pendant les analyses, seule la dernière version est publiée', async function () {
    client = await LspClient.start({ settings: { rules: {} } });
    await client.open(SMALL, FICHE_FUTUR);
    await client.open(LONG, text);
    await client.diagnostics(LONG, 20000);
    const edits = 12;
    const order: { long: Promise<number>; small: Promise<number> }[] = [];
    let answers = 0;
    for (let i = 0; i < edits; i++) {
      // A word typed somewhere in the long document, then the completion an editor asks after a
      // space (answered on an analysis of the new version), then a request on the small fiche.
      const document = client.document(LONG);
      const offset = document.getText().indexOf('\n\n', Math.floor(((i + 1) * document.getText().length) / (edits + 2)));
      const position = document.positionAt(offset);
      await client.edit(LONG, [{ range: { start: position, end: position }, newText: ` Le service permettra ${i} ` }]);
      const cursor = { line: position.line, character: position.character + 1 };
      order.push({
        long: client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: LONG }, position: cursor }).then(() => answers++),
        small: client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: SMALL } }).then(() => answers++),
      });
      await new Promise((resolve) => setTimeout(resolve, 40));
    }
    // Every request on the small fiche was answered before the completion on the long document
    // sent just before it (which waits for an analysis of its version).
    for (const [i, { long, small }] of order.entries()) {
      assert.ok((await small) < (await long), `requête ${i} : la petite fiche a attendu l’analyse du long document`);
    }
    // The last version's diagnostics are those of a fresh analysis of the final text; no
    // publication of a version the client had already replaced.
    const final = client.document(LONG).version;
    assert.deepEqual(normalized(await client.diagnostics(LONG, 20000)), expectedDiagnostics(client, LONG));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const publications = client.publications.get(LONG)!;
    assert.equal(publications.at(-1)!.version, final);
    for (const publication of publications) {
      assert.equal(publication.version, publication.clientVersion, `version ${publication.version} publiée alors que le client était en ${publication.clientVersion}`);
    }
    assert.ok(publications.length <= 1 + 3, `${publications.length} publications pour ${edits} versions`);
  });

  it('survol, plan, pliage, code lens, complétion et « tout corriger » répondent sur le long document', async function () {
    client = await LspClient.start({ settings: { rules: {} } });
    await client.open(LONG, text);
    // Asked before its analysis ends: the requests wait for it instead of analysing inline.
    const symbolsAsked = client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: LONG } });
    const diagnostics = await client.diagnostics(LONG, 20000);
    const expected = analyze(text, { rules: {} });
    const symbols = (await symbolsAsked) as DocumentSymbol[];
    assert.deepEqual(JSON.parse(JSON.stringify(symbols)), JSON.parse(JSON.stringify(outline(expected.document).map(toDocumentSymbol))));

    // Hover on the last future-tense finding (its range comes from the rebuilt positionAt).
    const futur = diagnostics.filter((diagnostic) => diagnostic.code === 'temps-futur').at(-1)!;
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: LONG }, position: futur.range.start });
    assert.match(JSON.stringify(hover?.contents), /\*\*temps-futur\*\*/);

    const folds = await client.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri: LONG } });
    assert.ok((folds?.length ?? 0) > 100);
    const lenses = await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: LONG } });
    assert.equal(lenses?.length, checklist(expected, { rules: {} }).length);
    const completion = await client.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri: LONG },
      position: client.document(LONG).positionAt(text.length),
    });
    assert.ok(completion !== null);

    // Quick fixes of a finding, "fix all of the rule" and source.fixAll, computed in the worker.
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: LONG },
      range: futur.range,
      context: { diagnostics: [futur] },
    })) as CodeAction[];
    assert.ok(actions.some((action) => action.isPreferred));
    const ruleFix = actions.find((action) => action.title === 'Corriger tous les problèmes « temps-futur »');
    assert.ok(ruleFix, 'action « corriger tous les problèmes » absente');
    const ruleFixed = applied(client, ruleFix);
    assert.equal(ruleFixed, fixAll(text, { rules: {} }, 'temps-futur'));
    const [fixAllAction] = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: LONG },
      range: futur.range,
      context: { diagnostics: [], only: ['source.fixAll'] },
    })) as CodeAction[];
    const edited = applied(client, fixAllAction);
    assert.equal(edited, fixAll(text, { rules: {} }));
    // The server-side command applies the same edit.
    const command = await client.connection.sendRequest(ExecuteCommandRequest.type, { command: 'fiche.applyFixAll', arguments: [LONG] });
    assert.deepEqual(command, { applied: true });
    assert.equal(client.text(LONG), fixAll(text, { rules: {} }));
    assert.deepEqual(normalized(await client.diagnostics(LONG, 20000)), expectedDiagnostics(client, LONG));
    // Shutdown ends the worker with the server: a clean exit.
    assert.equal(await client.stop(), 0);
  });

  for (const [name, script] of [
    ['ne démarre pas', path.join(ROOT, 'test', 'fixtures', 'lsp', 'absent-worker.js')],
    ['meurt pendant une analyse', path.join(ROOT, 'test', 'fixtures', 'lsp', 'worker-exits.js')],
  ]) {
    it(`un worker qui ${name} : une ligne dans la sortie, puis l’analyse sur le fil principal`, async function () {
      client = await LspClient.start({ settings: { rules: {} }, env: { FICHE_ANALYSIS_WORKER: script } });
      await client.open(LONG, text);
      const hover = client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: LONG }, position: { line: 0, character: 0 } });
      assert.deepEqual(normalized(await client.diagnostics(LONG, 20000)), expectedDiagnostics(client, LONG));
      await hover; // answered, not left hanging
      await client.edit(LONG, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: 'Le service permettra. ' }]);
      assert.deepEqual(normalized(await client.diagnostics(LONG, 20000)), expectedDiagnostics(client, LONG));
      const lines = client.logs.filter((log) => /arrière-plan indisponible/.test(log.message));
      assert.equal(lines.length, 1, JSON.stringify(client.logs));
      assert.equal(lines[0].type, MessageType.Warning);
      assert.equal(client.hasExited, false);
    });
  }
});
