// The stdio binary driven as Neovim, Helix or Emacs (eglot) drive it (docs/editors.md): minimal
// capabilities, no workspace/configuration, no snippets, no versioned edits, documents of
// language "markdown" named *.fiche.md.
import * as assert from 'node:assert/strict';
import {
  CodeActionRequest,
  CompletionRequest,
  ExecuteCommandRequest,
  HoverRequest,
  type ClientCapabilities,
  type CodeAction,
  type CompletionItem,
  type TextEdit,
} from 'vscode-languageserver-protocol/node';
import { LspClient } from '../helpers/lsp';
import { FICHE_FUTUR } from './fiches';

const URI = 'file:///home/agent/fiches/aidants-connect.fiche.md';

/** What a plain editor announces: plain-text completion, code action literals, no workspace/configuration. */
const MINIMAL_CAPABILITIES: ClientCapabilities = {
  general: { positionEncodings: ['utf-8', 'utf-16', 'utf-32'] },
  workspace: { applyEdit: true },
  textDocument: {
    synchronization: { didSave: true },
    completion: { completionItem: { snippetSupport: false } },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source'] } } },
    publishDiagnostics: { relatedInformation: true },
  },
};

describe('serveur de langage : client minimal (Neovim, Helix, Emacs)', function () {
  let client: LspClient;

  beforeEach(async function () {
    client = await LspClient.start({ capabilities: MINIMAL_CAPABILITIES });
  });

  afterEach(async function () {
    assert.deepEqual(client.configurationRequests, [], 'jamais de workspace/configuration');
    await client.stop();
  });

  it('garde l’encodage UTF-16 par défaut et publie les diagnostics d’un document markdown *.fiche.md', async function () {
    assert.equal(client.initializeResult.capabilities.positionEncoding, undefined);
    await client.open(URI, FICHE_FUTUR, 'markdown');
    const futur = (await client.diagnostics(URI)).find((d) => d.code === 'temps-futur');
    assert.ok(futur);
    assert.match(String(futur.message), /permettra/);
    const line = FICHE_FUTUR.split('\n')[futur.range.start.line];
    assert.equal(line.slice(futur.range.start.character, futur.range.end.character), 'permettra');
  });

  it('complète en texte simple, sans $1 ni ${1:…}', async function () {
    const text = FICHE_FUTUR.replace('Aidants Connect permettra', 'Les aidants');
    await client.open(URI, text, 'markdown');
    const document = client.document(URI);
    const items = (await client.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri: URI },
      position: document.positionAt(text.indexOf('Les aidants')),
    })) as CompletionItem[];
    assert.ok(items.length > 0);
    for (const item of items) {
      assert.equal(item.insertTextFormat, 1, item.label);
      assert.doesNotMatch((item.textEdit as TextEdit).newText, /\$(\d|\{)/, item.label);
    }
    assert.ok(items.some((item) => (item.textEdit as TextEdit).newText === 'Grâce à Aidants Connect, '));
  });

  it('corrige par une action rapide en `changes` (sans documentChanges versionnés)', async function () {
    await client.open(URI, FICHE_FUTUR, 'markdown');
    const futur = (await client.diagnostics(URI)).find((d) => d.code === 'temps-futur')!;
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: URI },
      range: futur.range,
      context: { diagnostics: [futur] },
    })) as CodeAction[];
    const preferred = actions.find((action) => action.isPreferred)!;
    assert.equal(preferred.edit?.documentChanges, undefined);
    assert.deepEqual(
      preferred.edit?.changes?.[URI]?.map((edit) => edit.newText),
      ['permet'],
    );
    await client.applyWorkspaceEdit(preferred.edit!);
    assert.match(client.text(URI), /Aidants Connect permet aux aidants/);
    assert.ok(!(await client.diagnostics(URI)).some((d) => d.code === 'temps-futur'));
  });

  it('exécute fiche.applyFixAll (workspace/executeCommand → workspace/applyEdit)', async function () {
    await client.open(URI, FICHE_FUTUR, 'markdown');
    await client.diagnostics(URI);
    const result = await client.connection.sendRequest(ExecuteCommandRequest.type, { command: 'fiche.applyFixAll', arguments: [URI] });
    assert.deepEqual(result, { applied: true });
    assert.match(client.text(URI), /Aidants Connect permet aux aidants/);
  });

  it('prend les réglages poussés par workspace/didChangeConfiguration (settings = { fiche = … })', async function () {
    await client.changeSettings({ rules: { 'temps-futur': 'error' } });
    await client.open(URI, FICHE_FUTUR, 'markdown');
    assert.equal((await client.diagnostics(URI)).find((d) => d.code === 'temps-futur')?.severity, 1);
  });

  it('explique au survol en Markdown', async function () {
    await client.open(URI, FICHE_FUTUR, 'markdown');
    const futur = (await client.diagnostics(URI)).find((d) => d.code === 'temps-futur')!;
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: URI }, position: futur.range.start });
    assert.match(JSON.stringify(hover?.contents), /temps-futur/);
  });
});
