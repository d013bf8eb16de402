// The extension in a real VS Code: activation, diagnostics, fixes, completion, hover, outline, settings, restart.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  EXTENSION_ID,
  closeAll,
  codeOf,
  openFiche,
  positionOf,
  waitForDiagnostics,
  waitForEvent,
  workspaceFile,
  workspaceText,
} from './helpers';

/** What the extension's activate() returns (client/src/extension.ts). */
interface FicheApi {
  client: LanguageClient;
  cacheDir: string | undefined;
}

const hasFutur = (diagnostics: vscode.Diagnostic[]) => diagnostics.some((d) => codeOf(d) === 'temps-futur');

describe('extension Fiche produit', function () {
  let api: FicheApi;

  before(async function () {
    const extension = vscode.extensions.getExtension<FicheApi>(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} introuvable`);
    api = await extension.activate();
  });
  afterEach(closeAll);

  it('s’active sur un fichier .fiche.md, en langage fiche', async function () {
    const document = await vscode.workspace.openTextDocument(workspaceFile('aidants.fiche.md'));
    assert.equal(document.languageId, 'fiche');
    assert.equal(vscode.extensions.getExtension(EXTENSION_ID)?.isActive, true);
    assert.equal(api.client.isRunning(), true);
  });

  it('publie les diagnostics avec leur règle, leur source et leur plage', async function () {
    const uri = workspaceFile('aidants.fiche.md');
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    const diagnostics = await waitForDiagnostics(uri, hasFutur, 'temps-futur sur aidants.fiche.md');
    const futur = diagnostics.find((d) => codeOf(d) === 'temps-futur')!;
    assert.equal(futur.source, 'fiche');
    assert.equal(futur.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(document.getText(futur.range), 'permettra');
  });

  it('ne signale rien sur une fiche conforme ni sur un Markdown ordinaire', async function () {
    const propre = workspaceFile('propre.fiche.md');
    const lisezmoi = workspaceFile('LISEZMOI.md');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(propre));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(lisezmoi));
    // Opened last, its diagnostics come after those of the two others (the server answers in order).
    const aidants = workspaceFile('aidants.fiche.md');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(aidants));
    await waitForDiagnostics(aidants, hasFutur, 'temps-futur sur aidants.fiche.md');
    assert.deepEqual(vscode.languages.getDiagnostics(propre), []);
    assert.deepEqual(vscode.languages.getDiagnostics(lisezmoi), []);
  });

  it('sert aussi un .fiche.md associé au langage Markdown', async function () {
    // The workspace's files.associations opens markdown.fiche.md as Markdown.
    const uri = workspaceFile('markdown.fiche.md');
    const document = await vscode.workspace.openTextDocument(uri);
    assert.equal(document.languageId, 'markdown');
    await waitForDiagnostics(uri, hasFutur, 'temps-futur en Markdown');
  });

  it('corrige « permettra » en « permet » par l’action rapide préférée', async function () {
    const editor = await openFiche(workspaceText('aidants.fiche.md'));
    const uri = editor.document.uri;
    const [futur] = (await waitForDiagnostics(uri, hasFutur, 'temps-futur')).filter((d) => codeOf(d) === 'temps-futur');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      uri,
      futur.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const preferred = actions.find((action) => action.isPreferred);
    assert.ok(preferred?.edit, `action préférée absente : ${actions.map((a) => a.title).join(', ')}`);
    assert.ok(await vscode.workspace.applyEdit(preferred.edit));
    await waitForDiagnostics(uri, (d) => !hasFutur(d), 'disparition de temps-futur');
    assert.match(editor.document.getText(), /Aidants Connect permet aux aidants/);
  });

  it('« Fiche : tout corriger » applique tous les correctifs', async function () {
    const editor = await openFiche(workspaceText('aidants.fiche.md'));
    const uri = editor.document.uri;
    await waitForDiagnostics(uri, hasFutur, 'temps-futur');
    assert.equal(await vscode.commands.executeCommand('fiche.fixAll'), true);
    await waitForDiagnostics(uri, (d) => !hasFutur(d), 'disparition de temps-futur');
    assert.match(editor.document.getText(), /permet aux aidants/);
  });

  it('complète « Grâce à <Nom>, … » avec le nom de la fiche', async function () {
    const editor = await openFiche(workspaceText('propre.fiche.md').replace('Grâce à Aidants Connect, les', 'Les'));
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      editor.document.uri,
      positionOf(editor.document, 'Les aidants'),
    );
    const item = list.items.find((i) => (typeof i.label === 'string' ? i.label : i.label.label).startsWith('Grâce à'));
    assert.ok(item, 'proposition « Grâce à » absente');
    assert.ok(item.insertText instanceof vscode.SnippetString);
    assert.match(item.insertText.value, /^Grâce à Aidants Connect, /);
  });

  it('explique la règle au survol', async function () {
    const editor = await openFiche(workspaceText('aidants.fiche.md'));
    await waitForDiagnostics(editor.document.uri, hasFutur, 'temps-futur');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      editor.document.uri,
      positionOf(editor.document, 'permettra', 2),
    );
    const text = hovers
      .flatMap((hover) => hover.contents)
      .map((content) => (typeof content === 'string' ? content : content.value))
      .join('\n');
    assert.match(text, /temps-futur/);
  });

  it('donne le plan de la fiche par sections', async function () {
    const editor = await openFiche(workspaceText('aidants.fiche.md'));
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>(
      'vscode.executeDocumentSymbolProvider',
      editor.document.uri,
    );
    assert.deepEqual(
      symbols.map((symbol) => symbol.name),
      ['Problème', 'Solution', 'Stratégie'],
    );
  });

  it('suit le réglage fiche.rules', async function () {
    const editor = await openFiche(workspaceText('aidants.fiche.md'));
    const uri = editor.document.uri;
    await waitForDiagnostics(uri, hasFutur, 'temps-futur');
    const config = vscode.workspace.getConfiguration('fiche');
    try {
      await config.update('rules', { 'temps-futur': 'off' }, vscode.ConfigurationTarget.Global);
      await waitForDiagnostics(uri, (d) => !hasFutur(d), 'temps-futur désactivé');
    } finally {
      await config.update('rules', undefined, vscode.ConfigurationTarget.Global);
    }
    await waitForDiagnostics(uri, hasFutur, 'temps-futur réactivé');
  });

  it('analyse un long document en arrière-plan : une petite fiche ouverte après lui passe avant', async function () {
    this.timeout(40000);
    // ~500 KB (the server's worker thread takes documents over 64 K characters). Both are files of
    // their own: an untitled document reuses the URI of one an earlier test closed, and when the
    // client has not yet processed that close, it does not send the new document at all.
    const fiche = workspaceText('aidants.fiche.md');
    const copies = Math.ceil((500 * 1024) / fiche.length);
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'fiche-long-'));
    try {
      fs.writeFileSync(path.join(folder, 'recueil.fiche.md'), `${fiche}\n`.repeat(copies));
      fs.writeFileSync(path.join(folder, 'voisine.fiche.md'), fiche);
      // Opened without an editor (showing 500 KB in the web UI takes longer than the analysis itself).
      const long = { document: await vscode.workspace.openTextDocument(vscode.Uri.file(path.join(folder, 'recueil.fiche.md'))) };
      const small = { document: await vscode.workspace.openTextDocument(vscode.Uri.file(path.join(folder, 'voisine.fiche.md'))) };
      const futurs = (d: vscode.Diagnostic[]) => d.filter((diagnostic) => codeOf(diagnostic) === 'temps-futur').length;
      await waitForDiagnostics(small.document.uri, hasFutur, 'temps-futur sur la petite fiche');
      assert.deepEqual(vscode.languages.getDiagnostics(long.document.uri), [], 'le long document a été analysé avant la petite fiche');
      const diagnostics = await waitForDiagnostics(long.document.uri, (d) => futurs(d) === copies, 'diagnostics du long document', 30000);
      const last = diagnostics.filter((diagnostic) => codeOf(diagnostic) === 'temps-futur').at(-1)!;
      assert.equal(long.document.getText(last.range), 'permettra');
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', long.document.uri, last.range.start);
      assert.ok(hovers.length > 0, 'pas de survol sur le long document');
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });

  it('« Fiche : nouvelle fiche produit » ouvre le modèle', async function () {
    await vscode.commands.executeCommand('fiche.newFiche');
    const document = vscode.window.activeTextEditor?.document;
    assert.equal(document?.languageId, 'fiche');
    assert.equal(document?.isUntitled, true);
    for (const heading of ['## Problème', '## Solution', '## Stratégie']) {
      assert.ok(document?.getText().includes(heading), heading);
    }
    assert.match(document!.getText(), /^---\ntitle: Nom du service\n---/);
  });

  it('« Fiche : ouvrir l’aperçu Markdown » ouvre l’aperçu', async function () {
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(workspaceFile('aidants.fiche.md')));
    await vscode.commands.executeCommand('fiche.openPreview');
    await waitForEvent(
      vscode.window.tabGroups.onDidChangeTabs,
      () =>
        vscode.window.tabGroups.all
          .flatMap((group) => group.tabs)
          .find((tab) => tab.input instanceof vscode.TabInputWebview && /markdown\.preview/.test(tab.input.viewType)),
      'onglet d’aperçu Markdown',
    );
  });

  it('garde le code compilé du serveur dans son stockage global, pour les démarrages suivants', async function () {
    this.timeout(20000);
    const { cacheDir } = api;
    assert.ok(cacheDir, 'stockage global hors du système de fichiers');
    // The server writes it 3 s after its start.
    const deadline = Date.now() + 10000;
    const written = () => fs.existsSync(cacheDir) && fs.readdirSync(cacheDir).some((name) => name.endsWith('.v8cache'));
    while (!written() && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    assert.ok(written(), `aucun cache dans ${cacheDir}`);
  });

  it('redémarre le serveur s’il meurt', async function () {
    const editor = await openFiche(workspaceText('aidants.fiche.md'));
    const uri = editor.document.uri;
    await waitForDiagnostics(uri, hasFutur, 'temps-futur');
    // The Node language client keeps its child process here; no public accessor exists.
    const pid = (api.client as unknown as { _serverProcess?: { pid?: number } })._serverProcess?.pid;
    assert.ok(pid, 'processus du serveur introuvable');
    const restarted = waitForEvent(
      api.client.onDidChangeState,
      () => ((api.client as unknown as { _serverProcess?: { pid?: number } })._serverProcess?.pid !== pid && api.client.isRunning()) || undefined,
      'redémarrage du serveur',
    );
    process.kill(pid, 'SIGKILL');
    await restarted;
    // A second future only the restarted server can report.
    await editor.edit((builder) => builder.insert(positionOf(editor.document, 'dans un cahier.', 15), ' Ils seront formés.'));
    await waitForDiagnostics(
      uri,
      (d) => d.filter((diagnostic) => codeOf(diagnostic) === 'temps-futur').length === 2,
      'diagnostics du serveur redémarré',
    );
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri);
    assert.equal(symbols.length, 3);
  });
});
