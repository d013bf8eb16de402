// The desktop VS Code client: starts the fiche language server over IPC and registers the
// commands (shared with the web client in common.ts). No analysis here.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { CLIENT_ID, CLIENT_NAME, clientOptions, registerCommands, statusItem } from './common';

/** What the extension exports, for its own tests. */
export interface FicheApi {
  client: LanguageClient;
  /** Where the server keeps V8's compiled code between starts (undefined: no cache). */
  cacheDir: string | undefined;
}

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<FicheApi> {
  // dist/launch.js loads dist/server.js through V8's code cache, kept in the extension's global
  // storage (the user's, never the workspace's): later starts skip compiling the server.
  const module = context.asAbsolutePath('dist/launch.js');
  const cacheDir = context.globalStorageUri.scheme === 'file' ? path.join(context.globalStorageUri.fsPath, 'v8-cache') : undefined;
  const env = cacheDir === undefined ? process.env : { ...process.env, FICHE_CACHE_DIR: cacheDir };
  const serverOptions: ServerOptions = {
    // A small young generation: the server analyses in short bursts and V8 would otherwise keep
    // grown semi-spaces for good (RSS with 50 fiches: 87 → 77 MB, scripts/bench-lsp.mjs).
    run: { module, transport: TransportKind.ipc, options: { execArgv: ['--max-semi-space-size=1'], env } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'], env } },
  };
  // The team's `.ficherc.json` (read by the server as data): changes re-run the analysis.
  const options = clientOptions({ synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/.ficherc.json') } });
  client = new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, options);
  registerCommands(context, client);
  await client.start();
  context.subscriptions.push(statusItem(client));
  return { client, cacheDir };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
