#!/usr/bin/env node
// `npm run demo`: a real VS Code in the browser, no desktop install needed. Builds the VSIX,
// installs it into a fresh code-server listening on 127.0.0.1, opens a copy of the example fiche
// and prints the URL. Ctrl+C stops everything and removes the demo's temporary folder.
//
// Options: --port <n>     (default 8080, or a free port if 8080 is taken)
//          --folder <dir> open this folder instead of a copy of examples/ (edits are then real)
//          --check        start, check that the page answers, stop (for CI)
// Reaching it from another machine: forward the port over SSH (ssh -L 8080:127.0.0.1:8080 …);
// code-server runs with --auth none, so it only listens on 127.0.0.1.
import fs from 'node:fs';
import path from 'node:path';
import net from 'node:net';
import {
  ensureInstalled, freePort, installVsix, packageVsix, makeRunDir, remoteUri, repoRoot, runCleanups, startCodeServer,
  workbenchUrl, writeUserSettings,
} from './e2e/lib.mjs';

const args = process.argv.slice(2);
const opt = (name, dflt) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : dflt; };
const checkOnly = args.includes('--check');
const log = (...a) => console.log('[demo]', ...a);

async function portFree(port) {
  return new Promise((resolve) => {
    const srv = net.createServer().once('error', () => resolve(false)).once('listening', () => srv.close(() => resolve(true)));
    srv.listen(port, '127.0.0.1');
  });
}

async function main() {
  ensureInstalled();
  const run = makeRunDir('fiche-demo-');
  process.on('exit', () => run.cleanup());
  const vsix = packageVsix(path.join(run.dirs.base, 'fiche-produit.vsix'));
  installVsix(run, vsix);
  writeUserSettings(run.dirs.userData, { 'workbench.colorTheme': 'Default Light Modern' });

  let folder = opt('--folder');
  if (folder) folder = path.resolve(folder);
  else {
    folder = path.join(run.dirs.base, 'exemples');
    fs.cpSync(path.join(repoRoot, 'examples'), folder, { recursive: true });
  }
  const fiche = fs.readdirSync(folder).find((f) => f.endsWith('.fiche.md'));

  const wanted = Number(opt('--port', 8080));
  const port = (await portFree(wanted)) ? wanted : await freePort();
  const server = await startCodeServer(run, { port });
  const url = workbenchUrl(server.origin, {
    folder,
    payload: fiche ? [['openFile', remoteUri(server.origin, path.join(folder, fiche))], ['skipWelcome', 'true']] : [],
  });

  if (checkOnly) {
    const res = await fetch(url);
    const ok = res.ok && /workbench/i.test(await res.text());
    log(ok ? `OK: ${server.origin} answers` : `FAIL: ${res.status}`);
    await runCleanups();
    return ok ? 0 : 1;
  }

  console.log(`
  Fiche produit — démo dans un vrai VS Code (code-server ${'4.100.3'}, VS Code 1.100.3)

    ${url}

  Dossier ouvert : ${folder}${opt('--folder') ? '' : ' (copie de examples/, effacée à l’arrêt)'}
  Journal : ${server.logFile}
  Ctrl+C pour arrêter.
`);
  await new Promise(() => {}); // until SIGINT/SIGTERM (lib.mjs stops code-server and exits)
  return 0;
}

main().then((c) => process.exit(c), async (err) => { console.error(err); await runCleanups(); process.exit(2); });
