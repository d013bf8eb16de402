#!/usr/bin/env node
// A `vscodeExecutablePath` for @vscode/test-electron's runTests() on machines that cannot download
// desktop VS Code: takes the arguments runTests gives VS Code and runs the same extension test
// suite in code-server (real VS Code 1.100.3 Node extension host) driven by headless Chromium.
//
//   runTests({ vscodeExecutablePath: 'scripts/e2e/vscode-shim.mjs', extensionDevelopmentPath,
//              extensionTestsPath, launchArgs: [workspace] })
//
// Understood: --extensionDevelopmentPath=… (repeatable), --extensionTestsPath=…, one positional
// folder or file (the workspace), --user-data-dir=…, --extensions-dir=… (ignored: a fresh one per
// run is used so runs stay isolated). Desktop-only flags (--no-sandbox, --disable-gpu-sandbox,
// --disable-updates, --skip-welcome, …) are ignored.
// The exit code is the one the workbench hands to window.codeAutomationExit: 0 when every test
// passed, 1 otherwise; 2 when the run could not be carried out; 124 on timeout.
// Env: FICHE_E2E_TIMEOUT (seconds, default 300), FICHE_E2E_KEEP=1 (keep the run folder),
// FICHE_E2E_VERBOSE=1 (all of the page's console), FICHE_E2E_MEMORY=1 (print peak memory).
import fs from 'node:fs';
import util from 'node:util';
import path from 'node:path';
import {
  fmtBytes, launchChromium, makeRunDir, memorySampler, remoteUri, runCleanups, startCodeServer,
  tail, workbenchUrl, writeUserSettings, codeServerEntry,
} from './lib.mjs';

const t0 = Date.now();
const log = (...a) => console.log('[vscode-shim]', ...a);

function parseArgs(argv) {
  const o = { devPaths: [], testsPath: undefined, workspace: undefined, ignored: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const eq = a.indexOf('=');
    const [key, val] = a.startsWith('--') && eq > 0 ? [a.slice(2, eq), a.slice(eq + 1)] : [a.startsWith('--') ? a.slice(2) : undefined, undefined];
    if (key === 'extensionDevelopmentPath') o.devPaths.push(val ?? argv[++i]);
    else if (key === 'extensionTestsPath') o.testsPath = val ?? argv[++i];
    else if (key === 'user-data-dir' || key === 'extensions-dir') { if (val === undefined) i++; o.ignored.push(a); }
    else if (key !== undefined) o.ignored.push(a);
    else if (!o.workspace) o.workspace = a;
    else o.ignored.push(a);
  }
  return o;
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (opts.ignored.includes('--version') || opts.ignored.includes('-v')) {
    console.log('1.100.3 (code-server shim)');
    return 0;
  }
  if (!opts.testsPath || opts.devPaths.length === 0) {
    console.error('vscode-shim: needs --extensionDevelopmentPath=… and --extensionTestsPath=…');
    return 2;
  }
  if (!fs.existsSync(codeServerEntry)) {
    console.error(`vscode-shim: code-server is not installed (${codeServerEntry}); run: bash scripts/e2e/install.sh`);
    return 2;
  }
  const timeoutMs = Number(process.env.FICHE_E2E_TIMEOUT || 300) * 1000;
  const verbose = process.env.FICHE_E2E_VERBOSE === '1';
  const mem = process.env.FICHE_E2E_MEMORY === '1' ? memorySampler(500) : null;

  const run = makeRunDir('fiche-vscode-');
  writeUserSettings(run.dirs.userData);
  let exitCode = 2;
  const counts = {};
  try {
    const server = await startCodeServer(run);
    log(`code-server ${server.origin} ready after ${Date.now() - t0} ms (pid group ${server.pid})`);

    const context = await launchChromium(run);
    const page = context.pages()[0] ?? (await context.newPage());

    let resolveResult;
    const result = new Promise((r) => { resolveResult = r; });
    // The workbench calls these when it runs extension tests (same hooks as VS Code's smoke tests).
    await page.exposeFunction('codeAutomationExit', (code, logs) => {
      if (Array.isArray(logs) && logs.length && verbose) for (const l of logs) console.log(String(l));
      resolveResult({ code: Number(code) });
    });
    // Everything the extension host prints (mocha's reporter, the suite's console.log) arrives here
    // with console-style format arguments; so does some workbench logging, filtered out unless
    // FICHE_E2E_VERBOSE=1.
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const text = util.format(...(Array.isArray(args) ? args : [args]));
      const m = /^\s*(\d+) (passing|failing|pending)\b/.exec(util.stripVTControlCharacters(text));
      if (m) counts[m[2]] = Number(m[1]);
      if (verbose || !isNoise(text)) console.log(text);
    });
    if (verbose) page.on('console', (msg) => console.log('[console]', msg.text()));
    page.on('pageerror', (err) => { if (verbose) console.log('[pageerror]', err.message); });
    page.on('crash', () => resolveResult({ code: 2, reason: 'page crashed' }));

    const payload = [
      ...opts.devPaths.map((p) => ['extensionDevelopmentPath', remoteUri(server.origin, p)]),
      ['extensionTestsPath', remoteUri(server.origin, opts.testsPath)],
      ['skipWelcome', 'true'],
      ['skipReleaseNotes', 'true'],
    ];
    const folder = opts.workspace ? path.resolve(opts.workspace) : undefined;
    const url = workbenchUrl(server.origin, { folder, payload });
    if (verbose) log('opening', url);
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
    if (verbose) log(`page loaded after ${Date.now() - t0} ms`);

    let timer;
    const timeout = new Promise((r) => { timer = setTimeout(() => r({ code: 124, reason: `no result after ${timeoutMs / 1000} s` }), timeoutMs); });
    const res = await Promise.race([result, timeout]);
    clearTimeout(timer);
    exitCode = res.code;
    log(`result ${res.code} after ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    if (res.reason) {
      log(`run failed: ${res.reason}`);
      console.log(tail(server.logFile, 40));
      const shot = path.join(process.env.FICHE_E2E_ARTIFACTS || path.join(run.dirs.base, '..'), `fiche-vscode-timeout-${process.pid}.png`);
      await page.screenshot({ path: shot }).then(() => log(`screenshot: ${shot}`), () => {});
    }
  } catch (err) {
    console.error('vscode-shim:', err?.stack || err);
    exitCode = 2;
  } finally {
    await runCleanups();
    run.cleanup();
  }
  if (counts.passing !== undefined || counts.failing !== undefined) {
    // The plain closing line CI reads, whatever the reporter printed above.
    console.log(`vscode: ${counts.passing ?? 0} passed, ${counts.failing ?? 0} failed${counts.pending ? `, ${counts.pending} skipped` : ''}`);
  }
  const peak = mem?.stop();
  log(`exit ${exitCode} after ${((Date.now() - t0) / 1000).toFixed(1)} s${peak ? `, peak memory (PSS) ${fmtBytes(peak)}` : ''}`);
  return exitCode;
}

// Mocha's reporter output, as the extension host forwards it to the page console. The rest of the
// page console (workbench noise: gallery 404s, vsda, …) only with FICHE_E2E_VERBOSE=1.
function isNoise(text) {
  return /^(Resolving connection token|Resolved connection token|Creating a socket|Updating additional builtin|\[Service Worker\]|ChatSessionStore|Started local extension host|Extension host \(|Overwriting extension|Creation of workbench contribution)/.test(text)
    || /open-vsx|vsda|workbench\.js|Failed to load resource/.test(text);
}

main().then((code) => process.exit(code), (err) => { console.error(err); process.exit(2); });
