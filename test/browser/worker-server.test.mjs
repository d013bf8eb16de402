// The browser build of the language server (dist/browser/server.js) in a real Web Worker of
// headless Chromium, driven over LSP messages as vscode-languageclient/browser drives it:
// diagnostics, code action, completion, hover, outline, settings. Run by `node scripts/test-browser.mjs`.
import * as assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const URI = 'vscode-vfs://github/betagouv/fiches/aidants-connect.fiche.md';
// The same fiche as the protocol tests (test/protocol/fiches.ts).
const FICHE = fs.readFileSync(path.join(root, 'test/fixtures/lsp/futur.fiche.md'), 'utf8');

/** What VS Code's web client announces, reduced to what the server looks at. */
const CAPABILITIES = {
  workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, workspaceEdit: { documentChanges: true }, applyEdit: true },
  textDocument: {
    completion: { completionItem: { snippetSupport: true } },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } } },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    publishDiagnostics: { versionSupport: true },
  },
};

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.map': 'application/json' };

// Serves the test page and the browser bundles (a worker needs an http(s) origin, not file://).
async function serve() {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost');
    const file = url.pathname.startsWith('/page/')
      ? path.join(root, 'test/browser', url.pathname)
      : url.pathname.startsWith('/dist/browser/')
        ? path.join(root, url.pathname)
        : undefined;
    if (!file || file.includes('..') || !fs.existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

describe('serveur de langage dans un Web Worker (Chromium headless)', function () {
  this.timeout(60_000);
  let browser;
  let server;
  let page;
  const pageErrors = [];

  before(async function () {
    const e2e = await import('../../scripts/e2e/lib.mjs');
    if (!fs.existsSync(e2e.chromiumPath)) {
      console.log(`    (ignoré : ${e2e.chromiumPath} absent — bash scripts/e2e/install.sh l’installe)`);
      this.skip();
    }
    let playwright;
    try {
      playwright = e2e.loadPlaywright();
    } catch {
      console.log('    (ignoré : playwright-core absent — bash scripts/e2e/install.sh l’installe)');
      this.skip();
    }
    assert.ok(fs.existsSync(path.join(root, 'dist/browser/server.js')), 'dist/browser/server.js absent : npm run build');
    server = await serve();
    browser = await playwright.chromium.launch({ executablePath: e2e.chromiumPath, headless: true, args: e2e.chromiumArgs });
    page = await browser.newPage();
    page.on('pageerror', (error) => pageErrors.push(String(error)));
    page.on('console', (message) => {
      if (message.type() === 'error') {
        pageErrors.push(message.text());
      }
    });
    await page.goto(`http://127.0.0.1:${server.address().port}/page/index.html`);
  });

  after(async function () {
    await browser?.close();
    server?.close();
  });

  const lsp = (fn, arg) => page.evaluate(fn, arg);

  it('s’initialise et annonce ses capacités', async function () {
    const result = await lsp(async (capabilities) => {
      const answer = await lsp.request('initialize', { processId: null, rootUri: null, capabilities });
      return { ...answer, answeredAt: lsp.now() };
    }, CAPABILITIES);
    console.log(`      (worker créé → réponse à initialize : ${Math.round(result.answeredAt)} ms)`);
    assert.equal(result.serverInfo.name, 'fiche-language-server');
    assert.equal(result.capabilities.hoverProvider, true);
    assert.deepEqual(result.capabilities.executeCommandProvider.commands, ['fiche.applyFixAll']);
    await lsp(() => lsp.notify('initialized', {}));
  });

  it('publie « permettra » (temps-futur) à l’ouverture d’une fiche', async function () {
    const openedAt = await lsp(({ uri, text }) => {
      lsp.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'fiche', version: 1, text } });
      return lsp.now();
    }, { uri: URI, text: FICHE });
    const { diagnostics, receivedAt } = await lsp((uri) => lsp.diagnostics(uri, 1), URI);
    console.log(`      (didOpen → diagnostics : ${Math.round(receivedAt - openedAt)} ms)`);
    const futur = diagnostics.find((d) => d.code === 'temps-futur');
    assert.ok(futur, `temps-futur absent : ${JSON.stringify(diagnostics.map((d) => d.code))}`);
    assert.match(futur.message, /permettra/);
    assert.equal(futur.source, 'fiche');
    assert.equal(futur.severity, 2);
    // Settings were pulled for the document (answered null: defaults); no `.ficherc.json` in the browser.
    const configuration = await lsp(() => lsp.serverRequests.filter((r) => r.method === 'workspace/configuration').length);
    assert.equal(configuration, 1);
  });

  it('explique la règle au survol de « permettra »', async function () {
    const line = FICHE.split('\n').findIndex((l) => l.startsWith('Aidants Connect permettra'));
    const hover = await lsp(
      ({ uri, line }) => lsp.request('textDocument/hover', { textDocument: { uri }, position: { line, character: 18 } }),
      { uri: URI, line },
    );
    assert.equal(hover.contents.kind, 'markdown');
    assert.match(hover.contents.value, /\*\*temps-futur\*\*/);
  });

  it('propose l’action rapide « permettra » → « permet », qui rend la fiche conforme', async function () {
    const { diagnostics } = await lsp((uri) => lsp.diagnostics(uri, 1), URI);
    const futur = diagnostics.find((d) => d.code === 'temps-futur');
    const actions = await lsp(
      ({ uri, diagnostic }) =>
        lsp.request('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } }),
      { uri: URI, diagnostic: futur },
    );
    const preferred = actions.find((action) => action.isPreferred);
    assert.ok(preferred, `pas d’action préférée : ${actions.map((a) => a.title).join(', ')}`);
    const [change] = preferred.edit.documentChanges;
    assert.equal(change.textDocument.version, 1);
    assert.deepEqual(
      change.edits.map((edit) => edit.newText),
      ['permet'],
    );
    await lsp(
      ({ uri, edits }) =>
        lsp.notify('textDocument/didChange', {
          textDocument: { uri, version: 2 },
          contentChanges: edits.map((edit) => ({ range: edit.range, text: edit.newText })),
        }),
      { uri: URI, edits: change.edits },
    );
    const after = await lsp((uri) => lsp.diagnostics(uri, 2), URI);
    assert.ok(!after.diagnostics.some((d) => d.code === 'temps-futur'), JSON.stringify(after.diagnostics.map((d) => d.code)));
  });

  it('complète « Grâce à Aidants Connect, … » dans la Solution (snippet)', async function () {
    const line = FICHE.split('\n').findIndex((l) => l.startsWith('Aidants Connect permettra'));
    const items = await lsp(
      ({ uri, line }) => lsp.request('textDocument/completion', { textDocument: { uri }, position: { line, character: 0 } }),
      { uri: URI, line },
    );
    const graceA = items.find((item) => item.label.startsWith('Grâce à'));
    assert.ok(graceA, `pas de « Grâce à » : ${items.map((i) => i.label).join(', ')}`);
    assert.equal(graceA.insertTextFormat, 2);
    assert.match(graceA.textEdit.newText, /^Grâce à Aidants Connect, \$\{1:/);
  });

  it('donne le plan des sections et la liste de contrôle de la méthode', async function () {
    const symbols = await lsp((uri) => lsp.request('textDocument/documentSymbol', { textDocument: { uri } }), URI);
    assert.deepEqual(
      symbols.map((s) => s.name),
      ['Problème', 'Solution', 'Stratégie'],
    );
    const checklist = await lsp((uri) => lsp.request('fiche/checklist', { uri }), URI);
    assert.ok(Array.isArray(checklist) && checklist.length >= 3, JSON.stringify(checklist));
  });

  it('applique les réglages de l’éditeur (fiche.rules) poussés par didChangeConfiguration', async function () {
    const uri = `${URI.replace('.fiche.md', '-2.fiche.md')}`;
    await lsp(
      ({ uri, text }) => {
        lsp.settings = { rules: { 'temps-futur': 'error' } };
        lsp.notify('workspace/didChangeConfiguration', { settings: { fiche: lsp.settings } });
        lsp.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'fiche', version: 1, text } });
      },
      { uri, text: FICHE },
    );
    const { diagnostics } = await lsp((uri) => lsp.diagnostics(uri, 1), uri);
    assert.equal(diagnostics.find((d) => d.code === 'temps-futur')?.severity, 1);
  });

  it('s’arrête sur shutdown, sans erreur dans la page ni dans le worker', async function () {
    assert.equal(await lsp(() => lsp.request('shutdown')), null);
    const errors = await lsp(() => lsp.errors);
    assert.deepEqual([...errors, ...pageErrors], []);
  });
});
