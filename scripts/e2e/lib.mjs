// Shared helpers for running the extension in code-server (VS Code 1.100.3 server + web
// workbench) driven by headless Debian Chromium through playwright-core. See docs/e2e.md.
//
// Everything a run writes (HOME, XDG folders, TMPDIR, user data, extensions, browser profile,
// logs) goes into one temporary folder per run, removed at the end unless FICHE_E2E_KEEP=1.
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const e2eHome = process.env.FICHE_E2E_HOME || path.join(repoRoot, 'node_modules/.cache/fiche-e2e');
export const codeServerEntry = path.join(e2eHome, 'node_modules/code-server/out/node/entry.js');
export const chromiumPath = process.env.FICHE_E2E_CHROMIUM || '/usr/bin/chromium';

const log = (...a) => console.log('[e2e]', ...a);

/** Runs scripts/e2e/install.sh (idempotent: ~0.5 s when already installed). */
export function ensureInstalled() {
  const r = spawnSync('bash', [path.join(repoRoot, 'scripts/e2e/install.sh')], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`scripts/e2e/install.sh failed (exit ${r.status})`);
}

export function loadPlaywright() {
  const require = createRequire(path.join(e2eHome, 'package.json'));
  return require('playwright-core');
}

/** A fresh folder for one run, with HOME/XDG/TMPDIR inside it, and the environment to use. */
export function makeRunDir(prefix = 'fiche-e2e-') {
  const base = fs.mkdtempSync(path.join(process.env.FICHE_E2E_TMP || os.tmpdir(), prefix));
  const dirs = {
    base,
    home: path.join(base, 'home'),
    config: path.join(base, 'xdg-config'),
    data: path.join(base, 'xdg-data'),
    cache: path.join(base, 'xdg-cache'),
    runtime: path.join(base, 'xdg-runtime'),
    tmp: path.join(base, 'tmp'),
    userData: path.join(base, 'user-data'),
    extensions: path.join(base, 'extensions'),
    browser: path.join(base, 'browser-profile'),
    logs: path.join(base, 'logs'),
  };
  for (const d of Object.values(dirs)) fs.mkdirSync(d, { recursive: true, mode: 0o700 });
  const env = {
    ...process.env,
    HOME: dirs.home,
    XDG_CONFIG_HOME: dirs.config,
    XDG_DATA_HOME: dirs.data,
    XDG_CACHE_HOME: dirs.cache,
    XDG_RUNTIME_DIR: dirs.runtime,
    TMPDIR: dirs.tmp,
  };
  // Variables that would make code-server or its extension host act as something else.
  for (const k of Object.keys(env)) {
    if (/^(VSCODE_|ELECTRON_RUN_AS_NODE$|NODE_OPTIONS$|npm_)/.test(k)) delete env[k];
  }
  const cleanup = () => {
    if (process.env.FICHE_E2E_KEEP === '1') log(`kept run folder ${base}`);
    else fs.rmSync(base, { recursive: true, force: true, maxRetries: 3 });
  };
  return { dirs, env, cleanup };
}

/** User settings that keep the workbench quiet and offline. */
export function writeUserSettings(userDataDir, extra = {}) {
  const dir = path.join(userDataDir, 'User');
  fs.mkdirSync(dir, { recursive: true });
  const settings = {
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'security.workspace.trust.enabled': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'git.enabled': false,
    'chat.disableAIFeatures': true,
    ...extra,
  };
  fs.writeFileSync(path.join(dir, 'settings.json'), JSON.stringify(settings, null, 2));
}

export async function freePort() {
  const srv = net.createServer();
  srv.listen(0, '127.0.0.1');
  await once(srv, 'listening');
  const { port } = srv.address();
  await new Promise((r) => srv.close(r));
  return port;
}

function codeServerArgs({ dirs, port, host = '127.0.0.1' }) {
  return [
    '--bind-addr', `${host}:${port}`,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    '--user-data-dir', dirs.userData,
    '--extensions-dir', dirs.extensions,
    '--config', path.join(dirs.config, 'code-server.yaml'),
  ];
}

/** `code-server --install-extension <vsix>` into the run's extensions folder (exits by itself). */
export function installVsix(run, vsix) {
  const r = spawnSync(process.execPath, [codeServerEntry, ...codeServerArgs({ dirs: run.dirs, port: 0 }).slice(2),
    '--install-extension', vsix], { env: run.env, encoding: 'utf8', timeout: 120_000 });
  const out = `${r.stdout}${r.stderr}`;
  if (r.status !== 0 || !/successfully installed/i.test(out)) {
    throw new Error(`code-server --install-extension failed (exit ${r.status}):\n${out}`);
  }
  return out.trim();
}

/**
 * Starts code-server in its own process group; resolves when /healthz answers.
 * Returns { port, origin, stop() }. stop() ends the whole group (SIGTERM, then SIGKILL).
 */
export async function startCodeServer(run, { port, host = '127.0.0.1', timeoutMs = 60_000, stdio } = {}) {
  port ??= await freePort();
  const logFile = path.join(run.dirs.logs, 'code-server.log');
  const out = fs.openSync(logFile, 'a');
  const child = spawn(process.execPath, [codeServerEntry, ...codeServerArgs({ dirs: run.dirs, port, host })], {
    env: run.env,
    cwd: run.dirs.home,
    detached: true, // own process group: stop() kills code-server and every child it started
    stdio: stdio ?? ['ignore', out, out],
  });
  fs.closeSync(out);
  let exited = null;
  child.on('exit', (code, signal) => { exited = { code, signal }; });
  const origin = `http://${host}:${port}`;
  const stop = async () => {
    if (exited) return;
    try { process.kill(-child.pid, 'SIGTERM'); } catch { /* gone */ }
    const deadline = Date.now() + 5000;
    while (!exited && Date.now() < deadline) await sleep(100);
    try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ }
  };
  registerCleanup(stop);
  // Watchdog: if this process dies without cleaning up (SIGKILL, CI timeout), end code-server's
  // group and remove the run folder. (dash's kill takes no `--`: "kill -TERM -PGID".)
  const removeDir = process.env.FICHE_E2E_KEEP === '1' ? '' : run.dirs.base;
  spawn('sh', ['-c', 'while kill -0 "$0" 2>/dev/null && kill -0 "$1" 2>/dev/null; do sleep 2; done; '
    + 'if kill -0 "$1" 2>/dev/null; then kill -TERM "-$1"; sleep 3; kill -KILL "-$1" 2>/dev/null; '
    + '[ -n "$2" ] && rm -rf "$2"; fi; exit 0',
  String(process.pid), String(child.pid), removeDir], { detached: true, stdio: 'ignore' }).unref();
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exited) throw new Error(`code-server exited early (${JSON.stringify(exited)}); log: ${logFile}\n${tail(logFile)}`);
    try {
      const res = await fetch(`${origin}/healthz`, { signal: AbortSignal.timeout(2000) });
      if (res.ok) break;
    } catch { /* not yet */ }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`code-server did not answer /healthz within ${timeoutMs} ms; log: ${logFile}\n${tail(logFile)}`);
    }
    await sleep(200);
  }
  return { port, origin, pid: child.pid, logFile, stop };
}

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
  '--no-default-browser-check',
];

/** Headless Debian Chromium with a fresh profile in the run folder. Returns a persistent context. */
export async function launchChromium(run, { viewport = { width: 1280, height: 800 } } = {}) {
  if (!fs.existsSync(chromiumPath)) throw new Error(`${chromiumPath} not found (apt-get install chromium)`);
  const { chromium } = loadPlaywright();
  const context = await chromium.launchPersistentContext(run.dirs.browser, {
    executablePath: chromiumPath,
    headless: true,
    args: chromiumArgs,
    env: run.env,
    viewport,
    timeout: 60_000,
  });
  registerCleanup(() => context.close().catch(() => {}));
  return context;
}

/** URL of the workbench on `folder`, with a payload (array of [key, value]) for the workbench. */
export function workbenchUrl(origin, { folder, payload = [] }) {
  const params = new URLSearchParams();
  if (folder) params.set('folder', folder);
  if (payload.length) params.set('payload', JSON.stringify(payload));
  return `${origin}/?${params.toString()}`;
}

/** `vscode-remote://host:port/abs/path`: what sends a path to the Node extension host side. */
export function remoteUri(origin, absPath) {
  const { host } = new URL(origin);
  return `vscode-remote://${host}${encodeURI(path.resolve(absPath))}`;
}

/** Builds the VSIX as `vsce package` does for a release (vscode:prepublish = production build). */
export function packageVsix(out) {
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.rmSync(out, { force: true });
  const r = spawnSync('npx', ['--no-install', '@vscode/vsce', 'package', '--no-dependencies', '--allow-missing-repository',
    '--no-rewrite-relative-links', '-o', out], { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  // vscode:prepublish left a minified build without source maps in dist/: put the dev build back.
  spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: repoRoot, stdio: 'inherit' });
  if (r.status !== 0 || !fs.existsSync(out)) throw new Error(`vsce package failed (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
  return out;
}

// --- Peak memory (PSS summed over this process's descendants), sampled while the run lasts.
export function memorySampler(intervalMs = 1000) {
  let peak = 0;
  const sample = () => {
    const children = new Map();
    for (const name of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(name)) continue;
      try {
        const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
        const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        if (!children.has(ppid)) children.set(ppid, []);
        children.get(ppid).push(Number(name));
      } catch { /* gone */ }
    }
    let total = 0;
    const stack = [...(children.get(process.pid) ?? [])];
    while (stack.length) {
      const pid = stack.pop();
      stack.push(...(children.get(pid) ?? []));
      try {
        const m = /^Pss:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
        if (m) total += Number(m[1]) * 1024;
      } catch { /* gone */ }
    }
    peak = Math.max(peak, total);
  };
  const timer = setInterval(sample, intervalMs);
  timer.unref();
  return { stop: () => { clearInterval(timer); sample(); return peak; }, get peak() { return peak; } };
}

// --- Cleanup on every way out (normal end, error, Ctrl+C, SIGTERM from runTests or CI).
const cleanups = [];
export function registerCleanup(fn) { cleanups.push(fn); }
export async function runCleanups() {
  while (cleanups.length) {
    const fn = cleanups.pop();
    try { await fn(); } catch { /* best effort */ }
  }
}
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => {
    log(`${sig}: stopping`);
    runCleanups().finally(() => process.exit(sig === 'SIGINT' ? 130 : 143));
  });
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export function tail(file, lines = 30) {
  try { return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n'); } catch { return ''; }
}

export function fmtBytes(n) { return `${(n / 2 ** 30).toFixed(2)} GiB`; }
