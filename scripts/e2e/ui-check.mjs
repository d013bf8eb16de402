#!/usr/bin/env node
// The packaged product, as a user gets it: builds the VSIX with @vscode/vsce, installs it into a
// fresh code-server (`--install-extension`), opens examples/exemple.fiche.md in headless Chromium
// and checks from the UI: warning squiggles in the editor, the Problems panel rows in French, the
// hover on a finding. Saves a screenshot (squiggles + hover + Problems) to docs/images/editeur.png
// (to .tmp/editeur.png when CI is set, so CI leaves the tracked image alone).
//
// Usage: node scripts/e2e/ui-check.mjs [--vsix <file>] [--screenshot <png>] [--no-screenshot]
// Exit 0 when every check passed, 1 when one failed, 2 when the run could not be carried out.
// Env: FICHE_E2E_KEEP=1 (keep the run folder), FICHE_E2E_VERBOSE=1.
import fs from 'node:fs';
import path from 'node:path';
import {
  ensureInstalled, installVsix, packageVsix, launchChromium, makeRunDir, memorySampler, fmtBytes, remoteUri, repoRoot,
  runCleanups, startCodeServer, workbenchUrl, writeUserSettings,
} from './lib.mjs';

const args = process.argv.slice(2);
const opt = (name, dflt) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : dflt; };
const screenshot = args.includes('--no-screenshot') ? null : path.resolve(repoRoot, opt('--screenshot', process.env.CI ? '.tmp/editeur.png' : 'docs/images/editeur.png'));
const example = path.join(repoRoot, 'examples/exemple.fiche.md');
const verbose = process.env.FICHE_E2E_VERBOSE === '1';
const t0 = Date.now();
const log = (...a) => console.log('[ui-check]', ...a);
const secs = () => `${((Date.now() - t0) / 1000).toFixed(1)} s`;

const results = [];
function check(name, ok, detail = '') {
  results.push({ name, ok });
  console.log(`  ${ok ? '✔' : '✘'} ${name}${detail ? ` — ${detail}` : ''}`);
  return ok;
}

async function main() {
  if (!fs.existsSync(example)) { log(`missing ${example}`); return 2; }
  ensureInstalled();
  const mem = memorySampler(500);
  const run = makeRunDir('fiche-ui-');
  let code = 2;
  try {
    const vsix = opt('--vsix') ? path.resolve(opt('--vsix')) : packageVsix(path.join(run.dirs.base, 'fiche-produit.vsix'));
    log(`VSIX ${path.basename(vsix)} (${(fs.statSync(vsix).size / 1024).toFixed(0)} KB) ready at ${secs()}`);

    writeUserSettings(run.dirs.userData, {
      'workbench.colorTheme': 'Default Light Modern',
      'editor.fontSize': 15,
      'editor.minimap.enabled': false,
      'window.commandCenter': false,
      'workbench.layoutControl.enabled': false,
      'breadcrumbs.enabled': false,
      'editor.hover.delay': 200,
    });
    const installed = installVsix(run, vsix);
    if (verbose) console.log(installed);
    const ext = fs.readdirSync(run.dirs.extensions).filter((d) => d.startsWith('fiche-produit.'));
    check('code-server --install-extension installs the VSIX', ext.length === 1, ext.join(', '));

    // The example fiche, copied into a workspace of the run so that nothing is written in the repo.
    const ws = path.join(run.dirs.base, 'workspace');
    fs.mkdirSync(ws);
    const fiche = path.join(ws, path.basename(example));
    fs.copyFileSync(example, fiche);

    const server = await startCodeServer(run);
    const context = await launchChromium(run, { viewport: { width: 1280, height: 860 } });
    const page = context.pages()[0] ?? (await context.newPage());
    if (verbose) page.on('console', (m) => console.log('[console]', m.text()));
    const url = workbenchUrl(server.origin, {
      folder: ws,
      payload: [['openFile', remoteUri(server.origin, fiche)], ['skipWelcome', 'true'], ['skipReleaseNotes', 'true']],
    });
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
    await page.locator('.monaco-editor .view-lines').first().waitFor({ timeout: 60_000 });
    log(`editor open at ${secs()}`);

    // 1. Squiggles.
    const squiggles = page.locator('.monaco-editor .squiggly-warning');
    await squiggles.first().waitFor({ state: 'attached', timeout: 60_000 }).catch(() => {});
    const nSquiggles = await squiggles.count();
    check('warning squiggles in the editor', nSquiggles >= 3, `${nSquiggles} .squiggly-warning`);
    const langLabel = await page.locator('.statusbar [id="status.editor.mode"]').innerText().catch(() => '?');
    check('the file is in the fiche language', /fiche/i.test(langLabel), `status bar: ${langLabel.trim()}`);

    // 2. The Problems panel (Ctrl+Shift+M), rows in French with their rule ids.
    await page.locator('.monaco-editor .view-lines').first().click();
    await page.keyboard.press('Control+Shift+M');
    const rows = page.locator('.markers-panel .monaco-list-row');
    await rows.first().waitFor({ timeout: 30_000 }).catch(() => {});
    await page.waitForTimeout(500);
    const rowTexts = (await rows.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
    for (const t of rowTexts) console.log(`      | ${t}`);
    const findings = rowTexts.filter((t) => /temps-futur|temps-conditionnel|nom-generique/.test(t));
    check('Problems panel lists the findings with their rule ids', findings.length >= 4, `${findings.length} rows with a rule id, ${rowTexts.length} rows`);
    check('Problems panel rows are in French', findings.some((t) => /« permettra » est au futur/.test(t)) && findings.every((t) => /[«»éèàç]|présent|Nommez/.test(t)));

    // 3. The hover on a finding: scroll the Solution to the top, put the mouse on « permettra ».
    const editorLines = page.locator('.monaco-editor .view-lines').first();
    await editorLines.click();
    const lineHeight = (await page.locator('.monaco-editor .view-line').first().boundingBox())?.height || 20;
    const eb = await editorLines.boundingBox();
    await page.mouse.move(eb.x + 200, eb.y + 100);
    await page.mouse.wheel(0, 11 * lineHeight);
    await page.waitForTimeout(500);
    let hoverText = '';
    const boxes = [];
    for (let i = 0; i < nSquiggles; i++) {
      const b = await squiggles.nth(i).boundingBox();
      if (b && b.width > 0) boxes.push(b);
    }
    boxes.sort((a, b) => a.y - b.y || a.x - b.x);
    for (const b of boxes) {
      await page.mouse.move(5, 5);
      await page.waitForTimeout(300);
      await page.mouse.move(b.x + Math.min(b.width / 2, 30), b.y + b.height / 2 - 3, { steps: 4 });
      const hover = page.locator('.monaco-hover:not(.hidden) .monaco-hover-content, .monaco-hover:not(.hidden) .hover-contents').first();
      try {
        await hover.waitFor({ state: 'visible', timeout: 5000 });
        await page.waitForTimeout(400);
        hoverText = (await page.locator('.monaco-hover:not(.hidden)').first().innerText()).replace(/\s+/g, ' ').trim();
      } catch { hoverText = ''; }
      if (/« permettra »/.test(hoverText)) break;
    }
    check('hover on « permettra » explains the rule in French',
      /« permettra » est au futur/.test(hoverText) && /temps-futur/.test(hoverText) && /présent/.test(hoverText), hoverText.slice(0, 200));

    if (screenshot) {
      fs.mkdirSync(path.dirname(screenshot), { recursive: true });
      await page.screenshot({ path: screenshot });
      log(`screenshot ${path.relative(repoRoot, screenshot)}`);
    }
    code = results.every((r) => r.ok) ? 0 : 1;
  } catch (err) {
    console.error('ui-check:', err?.stack || err);
    code = 2;
  } finally {
    await runCleanups();
    run.cleanup();
  }
  const passed = results.filter((r) => r.ok).length;
  console.log(`ui: ${passed} passed, ${results.length - passed} failed`);
  log(`exit ${code} after ${secs()}, peak memory (PSS) ${fmtBytes(mem.stop())}`);
  return code;
}

main().then((c) => process.exit(c), (err) => { console.error(err); process.exit(2); });
