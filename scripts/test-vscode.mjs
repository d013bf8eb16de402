#!/usr/bin/env node
// `npm run test:vscode`: runs the editor suite (test/vscode, compiled to out/test/vscode) in a real
// VS Code through @vscode/test-electron's runTests().
//   - desktop VS Code when it can be had (downloaded or cached by @vscode/test-electron), and a
//     display exists on Linux (e.g. under xvfb-run);
//   - otherwise (these machines: no route to VS Code's servers) the same runTests() call with
//     vscodeExecutablePath = scripts/e2e/vscode-shim.mjs, which runs the suite in code-server
//     driven by headless Chromium.
// Exit code 0 only when every test passed. See docs/e2e.md.
//
// Options: --suite <path to the suite's index.js> (default out/test/vscode/suite/index.js)
//          --workspace <folder>                    (default test/vscode/workspace)
//          --no-build                              (skip `npm run build` and `tsc -b`)
// Env: FICHE_VSCODE_HOST=auto|desktop|code-server (default auto), FICHE_VSCODE_VERSION (desktop,
//      default 1.100.3: the engines.vscode floor), and the FICHE_E2E_* of scripts/e2e/vscode-shim.mjs.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { runTests, downloadAndUnzipVSCode } = require('@vscode/test-electron');

const args = process.argv.slice(2);
const opt = (name, dflt) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : dflt; };
const suite = path.resolve(root, opt('--suite', 'out/test/vscode/suite/index.js'));
const workspace = path.resolve(root, opt('--workspace', 'test/vscode/workspace'));
const build = !args.includes('--no-build');
const t0 = Date.now();
const log = (...a) => console.log('[test:vscode]', ...a);

function sh(cmd, cmdArgs) {
  const r = spawnSync(cmd, cmdArgs, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) { log(`failed: ${cmd} ${cmdArgs.join(' ')}`); process.exit(r.status || 2); }
}

async function pickHost() {
  const wanted = process.env.FICHE_VSCODE_HOST || 'auto';
  if (wanted === 'code-server') return { host: 'code-server' };
  if (wanted !== 'auto' && wanted !== 'desktop') { log(`FICHE_VSCODE_HOST=${wanted}: expected auto, desktop or code-server`); process.exit(2); }
  if (wanted === 'auto' && process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    log('no display: using code-server + headless Chromium (set FICHE_VSCODE_HOST=desktop under xvfb-run for desktop VS Code)');
    return { host: 'code-server' };
  }
  try {
    const exe = await downloadAndUnzipVSCode({ version: process.env.FICHE_VSCODE_VERSION || '1.100.3', timeout: 15_000 });
    return { host: 'desktop', exe };
  } catch (err) {
    if (wanted === 'desktop') { log(`desktop VS Code unavailable: ${err.message}`); process.exit(2); }
    log(`desktop VS Code unavailable (${err.message}): using code-server + headless Chromium`);
    return { host: 'code-server' };
  }
}

async function main() {
  if (build) {
    sh('npm', ['run', '--silent', 'build']);
    sh('npx', ['tsc', '-b']);
  }
  if (!fs.existsSync(suite)) { log(`suite not found: ${suite} (compile test/vscode with \`npx tsc -b\`)`); return 2; }
  if (!fs.existsSync(workspace)) { log(`workspace not found: ${workspace}`); return 2; }

  const { host, exe } = await pickHost();
  let vscodeExecutablePath = exe;
  if (host === 'code-server') {
    sh('bash', ['scripts/e2e/install.sh']);
    vscodeExecutablePath = path.join(root, 'scripts/e2e/vscode-shim.mjs');
  }
  log(`host: ${host}; suite: ${path.relative(root, suite)}; workspace: ${path.relative(root, workspace)}`);
  const tRun = Date.now();
  let code;
  try {
    code = await runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath: root,
      extensionTestsPath: suite,
      launchArgs: [workspace, '--disable-extensions'],
      extensionTestsEnv: { FICHE_VSCODE_HOST: host },
    });
  } catch (err) {
    code = typeof err?.code === 'number' ? err.code : 1;
    if (!code) code = 1;
  }
  log(`${code === 0 ? 'PASS' : 'FAIL'} (exit ${code}); run ${((Date.now() - tRun) / 1000).toFixed(1)} s, total ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return code;
}

main().then((c) => process.exit(c), (err) => { console.error(err); process.exit(2); });
