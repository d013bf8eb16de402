// What the desktop (extension.ts) and web (browser.ts) clients share: the client options, the
// commands and the checklist status bar item. Only the way the server is started differs.
import * as vscode from 'vscode';
import { ExecuteCommandRequest, type BaseLanguageClient, type LanguageClientOptions } from 'vscode-languageclient';

/** Server-side command applying every fix to a document (see server/src/handlers.ts). */
const SERVER_FIX_ALL = 'fiche.applyFixAll';
/** Custom request of the server: the method's checklist of a fiche. */
const CHECKLIST_REQUEST = 'fiche/checklist';
/** Name of the whole-template snippet in snippets/fiche.code-snippets. */
const TEMPLATE_SNIPPET = 'Fiche produit complète';

/** The client's id ("fiche" makes it honour the `fiche.trace.server` setting) and its name. */
export const CLIENT_ID = 'fiche';
export const CLIENT_NAME = 'Fiche produit';

/** The options both clients use; `extra` adds what only one of them has. */
export function clientOptions(extra: Partial<LanguageClientOptions> = {}): LanguageClientOptions {
  return {
    documentSelector: [{ language: 'fiche' }, { language: 'markdown', pattern: '**/*.fiche.md' }],
    // Restart when the server dies: the default error handler restarts it up to 4 times in 3 minutes.
    connectionOptions: { maxRestartCount: 4 },
    ...extra,
  };
}

/** Registers the extension's commands (the same in both clients: package.json `contributes.commands`). */
export function registerCommands(context: vscode.ExtensionContext, client: BaseLanguageClient): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('fiche.newFiche', () => newFiche(context)),
    vscode.commands.registerCommand('fiche.fixAll', (uri?: vscode.Uri) => fixAll(client, uri)),
    vscode.commands.registerCommand('fiche.openPreview', (uri?: vscode.Uri) => openPreview(uri)),
    vscode.commands.registerCommand('fiche.restartServer', () => restart(client)),
  );
}

// The Node client restarts its process; the browser client has no restart(): stop, then start a new worker.
async function restart(client: BaseLanguageClient & { restart?(): Promise<void> }): Promise<void> {
  if (client.restart) {
    return client.restart();
  }
  await client.stop();
  await client.start();
}

interface ChecklistSection {
  summary: string;
  items: { ok: boolean }[];
}

/** The status bar item of the active fiche: how many of the method's checks pass ("Fiche 12/17"). */
export function statusItem(client: BaseLanguageClient): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('fiche.checklist', vscode.StatusBarAlignment.Left, 10);
  item.name = vscode.l10n.t('Product fiche: checklist');
  item.command = 'workbench.actions.view.problems';
  let generation = 0;
  const update = async (): Promise<void> => {
    const mine = ++generation;
    const document = vscode.window.activeTextEditor?.document;
    const isFiche = document !== undefined && (document.languageId === 'fiche' || document.uri.path.endsWith('.fiche.md'));
    if (!isFiche) {
      item.hide();
      return;
    }
    const sections = await client
      .sendRequest<ChecklistSection[] | null>(CHECKLIST_REQUEST, { uri: document.uri.toString() })
      .catch(() => null);
    if (mine !== generation || !sections || sections.length === 0) {
      if (mine === generation) {
        item.hide();
      }
      return;
    }
    const items = sections.flatMap((section) => section.items);
    item.text = `$(checklist) ${vscode.l10n.t('Fiche {0}/{1}', items.filter((i) => i.ok).length, items.length)}`;
    item.tooltip = sections.map((section) => section.summary).join('\n');
    item.show();
  };
  const refresh = (): void => void update();
  refresh();
  return vscode.Disposable.from(
    item,
    vscode.window.onDidChangeActiveTextEditor(refresh),
    vscode.languages.onDidChangeDiagnostics((event) => {
      const active = vscode.window.activeTextEditor?.document.uri.toString();
      if (event.uris.some((uri) => uri.toString() === active)) {
        refresh();
      }
    }),
  );
}

// Opens an untitled fiche filled with the template snippet (tab stops on the name, then the Problème).
async function newFiche(context: vscode.ExtensionContext): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument({ language: 'fiche', content: '' });
  const editor = await vscode.window.showTextDocument(document);
  await editor.insertSnippet(new vscode.SnippetString(await templateSnippet(context)));
  return editor;
}

async function templateSnippet(context: vscode.ExtensionContext): Promise<string> {
  const file = vscode.Uri.joinPath(context.extensionUri, 'snippets', 'fiche.code-snippets');
  const snippets = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(file))) as Record<
    string,
    { body: string | string[] }
  >;
  const body = snippets[TEMPLATE_SNIPPET].body;
  return Array.isArray(body) ? body.join('\n') : body;
}

// Asks the server to apply every fix to the given (or active) fiche.
async function fixAll(client: BaseLanguageClient, uri?: vscode.Uri): Promise<boolean> {
  const target = uri ?? vscode.window.activeTextEditor?.document.uri;
  if (!target) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a product fiche to fix it.'));
    return false;
  }
  const result = (await client.sendRequest(ExecuteCommandRequest.type, {
    command: SERVER_FIX_ALL,
    arguments: [target.toString()],
  })) as { applied?: boolean } | null;
  return result?.applied === true;
}

// The Markdown preview of a fiche, beside the editor (VS Code's own preview, which a `fiche` file would otherwise lose).
async function openPreview(uri?: vscode.Uri): Promise<void> {
  const target = uri ?? vscode.window.activeTextEditor?.document.uri;
  await vscode.commands.executeCommand('markdown.showPreviewToSide', target);
}
