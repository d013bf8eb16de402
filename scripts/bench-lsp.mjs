// Language server benchmark (`npm run bench:lsp`), over stdio as an editor drives it:
// - cold start: spawn `fiche-language-server --stdio`, initialize, open a real ~3 KB fiche, wait for
//   its publishDiagnostics (budget 300 ms); next to the floor of a bare `node -e ""` start;
// - typing on the 3 KB fiche and on a 500 KB document made of real fiches: bursts of keystrokes
//   (incremental didChange, 35 ms apart, each followed by the code action request an editor sends
//   for the cursor, the previous one cancelled), pauses of varying length in between; measured:
//   time from the burst's last didChange to the publishDiagnostics of that version, beyond the
//   150 ms debounce (budget p95 ≤ 30 ms on 3 KB). On the 500 KB document also: publications of a
//   stale version (received after the client had already sent a newer one), and the latency of a
//   small request on another document while typing (the server must never be blocked for long);
//   a queue that grows would show as a growing final latency;
// - a request on a small fiche while a 500 KB document is being analysed: the 500 KB document is
//   opened (analysed at once), and a documentSymbol request on the small fiche is sent every 10 ms
//   until its diagnostics arrive; their latencies (analyses in the server's thread block them;
//   in the worker thread, not). FICHE_ANALYSIS_WORKER=off measures the inline analysis;
// - the worker's threshold (in process, the core bundled from the sources): analysis time of
//   documents of 16 K to 128 K characters made of real fiches, and the cost of the copies to and
//   from the worker (v8 serialize / deserialize of the data it sends back);
// - RSS of the server with 50 real fiches open (budget 80 MB).
// Medians of several runs (each run a fresh server). The machine's load average is printed: the
// machine is shared, wall times under load are longer than on an idle one; the server's CPU time
// is shown next to them.
// Options: --quick (fewer runs), --strict (exit 1 over budget), --only=cold,typing,big,during,threshold,rss.
// Env: FICHE_SERVER_BIN (another build), FICHE_SERVER_NODE_ARGS (flags for the server's node,
// e.g. "--cpu-prof"), FICHE_CORPUS (the fiches, read in place; generated text when absent).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import v8 from 'node:v8';
import rpc from 'vscode-jsonrpc/node';
import { load as loadBundle } from './lib/bundle.mjs';
import { bigDocument as concatenated, median } from './lib/measure.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = process.env.FICHE_SERVER_BIN ?? path.join(root, 'bin', 'fiche-language-server.js');
const nodeArgs = (process.env.FICHE_SERVER_NODE_ARGS ?? '').split(/\s+/).filter(Boolean);
const corpus = path.resolve(process.env.FICHE_CORPUS ?? path.join(root, '../shared/corpus/beta-gouv-startups'));
const quick = process.argv.includes('--quick');
const strict = process.argv.includes('--strict');
const onlyArg = process.argv.find((arg) => arg.startsWith('--only='));
const only = onlyArg ? new Set(onlyArg.slice('--only='.length).split(',')) : undefined;
const wanted = (part) => !only || only.has(part);

/** Must match CHANGE_DEBOUNCE_MS in server/src/handlers.ts. */
const DEBOUNCE_MS = 150;
const KEYSTROKE_MS = 35;
const BUDGETS = { coldMs: 300, typingP95Ms: 30, rssMB: 80 };
const RUNS = {
  cold: quick ? 5 : 11,
  typing: quick ? 2 : 3,
  bursts: quick ? 15 : 30,
  big: quick ? 2 : 3,
  bigBursts: quick ? 10 : 20,
  rss: quick ? 1 : 3,
  during: quick ? 2 : 3,
  duringOpens: quick ? 4 : 6,
};

const corpusFiles = fs.existsSync(corpus)
  ? fs.readdirSync(corpus).filter((f) => f.endsWith('.md')).sort().map((f) => path.join(corpus, f))
  : [];

// ---------------------------------------------------------------------------------------------
// Helpers

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};
const ms = (value) => (Number.isFinite(value) ? `${value.toFixed(value < 10 ? 1 : 0)} ms` : '—');
const sleep = (delay) => new Promise((resolve) => setTimeout(resolve, delay));

/** A seeded pseudo-random generator: the same edits on every run and machine (the stress test's). */
const { random } = loadBundle('bench-lsp-random', 'test/helpers/random.ts');

/** User + system CPU time of a process so far, in ms (Linux /proc), or undefined elsewhere. */
function cpuTimeMs(pid) {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return undefined;
  }
}

/** Resident memory (and its peak) of a process, in MB (Linux /proc), or undefined elsewhere. */
function memoryMB(pid) {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const field = (name) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)[1]) / 1024;
    return { rss: field('VmRSS'), peak: field('VmHWM') };
  } catch {
    return undefined;
  }
}

function machine() {
  const cpus = os.cpus();
  return `${cpus.length} × ${cpus[0]?.model ?? '?'}, ${(os.totalmem() / 2 ** 30).toFixed(1)} Go, Node ${process.version}, ${os.type()} ${os.release()}`;
}
const load = () => os.loadavg().map((value) => value.toFixed(2)).join(' / ');

// ---------------------------------------------------------------------------------------------
// Documents (real fiches from the corpus, read in place; generated text when absent)

function smallFiche() {
  const sized = corpusFiles.map((file) => ({ file, size: fs.statSync(file).size }));
  const best = sized.sort((a, b) => Math.abs(a.size - 3072) - Math.abs(b.size - 3072))[0];
  if (best) {
    return { text: fs.readFileSync(best.file, 'utf8'), source: path.basename(best.file) };
  }
  return { text: generatedFiche(0, 3000), source: 'fiche synthétique' };
}

function generatedFiche(n, size) {
  const paragraph =
    `Grâce à Aide Facile ${n}, les familles découvrent en cinq minutes les aides auxquelles elles ont droit, ` +
    'plutôt que de remplir des dossiers au hasard. Le service permettra aux agents de préparer les rendez-vous.\n\n';
  let text = `---\ntitle: Aide Facile ${n}\n---\n\n## Problème\n\n120 000 familles renoncent chaque année à une aide.\n\n## Solution\n\n`;
  while (text.length < size - 60) {
    text += paragraph;
  }
  return `${text}## Stratégie\n\nDeux caisses pilotes.\n`;
}

/** Real fiches concatenated (cycling through the corpus) up to `bytes`, as scripts/bench.mjs does. */
const bigDocument = (bytes) => concatenated(corpusFiles, bytes, (i) => generatedFiche(i, 3000));

/** 50 different fiches (real ones when the corpus is there). */
function manyFiches(count) {
  const texts = corpusFiles.slice(0, count).map((file) => fs.readFileSync(file, 'utf8'));
  for (let i = texts.length; i < count; i++) {
    texts.push(generatedFiche(i, 3000));
  }
  return texts;
}

// ---------------------------------------------------------------------------------------------
// A minimal editor: spawns the server, keeps its documents, times the publications

class Editor {
  constructor(env = {}) {
    this.start = performance.now();
    this.child = spawn(process.execPath, [...nodeArgs, bin, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'], env: { ...process.env, ...env } });
    this.connection = rpc.createMessageConnection(
      new rpc.StreamMessageReader(this.child.stdout),
      new rpc.StreamMessageWriter(this.child.stdin),
    );
    /** uri → { text, version, sent: [{ version, at }] } */
    this.documents = new Map();
    /** uri → [{ version, at, count }] */
    this.publications = new Map();
    this.waiters = new Set();
    this.nextRequestId = 0;
    this.connection.onNotification('textDocument/publishDiagnostics', (params) => {
      const list = this.publications.get(params.uri) ?? [];
      list.push({ version: params.version, at: performance.now(), count: params.diagnostics.length });
      this.publications.set(params.uri, list);
      for (const waiter of [...this.waiters]) {
        waiter();
      }
    });
    this.connection.onRequest('workspace/configuration', (params) => params.items.map(() => ({ rules: {} })));
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onNotification('window/showMessage', () => undefined);
    this.connection.onNotification('window/logMessage', () => undefined);
    this.connection.listen();
  }

  async initialize() {
    await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: {
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, workspaceEdit: { documentChanges: true } },
        textDocument: { publishDiagnostics: { versionSupport: true }, codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } } },
      },
    });
    this.initializedAt = performance.now();
    await this.connection.sendNotification('initialized', {});
  }

  async open(uri, text) {
    this.documents.set(uri, { text, version: 1, sent: [{ version: 1, at: performance.now() }] });
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'fiche', version: 1, text } });
  }

  /** Replaces [start, end) (UTF-16 offsets) by `newText`, sent as one incremental change. */
  async change(uri, start, end, newText) {
    const document = this.documents.get(uri);
    const range = { start: positionAt(document.text, start), end: positionAt(document.text, end) };
    document.text = document.text.slice(0, start) + newText + document.text.slice(end);
    document.version += 1;
    document.sent.push({ version: document.version, at: performance.now() });
    await this.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: document.version },
      contentChanges: [{ range, text: newText }],
    });
    return document.version;
  }

  /** A request as an editor sends it, cancellable: resolves with its latency in ms. */
  request(method, params) {
    const source = new rpc.CancellationTokenSource();
    const sentAt = performance.now();
    const done = this.connection.sendRequest(method, params, source.token).then(
      () => performance.now() - sentAt,
      () => undefined,
    );
    return { cancel: () => source.cancel(), done };
  }

  /** Waits for the publication of `version` (or a later one) of `uri`. */
  published(uri, version, timeoutMs = 20000) {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = this.publications.get(uri)?.find((publication) => publication.version >= version);
        if (found) {
          clearTimeout(timer);
          this.waiters.delete(check);
          resolve(found);
        }
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(`pas de diagnostics pour ${uri} v${version} en ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiters.add(check);
      check();
    });
  }

  cpu() {
    return cpuTimeMs(this.child.pid);
  }

  memory() {
    return memoryMB(this.child.pid);
  }

  async stop() {
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    try {
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
    } catch {
      this.child.kill();
    }
    await exited;
    this.connection.dispose();
  }
}

function positionAt(text, offset) {
  let line = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, character: offset - lineStart };
}

// ---------------------------------------------------------------------------------------------
// Measures

async function coldStart(text, env = {}, stayMs = 0) {
  const editor = new Editor(env);
  const uri = 'file:///bench/froid.fiche.md';
  await editor.initialize();
  await editor.open(uri, text);
  const publication = await editor.published(uri, 1);
  const result = {
    initialize: editor.initializedAt - editor.start,
    diagnostics: publication.at - editor.start,
    cpu: editor.cpu(),
  };
  await sleep(stayMs);
  await editor.stop();
  return result;
}

/** A bare Node start and exit: the floor of any Node server's cold start on this machine now. */
function nodeFloor() {
  const start = performance.now();
  spawnSync(process.execPath, ['-e', ''], { stdio: 'ignore' });
  return performance.now() - start;
}

/**
 * Types on `uri`: `bursts` bursts of 1 to 6 keystrokes, a word typed at a random word boundary
 * (one burst in five is a backspace run), then a pause. `pause()` gives the pause after the
 * burst's diagnostics (or, when `waitEach` is false, after the burst itself). Returns the
 * latencies beyond the debounce and the stale publications.
 */
async function typeOn(editor, uri, { bursts, seed, waitEach, pause, probe }) {
  const rand = random(seed);
  const latencies = [];
  const words = ['usagers', 'aidants', 'démarche', 'départements', 'en', 'dix', 'jours', 'mairies', 'dossier', 'délais'];
  let pendingAction;
  const probes = [];
  let probing = true;
  const prober = probe
    ? (async () => {
        while (probing) {
          const request = editor.request('textDocument/documentSymbol', { textDocument: { uri: probe } });
          const latency = await request.done;
          if (latency !== undefined) {
            probes.push(latency);
          }
          await sleep(20);
        }
      })()
    : undefined;
  const lastVersions = [];
  for (let burst = 0; burst < bursts; burst++) {
    const document = editor.documents.get(uri);
    const text = document.text;
    let offset = Math.floor(rand() * text.length);
    const boundary = text.indexOf(' ', offset);
    offset = boundary === -1 ? Math.floor(text.length / 2) : boundary + 1;
    let version;
    if (rand() < 0.2) {
      const count = 1 + Math.floor(rand() * 4);
      for (let key = 0; key < count && offset > 0; key++, offset--) {
        version = await keystroke(offset - 1, offset, '');
      }
    } else {
      const word = `${words[Math.floor(rand() * words.length)]} `;
      const count = Math.min(word.length, 1 + Math.floor(rand() * 6));
      for (let key = 0; key < count; key++, offset++) {
        version = await keystroke(offset, offset, word[key]);
      }
    }
    const lastSent = document.sent.at(-1).at;
    lastVersions.push(version);
    if (waitEach) {
      const publication = await editor.published(uri, version);
      latencies.push(publication.at - lastSent - DEBOUNCE_MS);
    }
    await sleep(pause(rand));
  }
  const finalVersion = editor.documents.get(uri).version;
  const final = await editor.published(uri, finalVersion);
  const finalLatency = final.at - editor.documents.get(uri).sent.at(-1).at - DEBOUNCE_MS;
  probing = false;
  await prober;
  pendingAction?.cancel();

  // A publication is stale when, on its arrival, the editor had already sent a newer version.
  const { sent } = editor.documents.get(uri);
  const publications = editor.publications.get(uri) ?? [];
  const stale = publications.filter((publication) => sent.some((s) => s.version > publication.version && s.at < publication.at));
  return { latencies, stale, publications: publications.length, versions: sent.length, finalLatency, probes };

  async function keystroke(start, end, newText) {
    pendingAction?.cancel();
    const version = await editor.change(uri, start, end, newText);
    const cursor = positionAt(editor.documents.get(uri).text, start + newText.length);
    // What an editor asks after each keystroke: the quick fixes at the cursor (cancelled when outdated).
    pendingAction = editor.request('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: cursor, end: cursor },
      context: { diagnostics: [], triggerKind: 2 },
    });
    await sleep(KEYSTROKE_MS);
    return version;
  }
}

async function typingSmall(text, run) {
  const editor = new Editor();
  const uri = 'file:///bench/frappe.fiche.md';
  await editor.initialize();
  await editor.open(uri, text);
  await editor.published(uri, 1);
  // Warm-up: a few edits, not measured (a writer's first keystrokes come after the opening).
  await typeOn(editor, uri, { bursts: 5, seed: 1000 + run, waitEach: true, pause: () => 20 });
  const cpu0 = editor.cpu();
  const result = await typeOn(editor, uri, { bursts: RUNS.bursts, seed: run + 1, waitEach: true, pause: (rand) => 20 + rand() * 200 });
  result.cpu = editor.cpu() - cpu0;
  await editor.stop();
  return result;
}

async function typingBig(text, small, run) {
  const editor = new Editor();
  const uri = 'file:///bench/long.fiche.md';
  const probe = 'file:///bench/voisine.fiche.md';
  await editor.initialize();
  await editor.open(probe, small);
  await editor.open(uri, text);
  await editor.published(uri, 1);
  await editor.published(probe, 1);
  const opened = editor.publications.get(uri)[0].at - editor.documents.get(uri).sent[0].at;
  // Pauses around the debounce + one analysis: many bursts start while an analysis runs.
  const result = await typeOn(editor, uri, {
    bursts: RUNS.bigBursts,
    seed: 100 + run,
    waitEach: false,
    pause: (rand) => 60 + rand() * 300,
    probe,
  });
  // Then typing with a wait for each burst's diagnostics: the latency beyond the debounce.
  const waited = await typeOn(editor, uri, { bursts: 8, seed: 200 + run, waitEach: true, pause: () => 50 });
  result.latencies = waited.latencies;
  result.opened = opened;
  result.memory = editor.memory();
  await editor.stop();
  return result;
}

/**
 * Opens `big` (a new URI each time) `opens` times in one server, a small fiche open beside it; while
 * each long analysis runs (from didOpen to its diagnostics), a documentSymbol request on the small
 * fiche every 10 ms. Returns the latencies of those requests and the open → diagnostics times.
 */
async function requestsDuringAnalysis(big, small, opens) {
  const editor = new Editor();
  const probe = 'file:///bench/voisine.fiche.md';
  await editor.initialize();
  await editor.open(probe, small);
  await editor.published(probe, 1);
  const latencies = [];
  const analyses = [];
  for (let i = 0; i < opens; i++) {
    const uri = `file:///bench/long-${i}.fiche.md`;
    await editor.open(uri, big);
    const openedAt = performance.now();
    let analysed = false;
    const published = editor.published(uri, 1, 60000).then((publication) => {
      analysed = true;
      return publication;
    });
    const requests = [];
    while (!analysed) {
      requests.push(editor.request('textDocument/documentSymbol', { textDocument: { uri: probe } }).done);
      await sleep(10);
    }
    latencies.push(...(await Promise.all(requests)).filter((latency) => latency !== undefined));
    analyses.push((await published).at - openedAt);
    await editor.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    await sleep(100);
  }
  await editor.stop();
  return { latencies, analyses };
}

async function rssWithFiches(count) {
  const editor = new Editor();
  await editor.initialize();
  const texts = manyFiches(count);
  const uris = texts.map((_, i) => `file:///bench/fiches/f${i}.fiche.md`);
  for (let i = 0; i < count; i++) {
    await editor.open(uris[i], texts[i]);
  }
  await Promise.all(uris.map((uri) => editor.published(uri, 1)));
  // Like an editor after opening them: outline, folding and code lenses of each.
  for (const uri of uris) {
    await editor.request('textDocument/documentSymbol', { textDocument: { uri } }).done;
    await editor.request('textDocument/codeLens', { textDocument: { uri } }).done;
  }
  await sleep(300);
  const memory = editor.memory();
  const bytes = texts.reduce((sum, text) => sum + text.length, 0);
  await editor.stop();
  return { ...memory, bytes };
}

// ---------------------------------------------------------------------------------------------
// Run

if (!fs.existsSync(bin)) {
  console.error(`${bin} absent : lancer npm run build.`);
  process.exit(2);
}
const small = smallFiche();
console.log(`Machine : ${machine()}`);
console.log(`Serveur : ${path.relative(root, bin) || bin}${nodeArgs.length ? ` (node ${nodeArgs.join(' ')})` : ''}`);
console.log(`Charge (1 / 5 / 15 min) au départ : ${load()}`);
if (corpusFiles.length === 0) {
  console.log(`Corpus absent (${corpus}) : documents générés.`);
}
console.log(`Fiche de ${(Buffer.byteLength(small.text) / 1024).toFixed(1)} Ko : ${small.source}\n`);
const failures = [];
const check = (ok, message) => {
  if (!ok) {
    failures.push(message);
  }
};

if (wanted('cold')) {
  // Without a code cache (the very first start), then with the one that start writes in
  // FICHE_CACHE_DIR (VS Code's client gives its global storage: every later start).
  const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fiche-cache-'));
  const series = { none: [], cached: [] };
  const floors = [];
  try {
    await coldStart(small.text, { FICHE_CACHE_DIR: cacheDir }, 3500); // writes the cache
    for (let run = 0; run < RUNS.cold; run++) {
      floors.push(nodeFloor());
      series.none.push(await coldStart(small.text));
      series.cached.push(await coldStart(small.text, { FICHE_CACHE_DIR: cacheDir }));
    }
  } finally {
    fs.rmSync(cacheDir, { recursive: true, force: true });
  }
  const range = (values) => `min ${ms(Math.min(...values))}, max ${ms(Math.max(...values))}`;
  console.log(`Démarrage à froid (${RUNS.cold} démarrages par série, alternés, médianes) :`);
  console.log(`  node -e "" (plancher de tout serveur Node)   ${ms(median(floors))} (${range(floors)})`);
  for (const [key, label] of [
    ['none', 'sans cache de code (premier démarrage)'],
    ['cached', 'avec le cache de code (démarrages suivants)'],
  ]) {
    const runs = series[key];
    const diagnostics = median(runs.map((r) => r.diagnostics));
    console.log(`  ${label} :`);
    console.log(`    → réponse à initialize                    ${ms(median(runs.map((r) => r.initialize)))}`);
    console.log(`    → premiers diagnostics                    ${ms(diagnostics)} (${range(runs.map((r) => r.diagnostics))}), budget ${BUDGETS.coldMs} ms`);
    if (runs.every((r) => r.cpu !== undefined)) {
      console.log(`    temps CPU du serveur jusque-là            ${ms(median(runs.map((r) => r.cpu)))}`);
    }
    check(diagnostics <= BUDGETS.coldMs, `démarrage à froid ${label} ${ms(diagnostics)} > ${BUDGETS.coldMs} ms`);
  }
  console.log('');
}

if (wanted('typing')) {
  const runs = [];
  for (let run = 0; run < RUNS.typing; run++) {
    runs.push(await typingSmall(small.text, run));
  }
  const p50 = runs.map((r) => percentile(r.latencies, 50));
  const p95 = runs.map((r) => percentile(r.latencies, 95));
  const max = runs.map((r) => Math.max(...r.latencies));
  console.log(`Frappe sur la fiche de 3 Ko (${RUNS.typing} séries de ${RUNS.bursts} rafales, frappes à ${KEYSTROKE_MS} ms, code action à chaque frappe) :`);
  console.log(`  didChange → publishDiagnostics au-delà des ${DEBOUNCE_MS} ms d'attente : p50 ${ms(median(p50))}, p95 ${ms(median(p95))} (budget ${BUDGETS.typingP95Ms} ms), max ${ms(median(max))}`);
  console.log(`  publications périmées : ${runs.map((r) => r.stale.length).join(' / ')} ; CPU du serveur par rafale : ${ms(median(runs.map((r) => r.cpu / RUNS.bursts)))}`);
  console.log('');
  check(median(p95) <= BUDGETS.typingP95Ms, `p95 frappe 3 Ko ${ms(median(p95))} > ${BUDGETS.typingP95Ms} ms`);
}

if (wanted('big')) {
  const big = bigDocument(500 * 1024);
  const runs = [];
  for (let run = 0; run < RUNS.big; run++) {
    runs.push(await typingBig(big, small.text, run));
  }
  const p50 = runs.map((r) => percentile(r.latencies, 50));
  const p95 = runs.map((r) => percentile(r.latencies, 95));
  console.log(`Frappe sur un document de ${(Buffer.byteLength(big) / 1024).toFixed(0)} Ko (${RUNS.big} séries ; ${RUNS.bigBursts} rafales enchaînées sans attendre, puis 8 rafales attendues) :`);
  console.log(`  ouverture → premiers diagnostics                 ${ms(median(runs.map((r) => r.opened)))}`);
  console.log(`  didChange → publishDiagnostics au-delà de l'attente : p50 ${ms(median(p50))}, p95 ${ms(median(p95))}`);
  console.log(`  versions envoyées / publications               ${runs.map((r) => `${r.versions} / ${r.publications}`).join(' ; ')}`);
  console.log(`  publications d'une version déjà périmée        ${runs.map((r) => r.stale.length).join(' / ')}`);
  console.log(`  dernière publication après la dernière frappe  ${runs.map((r) => ms(r.finalLatency)).join(' / ')} au-delà de l'attente (file qui ne grossit pas)`);
  const probes = runs.flatMap((r) => r.probes);
  console.log(`  requête sur une autre fiche pendant la frappe  p50 ${ms(percentile(probes, 50))}, p95 ${ms(percentile(probes, 95))}, max ${ms(Math.max(...probes))} (${probes.length} requêtes)`);
  console.log(`  RSS après la frappe                            ${runs.map((r) => (r.memory ? `${r.memory.rss.toFixed(0)} Mo (pic ${r.memory.peak.toFixed(0)})` : '—')).join(' / ')}`);
  console.log('');
  check(runs.every((r) => r.stale.length === 0), 'publication d’une version périmée sur le document de 500 Ko');
}

if (wanted('during')) {
  const big = bigDocument(500 * 1024);
  const runs = [];
  for (let run = 0; run < RUNS.during; run++) {
    runs.push(await requestsDuringAnalysis(big, small.text, RUNS.duringOpens));
  }
  const latencies = runs.flatMap((r) => r.latencies);
  const perRun = runs.map((r) => `p50 ${ms(percentile(r.latencies, 50))} / p95 ${ms(percentile(r.latencies, 95))}`);
  const inline = process.env.FICHE_ANALYSIS_WORKER === 'off' ? 'FICHE_ANALYSIS_WORKER=off ; ' : '';
  console.log(`Requête sur une petite fiche pendant l'analyse d'un document de ${(Buffer.byteLength(big) / 1024).toFixed(0)} Ko (${inline}${RUNS.during} serveurs × ${RUNS.duringOpens} ouvertures, une requête documentSymbol toutes les 10 ms de l'ouverture aux diagnostics) :`);
  console.log(`  latence : p50 ${ms(percentile(latencies, 50))}, p95 ${ms(percentile(latencies, 95))}, max ${ms(Math.max(...latencies))} (${latencies.length} requêtes) ; par serveur : ${perRun.join(' ; ')}`);
  console.log(`  ouverture → diagnostics du long document : médiane ${ms(median(runs.flatMap((r) => r.analyses)))} (première ouverture : ${runs.map((r) => ms(r.analyses[0])).join(' / ')})`);
  console.log('');
}

if (wanted('threshold')) {
  // The core as the worker runs it; warm (a long-lived worker), medians of several analyses.
  const core = loadBundle('bench-lsp-core');
  for (let i = 0; i < 5; i++) {
    core.analyze(bigDocument(100 * 1024));
  }
  console.log(`Seuil du worker : analyse à chaud selon la taille (documents de fiches réelles, médiane et minimum de ${quick ? 7 : 21}) et copies vers / depuis le worker :`);
  for (const chars of [16, 32, 48, 64, 96, 128, 500].map((k) => k * 1024)) {
    const text = bigDocument(chars * 1.2).slice(0, chars);
    const times = [];
    for (let i = 0; i < (quick ? 7 : 21); i++) {
      // A new text each time, as each version of a document is (nothing cached from the last one).
      const version = `${text.slice(0, -3)}${String(i).padStart(3)}`;
      const start = performance.now();
      core.analyze(version);
      times.push(performance.now() - start);
    }
    const result = core.analyze(text);
    const { text: _text, ...document } = core.ficheData(result.document);
    const data = { document, findings: result.findings, duration: 0 };
    let start = performance.now();
    const bytes = v8.serialize(data);
    const serialize = performance.now() - start;
    start = performance.now();
    core.withPositions({ ...v8.deserialize(bytes).document, text });
    const receive = performance.now() - start;
    console.log(`  ${String(chars / 1024).padStart(3)} K caractères : analyse ${ms(median(times))} (min ${ms(Math.min(...times))}) ; renvoi : sérialisation (worker) ${ms(serialize)}, désérialisation + index des lignes (serveur) ${ms(receive)}`);
  }
  console.log('');
}

if (wanted('rss')) {
  const runs = [];
  for (let run = 0; run < RUNS.rss; run++) {
    runs.push(await rssWithFiches(50));
  }
  if (runs.every((r) => r.rss !== undefined)) {
    const rss = median(runs.map((r) => r.rss));
    console.log(`Mémoire avec 50 fiches ouvertes (${(runs[0].bytes / 1024).toFixed(0)} Ko de texte, ${RUNS.rss} démarrages) :`);
    console.log(`  RSS ${rss.toFixed(1)} Mo (pic ${median(runs.map((r) => r.peak)).toFixed(1)} Mo), budget ${BUDGETS.rssMB} Mo`);
    check(rss <= BUDGETS.rssMB, `RSS ${rss.toFixed(1)} Mo > ${BUDGETS.rssMB} Mo`);
  } else {
    console.log('Mémoire : /proc absent, non mesurée.');
  }
  console.log('');
}

console.log(`Charge (1 / 5 / 15 min) à la fin : ${load()}`);
if (failures.length > 0) {
  console.log(`Hors budget : ${failures.join(' ; ')}`);
  if (strict) {
    process.exitCode = 1;
  }
}
