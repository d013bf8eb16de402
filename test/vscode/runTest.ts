// Runs the VS Code suite with @vscode/test-electron: desktop VS Code where it can be downloaded,
// or any executable that takes VS Code's arguments (VSCODE_EXECUTABLE, e.g. the code-server shim).
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';

const ROOT = path.resolve(__dirname, '..', '..', '..');

async function main(): Promise<void> {
  const workspace = path.join(ROOT, 'test', 'vscode', 'workspace');
  try {
    await runTests({
      vscodeExecutablePath: process.env.VSCODE_EXECUTABLE || undefined,
      version: process.env.VSCODE_VERSION || undefined,
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: path.join(__dirname, 'suite', 'index'),
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
    });
  } catch (error) {
    console.error('Échec des tests VS Code :', error);
    process.exit(1);
  }
}

void main();
