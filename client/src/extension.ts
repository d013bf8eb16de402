// The desktop VS Code client: starts the fiche language server over IPC and registers the
// commands (shared with the web client in common.ts). No analysis here.
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { CLIENT_ID, CLIENT_NAME, clientOptions, registerCommands, statusItem } from './common';

/** What the extension exports, for its own tests. */
export interface FicheApi {
  client: LanguageClient;
}

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<FicheApi> {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    // A small young generation: the server analyses in short bursts and V8 would otherwise keep
    // grown semi-spaces for good (RSS with 50 fiches: 87 → 77 MB, scripts/bench-lsp.mjs).
    run: { module, transport: TransportKind.ipc, options: { execArgv: ['--max-semi-space-size=1'] } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  // The team's `.ficherc.json` (read by the server as data): changes re-run the analysis.
  const options = clientOptions({ synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/.ficherc.json') } });
  client = new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, options);
  registerCommands(context, client);
  await client.start();
  context.subscriptions.push(statusItem(client));
  return { client };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
