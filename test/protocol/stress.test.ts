// The real server under stress, over stdio: 1,000 seeded random incremental edits (inserts,
// deletes, replacements, multi-line, emoji, NFD accents, CRLF, several changes per didChange,
// requests in between) end with the diagnostics of a fresh analysis of the final text; and the
// server stays up on malformed requests, wrong types, unknown URIs, closed documents and huge
// lines. Bounded in time; `FICHE_STRESS_SEED` replays another sequence.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  CodeActionRequest,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DocumentSymbolRequest,
  HoverRequest,
  type Diagnostic,
  type TextEdit,
} from 'vscode-languageserver-protocol/node';
import { analyze } from '../../server/src/core';
import { toDiagnostic } from '../../server/src/convert';
import { LspClient, ROOT } from '../helpers/lsp';
import { random } from '../helpers/random';
import { FICHE_FUTUR } from './fiches';

const SEED = Number(process.env.FICHE_STRESS_SEED ?? 20240611);
const EDITS = 1000;
const corpusDir = path.resolve(ROOT, '../shared/corpus/beta-gouv-startups');

/** A real fiche of the corpus when present (read in place), else the fiche of the other tests. */
function startText(): string {
  if (fs.existsSync(corpusDir)) {
    const files = fs.readdirSync(corpusDir).filter((file) => file.endsWith('.md')).sort();
    const sized = files.find((file) => fs.statSync(path.join(corpusDir, file)).size > 2500);
    if (sized) {
      return fs.readFileSync(path.join(corpusDir, sized), 'utf8');
    }
  }
  return FICHE_FUTUR;
}

const PIECES = [
  'a', 'é', 'e\u0301', ' ', '\n', '\r\n', '\n\n', '😀', '👩‍👩‍👧', '\t', '## Solution\n', '## Problème\r\n', '## Stratégie\n\n',
  'Le service permettra aux agents de gagner du temps. ', 'Grâce à Aide Facile, ', '13 millions', '---\n', '```\n',
  '<!-- fiche-ignore temps-futur -->', 'DPM ', '« ', ' »', '[Nom]', '- ', '> ', '**gras** ', 'Nous pourrions ',
  'déploiement national ', '\u00a0', '\ufeff',
];

/** Random text of up to ~60 characters from the pieces above. */
function piece(rand: () => number): string {
  let text = '';
  const count = 1 + Math.floor(rand() * 4);
  for (let i = 0; i < count; i++) {
    text += PIECES[Math.floor(rand() * PIECES.length)];
  }
  return text;
}

/** An offset that does not split a surrogate pair (an editor never puts the cursor inside one). */
function snap(text: string, offset: number): number {
  const code = text.charCodeAt(offset - 1);
  return offset > 0 && offset < text.length && code >= 0xd800 && code <= 0xdbff ? offset - 1 : offset;
}

/** One random edit of `text`: insertion, deletion (often over lines) or replacement. */
function randomEdit(rand: () => number, text: string, from = 0, to = text.length): { start: number; end: number; newText: string } {
  const start = snap(text, from + Math.floor(rand() * (to - from + 1)));
  const kind = rand();
  const span = rand() < 0.15 ? Math.floor(rand() * 400) : Math.floor(rand() * 30);
  const end = kind < 0.4 ? start : snap(text, Math.min(to, start + span));
  const newText = kind >= 0.4 && kind < 0.7 ? '' : piece(rand);
  return { start, end, newText };
}

function normalized(diagnostics: Diagnostic[]): unknown {
  return JSON.parse(JSON.stringify(diagnostics));
}

describe('serveur de langage sous contrainte (stdio)', function () {
  this.timeout(60000);
  let client: LspClient;

  afterEach(async function () {
    await client?.stop();
  });

  it(`1 000 éditions aléatoires (graine ${SEED}) : les derniers diagnostics sont ceux d'une analyse fraîche du texte final`, async function () {
    client = await LspClient.start({ settings: { rules: {} } });
    const uri = 'file:///stress/fiche-aleatoire.fiche.md';
    const rand = random(SEED);
    await client.open(uri, startText());
    await client.diagnostics(uri);
    for (let i = 0; i < EDITS; i++) {
      const document = client.document(uri);
      const text = document.getText();
      const edits: TextEdit[] = [];
      if (rand() < 0.1 && text.length > 10) {
        // Two changes in one didChange, on both halves of the text (they must not overlap).
        const middle = snap(text, Math.floor(text.length / 2));
        for (const [from, to] of [
          [0, middle - 1],
          [middle, text.length],
        ]) {
          const edit = randomEdit(rand, text, from, Math.max(from, to));
          edits.push({ range: { start: document.positionAt(edit.start), end: document.positionAt(edit.end) }, newText: edit.newText });
        }
      } else {
        const edit = randomEdit(rand, text);
        edits.push({ range: { start: document.positionAt(edit.start), end: document.positionAt(edit.end) }, newText: edit.newText });
      }
      await client.edit(uri, edits);
      if (i % 97 === 0) {
        // The requests an editor sends while typing, not awaited: they must not disturb the edits.
        const position = client.document(uri).positionAt(Math.floor(rand() * client.text(uri).length));
        void client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position }).catch(() => undefined);
        void client.connection
          .sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: { start: position, end: position }, context: { diagnostics: [] } })
          .catch(() => undefined);
      }
      if (i % 125 === 124) {
        // A pause longer than the debounce now and then: validations run between the edits.
        await new Promise((resolve) => setTimeout(resolve, 150 + Math.floor(rand() * 100)));
      }
    }
    const final = client.text(uri);
    const published = await client.diagnostics(uri, 20000);
    const version = client.document(uri).version;
    const expected = analyze(final, { rules: {} }).findings.map((finding) => toDiagnostic(finding, version));
    assert.deepEqual(normalized(published), normalized(expected));
    // Nothing older comes after: the last publication is the final version's.
    await new Promise((resolve) => setTimeout(resolve, 400));
    assert.equal(client.publications.get(uri)!.at(-1)!.version, version);
    assert.equal(client.hasExited, false);
  });

  it('reste en service : paramètres malformés, mauvais types, URI inconnues, documents fermés, lignes immenses', async function () {
    client = await LspClient.start({ settings: { rules: {} } });
    const uri = 'file:///stress/robuste.fiche.md';
    const ignore = () => undefined;
    const send = (method: string, params: unknown) => client.connection.sendRequest(method, params).catch(ignore);
    const notify = (method: string, params: unknown) => client.connection.sendNotification(method, params);
    const bad: unknown[] = [
      null,
      42,
      'texte',
      [],
      {},
      { textDocument: null },
      { textDocument: { uri: 42 } },
      { textDocument: { uri: {} }, position: 'ici' },
      { textDocument: { uri }, position: { line: -1, character: 'x' } },
      { textDocument: { uri }, range: null, context: { diagnostics: 'aucun' } },
      { textDocument: { uri }, range: { start: 0, end: 0 }, context: { diagnostics: [{ source: 'fiche', data: { version: 1, fixes: 'x' } }] } },
      { textDocument: { uri: '::pas une uri::' }, position: { line: 0, character: 0 } },
    ];
    const methods = [
      'textDocument/hover',
      'textDocument/completion',
      'textDocument/codeAction',
      'textDocument/documentSymbol',
      'textDocument/foldingRange',
      'textDocument/codeLens',
      'fiche/checklist',
      'workspace/executeCommand',
      'textDocument/nimporteQuoi',
    ];
    // Before any document is open, then on a closed one.
    for (const method of methods) {
      for (const params of bad) {
        await send(method, params);
      }
    }
    await notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: 'x' }] });
    await notify('textDocument/didChange', null);
    await notify('textDocument/didClose', { textDocument: { uri: 'file:///jamais/ouvert.fiche.md' } });
    await notify('textDocument/didOpen', { textDocument: { uri: 42, languageId: 'fiche', version: 1, text: null } });
    await notify('workspace/didChangeConfiguration', { settings: { fiche: { rules: 'tout' } } });
    await notify('workspace/didChangeConfiguration', null);
    await notify('workspace/didChangeWatchedFiles', { changes: 'aucun' });
    await notify('$/inconnu', { a: 1 });
    await client.changeSettings({ rules: {} });

    await client.open(uri, FICHE_FUTUR);
    assert.ok((await client.diagnostics(uri)).some((d) => d.code === 'temps-futur'));
    // Changes out of the document's range, and a huge line of 1 MB without a line break.
    await client.edit(uri, [{ range: { start: { line: 5000, character: 0 }, end: { line: 9000, character: 99 } }, newText: '\nFin.' }]);
    await client.edit(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: `${'mot '.repeat(250000)}\n` }]);
    for (const method of methods) {
      for (const params of bad) {
        await send(method, params);
      }
    }
    await client.diagnostics(uri, 30000);
    const symbols = await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } });
    assert.ok(Array.isArray(symbols));
    // A closed document: requests answer nothing, edits of it are ignored, diagnostics cleared.
    await client.close(uri);
    for (const method of methods) {
      await send(method, { textDocument: { uri }, position: { line: 0, character: 0 }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [] } });
    }
    await notify(DidChangeTextDocumentNotification.method, { textDocument: { uri, version: 99 }, contentChanges: [{ text: 'x' }] });
    await notify(DidCloseTextDocumentNotification.method, { textDocument: { uri } });
    assert.equal(await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 0 } }), null);

    // Still in service: a new document is analysed as usual.
    const other = 'file:///stress/ensuite.fiche.md';
    await client.open(other, FICHE_FUTUR);
    assert.ok((await client.diagnostics(other)).some((d) => d.code === 'temps-futur'));
    assert.equal(client.hasExited, false);
  });
});
