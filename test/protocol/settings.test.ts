// Settings, clients of other editors, Markdown documents and requests the server must survive.
import * as assert from 'node:assert/strict';
import { CompletionRequest, DocumentSymbolRequest, HoverRequest, type CompletionItem, type TextEdit } from 'vscode-languageserver-protocol/node';
import { LspClient } from '../helpers/lsp';
import { FICHE_FUTUR, FICHE_PROPRE, expandedTemplate } from './fiches';

const URI = 'file:///tmp/aidants-connect.fiche.md';
const codes = (diagnostics: { code?: number | string }[]) => diagnostics.map((diagnostic) => diagnostic.code);

describe('serveur de langage : réglages et robustesse', function () {
  let client: LspClient | undefined;

  afterEach(async function () {
    await client?.stop();
    client = undefined;
  });

  it('tire les réglages par document et les relit après didChangeConfiguration', async function () {
    client = await LspClient.start({ settings: { rules: { 'temps-futur': 'error' } } });
    await client.open(URI, FICHE_FUTUR);
    const [futur] = (await client.diagnostics(URI)).filter((d) => d.code === 'temps-futur');
    assert.equal(futur?.severity, 1);
    assert.deepEqual(client.configurationRequests, [URI]);

    const before = client.publications.get(URI)!.length;
    await client.changeSettings({ rules: { 'temps-futur': 'off' } });
    const republished = await client.waitFor(
      () => client!.publications.get(URI)![before],
      3000,
      'republication après changement de réglages',
    );
    assert.ok(!codes(republished.diagnostics).includes('temps-futur'));
    assert.deepEqual(client.configurationRequests, [URI, URI], 'réglages relus une fois');
  });

  it('signale une seule fois des réglages invalides et applique les valeurs par défaut', async function () {
    client = await LspClient.start({ settings: { rules: { 'temps-futur': 'rouge', 'regle-inconnue': 'off' } } });
    await client.open(URI, FICHE_FUTUR);
    await client.open('file:///tmp/autre.fiche.md', FICHE_FUTUR);
    const [futur] = (await client.diagnostics(URI)).filter((d) => d.code === 'temps-futur');
    assert.equal(futur?.severity, 2, 'niveau par défaut');
    await client.diagnostics('file:///tmp/autre.fiche.md');
    assert.equal(client.messages.length, 1);
    assert.equal(client.messages[0].type, 2);
    assert.match(client.messages[0].message, /rouge/);
    assert.match(client.messages[0].message, /regle-inconnue/);
  });

  it('fonctionne sans workspace/configuration (réglages par défaut, puis poussés)', async function () {
    client = await LspClient.start({ capabilities: {} });
    await client.open(URI, FICHE_FUTUR);
    assert.ok(codes(await client.diagnostics(URI)).includes('temps-futur'));
    assert.deepEqual(client.configurationRequests, []);
    const before = client.publications.get(URI)!.length;
    await client.changeSettings({ rules: { 'temps-futur': 'off' } });
    const republished = await client.waitFor(() => client!.publications.get(URI)![before], 3000, 'republication');
    assert.ok(!codes(republished.diagnostics).includes('temps-futur'));
  });

  it('complète en texte simple pour un client sans snippets', async function () {
    client = await LspClient.start({ capabilities: {} });
    await client.open(URI, FICHE_PROPRE.replace('Grâce à Aidants Connect, les', 'Les'));
    const document = client.document(URI);
    const items = (await client.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri: URI },
      position: document.positionAt(document.getText().indexOf('Les aidants')),
    })) as CompletionItem[];
    const graceA = items.find((item) => item.label.startsWith('Grâce à'))!;
    assert.equal(graceA.insertTextFormat, 1);
    assert.equal((graceA.textEdit as TextEdit).newText, 'Grâce à Aidants Connect, ');
  });

  it('sert les documents Markdown nommés *.fiche.md, et eux seuls', async function () {
    client = await LspClient.start();
    await client.open('file:///tmp/LISEZMOI.md', FICHE_FUTUR, 'markdown');
    await client.open('file:///tmp/markdown.fiche.md', FICHE_FUTUR, 'markdown');
    assert.ok(codes(await client.diagnostics('file:///tmp/markdown.fiche.md')).includes('temps-futur'));
    assert.equal(client.publications.get('file:///tmp/LISEZMOI.md'), undefined);
    const symbols = await client.connection.sendRequest(DocumentSymbolRequest.type, {
      textDocument: { uri: 'file:///tmp/LISEZMOI.md' },
    });
    assert.equal(symbols, null);
  });

  it('survit aux URI inconnues et aux requêtes malformées', async function () {
    client = await LspClient.start();
    const unknown = await client.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri: 'file:///nulle/part.fiche.md' },
      position: { line: 0, character: 0 },
    });
    assert.equal(unknown, null);
    await client.connection.sendRequest('textDocument/hover', { nimporte: 'quoi' }).catch(() => undefined);
    await client.connection.sendRequest('textDocument/completion', null).catch(() => undefined);
    await client.connection.sendRequest('workspace/executeCommand', { command: 'fiche.applyFixAll', arguments: [42] });
    await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: URI } }).catch(() => undefined);
    await client.open(URI, FICHE_FUTUR);
    const far = await client.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri: URI },
      position: { line: 9999, character: 9999 },
    });
    assert.equal(far, null);
    assert.ok(codes(await client.diagnostics(URI)).includes('temps-futur'), 'toujours en service');
    assert.equal(client.hasExited, false);
  });

  it('le modèle de fiche ne déclenche aucun problème dans ses consignes', async function () {
    client = await LspClient.start();
    const text = expandedTemplate();
    await client.open(URI, text);
    const diagnostics = await client.diagnostics(URI);
    const document = client.document(URI);
    const comments = [...text.matchAll(/<!--[\s\S]*?-->/g)].map((m) => [m.index!, m.index! + m[0].length]);
    for (const diagnostic of diagnostics) {
      const start = document.offsetAt(diagnostic.range.start);
      const inside = comments.some(([from, to]) => start >= from && start < to);
      assert.ok(!inside, `${diagnostic.code} dans une consigne : ${diagnostic.message}`);
    }
    for (const code of ['temps-futur', 'temps-conditionnel', 'nom-generique', 'idee-diluee', 'section-manquante', 'nom-absent']) {
      assert.ok(!codes(diagnostics).includes(code), `${code} sur le modèle`);
    }
  });

  it('s’arrête proprement sur shutdown/exit', async function () {
    const local = await LspClient.start();
    assert.equal(await local.stop(), 0);
  });
});
