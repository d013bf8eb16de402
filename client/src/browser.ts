// The web client (vscode.dev, github.dev, code-server's web worker extension host): the same
// commands as on desktop, with the language server in a web worker. No `.ficherc.json` there.
import * as vscode from 'vscode';
import { BrowserMessageReader, BrowserMessageWriter, LanguageClient, type MessageTransports } from 'vscode-languageclient/browser';
import { CLIENT_ID, CLIENT_NAME, clientOptions, registerCommands, statusItem } from './common';

/** What the extension exports, for its own tests (as on desktop). */
export interface FicheApi {
  client: LanguageClient;
}

/** The constructor of the extension host's web workers (the client compiles without the DOM library). */
interface WorkerConstructor {
  new (url: string, options?: { name?: string }): ConstructorParameters<typeof BrowserMessageReader>[0];
}

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<FicheApi> {
  client = new LanguageClient(CLIENT_ID, CLIENT_NAME, () => connectWorker(context), clientOptions());
  registerCommands(context, client);
  await client.start();
  context.subscriptions.push(statusItem(client));
  return { client };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

// The transports to a new server worker. Built here rather than by the client: VS Code's web
// worker extension host replaces \`Worker\`, so the client's \`instanceof Worker\` test fails there.
async function connectWorker(context: vscode.ExtensionContext): Promise<MessageTransports> {
  const worker = await startWorker(context);
  return { reader: new BrowserMessageReader(worker), writer: new BrowserMessageWriter(worker) };
}

// The server's worker. vscode.dev serves extensions over https and the worker loads from its URL;
// a remote extension host (code-server) refuses workers from `vscode-remote:` URLs, so the script
// is then read through VS Code's file system and started from a blob URL.
async function startWorker(context: vscode.ExtensionContext) {
  const Worker = (globalThis as unknown as { Worker: WorkerConstructor }).Worker;
  const script = vscode.Uri.joinPath(context.extensionUri, 'dist', 'browser', 'server.js');
  if (script.scheme !== 'vscode-remote') {
    return new Worker(script.toString(true), { name: 'fiche-language-server' });
  }
  const code = await vscode.workspace.fs.readFile(script);
  const blob = new Blob([code], { type: 'text/javascript' });
  return new Worker(URL.createObjectURL(blob), { name: 'fiche-language-server' });
}
