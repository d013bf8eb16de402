// Helpers of the VS Code suite: wait on events (never on fixed sleeps), open fiches.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'fiche-produit.fiche-produit';
const WORKSPACE = path.resolve(__dirname, '..', '..', '..', '..', 'test', 'vscode', 'workspace');

/** A file of the test workspace. */
export function workspaceFile(name: string): vscode.Uri {
  return vscode.Uri.file(path.join(WORKSPACE, name));
}

/** The text of a file of the test workspace (as committed). */
export function workspaceText(name: string): string {
  return fs.readFileSync(path.join(WORKSPACE, name), 'utf8');
}

/** The rule id of a diagnostic (VS Code may wrap `code` in an object). */
export function codeOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return String(typeof code === 'object' && code !== null ? code.value : code);
}

/** Resolves with the document's diagnostics once `accept` takes them; rejects after `timeoutMs`. */
export function waitForDiagnostics(
  uri: vscode.Uri,
  accept: (diagnostics: vscode.Diagnostic[]) => boolean,
  what: string,
  timeoutMs = 15000,
): Promise<vscode.Diagnostic[]> {
  return waitForEvent(
    vscode.languages.onDidChangeDiagnostics,
    () => {
      const diagnostics = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'fiche');
      return accept(diagnostics) ? diagnostics : undefined;
    },
    what,
    timeoutMs,
  );
}

/** Resolves with `probe()` once it is defined, probing now and on every `event`. */
export function waitForEvent<E, T>(
  event: vscode.Event<E>,
  probe: () => T | undefined,
  what: string,
  timeoutMs = 15000,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`délai dépassé en attendant ${what}`));
    }, timeoutMs);
    const check = () => {
      const value = probe();
      if (value !== undefined) {
        clearTimeout(timer);
        subscription.dispose();
        resolve(value);
      }
    };
    const subscription = event(check);
    check();
  });
}

/** Opens an untitled fiche with `content` in an editor. */
export async function openFiche(content: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument({ language: 'fiche', content });
  return vscode.window.showTextDocument(document);
}

/** The position of the first occurrence of `search` (plus `delta` characters). */
export function positionOf(document: vscode.TextDocument, search: string, delta = 0): vscode.Position {
  const offset = document.getText().indexOf(search);
  assert.ok(offset >= 0, `« ${search} » absent`);
  return document.positionAt(offset + delta);
}

/** Closes every editor, discarding changes of untitled documents. */
export async function closeAll(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
