// The VS Code client: starts the fiche language server over IPC and registers the commands. No analysis here.
import * as vscode from 'vscode';
import {
  ExecuteCommandRequest,
  LanguageClient,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';

/** Server-side command applying every fix to a document (see server/src/server.ts). */
const SERVER_FIX_ALL = 'fiche.applyFixAll';
/** Custom request of the server: the method's checklist of a fiche. */
const CHECKLIST_REQUEST = 'fiche/checklist';
/** Name of the whole-template snippet in snippets/fiche.code-snippets. */
const TEMPLATE_SNIPPET = 'Fiche produit complète';

/** What the extension exports, for its own tests. */
export interface FicheApi {
  client: LanguageClient;
}

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<FicheApi> {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'fiche' }, { language: 'markdown', pattern: '**/*.fiche.md' }],
    // The team's `.ficherc.json` (read by the server as data): changes re-run the analysis.
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/.ficherc.json') },
    // Restart when the server dies: the default error handler restarts it up to 4 times in 3 minutes.
    connectionOptions: { maxRestartCount: 4 },
  };
  // The id "fiche" makes the client honour the `fiche.trace.server` setting.
  client = new LanguageClient('fiche', 'Fiche produit', serverOptions, clientOptions);
  const languageClient = client;
  context.subscriptions.push(
    vscode.commands.registerCommand('fiche.newFiche', () => newFiche(context)),
    vscode.commands.registerCommand('fiche.fixAll', (uri?: vscode.Uri) => fixAll(languageClient, uri)),
    vscode.commands.registerCommand('fiche.openPreview', (uri?: vscode.Uri) => openPreview(uri)),
    vscode.commands.registerCommand('fiche.restartServer', () => languageClient.restart()),
  );
  await client.start();
  context.subscriptions.push(statusItem(languageClient));
  return { client };
}

interface ChecklistSection {
  summary: string;
  items: { ok: boolean }[];
}

// The status bar item of the active fiche: how many of the method's checks pass ("Fiche 12/17").
function statusItem(languageClient: LanguageClient): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('fiche.checklist', vscode.StatusBarAlignment.Left, 10);
  item.name = 'Fiche produit : liste de contrôle';
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
    const sections = await languageClient
      .sendRequest<ChecklistSection[] | null>(CHECKLIST_REQUEST, { uri: document.uri.toString() })
      .catch(() => null);
    if (mine !== generation || !sections || sections.length === 0) {
      if (mine === generation) {
        item.hide();
      }
      return;
    }
    const items = sections.flatMap((section) => section.items);
    item.text = `$(checklist) Fiche ${items.filter((i) => i.ok).length}/${items.length}`;
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

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
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
async function fixAll(languageClient: LanguageClient, uri?: vscode.Uri): Promise<boolean> {
  const target = uri ?? vscode.window.activeTextEditor?.document.uri;
  if (!target) {
    void vscode.window.showInformationMessage('Ouvrez une fiche produit pour la corriger.');
    return false;
  }
  const result = (await languageClient.sendRequest(ExecuteCommandRequest.type, {
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
