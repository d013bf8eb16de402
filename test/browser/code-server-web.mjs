#!/usr/bin/env node
// The web extension in VS Code's *web worker* extension host, as on vscode.dev: code-server 4.100.3
// (VS Code 1.100.3) with this repository as the development extension, forced to the web worker
// host (`extensionDevelopmentKind: web`, so `browser: dist/browser/client.js` runs and starts
// `dist/browser/server.js` in a worker), headless Chromium opening examples/exemple.fiche.md.
// Checks from the UI: squiggles, the checklist in the status bar; and that no Node language
// server process was started. Run by `node scripts/test-browser.mjs --code-server`.
// Exit 0 pass, 1 a check failed, 2 could not run. Needs `bash scripts/e2e/install.sh` (docs/e2e.md).
import fs from 'node:fs';
import path from 'node:path';
import {
  chromiumPath, codeServerEntry, launchChromium, makeRunDir, remoteUri, repoRoot, runCleanups, startCodeServer, workbenchUrl,
  writeUserSettings,
} from '../../scripts/e2e/lib.mjs';

const t0 = Date.now();
const secs = () => `${((Date.now() - t0) / 1000).toFixed(1)} s`;
const log = (...a) => console.log('[code-server-web]', ...a);
const results = [];
function check(name, ok, detail = '') {
  results.push(ok);
  console.log(`  ${ok ? '✔' : '✘'} ${name}${detail ? ` — ${detail}` : ''}`);
}

// Command lines of the processes under `pid` (code-server's extension hosts, language servers…).
function descendants(pid) {
  const children = new Map();
  for (const name of fs.readdirSync('/proc').filter((n) => /^\d+$/.test(n))) {
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
    } catch {
      // gone
    }
  }
  const out = [];
  const stack = [...(children.get(pid) ?? [])];
  while (stack.length) {
    const p = stack.pop();
    stack.push(...(children.get(p) ?? []));
    try {
      out.push(fs.readFileSync(`/proc/${p}/cmdline`, 'utf8').replace(/\0/g, ' '));
    } catch {
      // gone
    }
  }
  return out;
}

async function main() {
  if (!fs.existsSync(chromiumPath) || !fs.existsSync(codeServerEntry)) {
    log(`skipped: ${!fs.existsSync(chromiumPath) ? chromiumPath : codeServerEntry} absent (bash scripts/e2e/install.sh)`);
    return 0;
  }
  if (!fs.existsSync(path.join(repoRoot, 'dist/browser/client.js'))) {
    log('dist/browser/client.js absent: npm run build');
    return 2;
  }
  const run = makeRunDir('fiche-web-');
  let code = 2;
  try {
    // The payload's `extensionDevelopmentKind` is not read by VS Code 1.100's web workbench (its
    // environment exposes it under another name), so the kind comes from the user setting instead.
    writeUserSettings(run.dirs.userData, {
      'workbench.colorTheme': 'Default Light Modern',
      'editor.minimap.enabled': false,
      'remote.extensionKind': { 'fiche-produit.fiche-produit': ['web'] },
    });
    const ws = path.join(run.dirs.base, 'workspace');
    fs.mkdirSync(ws);
    const fiche = path.join(ws, 'exemple.fiche.md');
    fs.copyFileSync(path.join(repoRoot, 'examples/exemple.fiche.md'), fiche);

    const server = await startCodeServer(run);
    const context = await launchChromium(run);
    const page = context.pages()[0] ?? (await context.newPage());
    const consoleLines = [];
    page.on('console', (m) => consoleLines.push(m.text()));
    const url = workbenchUrl(server.origin, {
      folder: ws,
      payload: [
        ['extensionDevelopmentPath', remoteUri(server.origin, repoRoot)],
        ['extensionDevelopmentKind', 'web'],
        ['openFile', remoteUri(server.origin, fiche)],
        ['skipWelcome', 'true'],
        ['skipReleaseNotes', 'true'],
      ],
    });
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
    await page.locator('.monaco-editor .view-lines').first().waitFor({ timeout: 60_000 });
    log(`editor open at ${secs()}`);
    const opened = Date.now();

    const squiggles = page.locator('.monaco-editor .squiggly-warning');
    await squiggles.first().waitFor({ state: 'attached', timeout: 60_000 }).catch(() => {});
    const n = await squiggles.count();
    check('warning squiggles from the browser language server', n >= 3, `${n} .squiggly-warning, ${((Date.now() - opened) / 1000).toFixed(1)} s after the editor opened`);
    const status = page.locator('.statusbar-item', { hasText: /Fiche \d+\/\d+/ }).first();
    const statusText = await status.innerText({ timeout: 20_000 }).catch(() => '');
    check('checklist in the status bar (custom request fiche/checklist)', /Fiche \d+\/\d+/.test(statusText), statusText.trim());
    // The commands, with their titles from package.nls.json (English UI here: no language pack).
    await page.locator('.monaco-editor .view-lines').first().click();
    await page.keyboard.press('F1');
    await page.keyboard.type('Fiche:', { delay: 20 });
    const rows = page.locator('.quick-input-list .monaco-list-row');
    await rows.first().waitFor({ timeout: 20_000 }).catch(() => {});
    await page.waitForTimeout(300);
    const titles = (await rows.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
    check('commands titled from package.nls.json', titles.some((t) => /Fiche: New product fiche/.test(t)) && titles.every((t) => !/%command\./.test(t)), titles.join(' | '));
    await page.keyboard.press('Escape');
    // The walkthrough (contributes.walkthroughs), listed by "Welcome: Open Walkthrough...".
    await page.keyboard.press('F1');
    await page.keyboard.type('Open Walkthrough', { delay: 20 });
    await page.waitForTimeout(500);
    await page.keyboard.press('Enter');
    await page.waitForTimeout(1000);
    const walkthroughs = (await rows.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
    check('walkthrough « Write a product fiche » offered', walkthroughs.some((t) => /Write a product fiche/.test(t)), walkthroughs.slice(0, 6).join(' | '));
    await page.keyboard.press('Escape');
    const nodeServers = descendants(server.pid).filter((cmd) => /dist\/server\.js/.test(cmd));
    check('no Node language server process (the web worker host ran dist/browser/)', nodeServers.length === 0, nodeServers.join(' | '));
    const hostLines = consoleLines.filter((l) => /fiche|worker extension host|Creating workers/i.test(l));
    for (const l of hostLines.slice(0, 10)) {
      console.log(`      | ${l.slice(0, 200)}`);
    }
    if (process.env.FICHE_E2E_SCREENSHOT) {
      await page.screenshot({ path: process.env.FICHE_E2E_SCREENSHOT });
    }
    code = results.every(Boolean) ? 0 : 1;
  } catch (err) {
    console.error('code-server-web:', err?.stack || err);
    code = 2;
  } finally {
    await runCleanups();
    run.cleanup();
  }
  log(`${results.filter(Boolean).length} passed, ${results.filter((r) => !r).length} failed; exit ${code} after ${secs()}`);
  return code;
}

main().then((c) => process.exit(c), (err) => { console.error(err); process.exit(2); });
