// Measures the language server's start to first diagnostics (budget: 500 ms): spawn
// `fiche-language-server --stdio`, initialize, open a ~3 KB fiche, wait for its publishDiagnostics;
// once without a code cache, once with the one a first start writes in FICHE_CACHE_DIR.
// Usage: node scripts/bench-server.mjs [runs] (after npm run build).
import { spawn } from 'node:child_process';
import fs, { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import rpc from 'vscode-jsonrpc/node';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = process.env.FICHE_SERVER_BIN ?? path.join(root, 'bin', 'fiche-language-server.js');
const runs = Number(process.argv[2] ?? 15);
const BUDGET_MS = 500;

const text = ficheOf3KB();
console.log(`fiche de ${text.length} caractères, ${runs} démarrages par série`);
// Without FICHE_CACHE_DIR (a first start, or a client that gives no cache folder), then with the
// code cache that the first start of a folder writes (what VS Code's later starts get).
await series('sans cache de code (premier démarrage)', {});
const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fiche-cache-'));
try {
  await startToDiagnostics({ FICHE_CACHE_DIR: cacheDir }, { stayMs: 3500 }); // writes the cache
  const written = fs.readdirSync(cacheDir).filter((name) => name.endsWith('.v8cache'));
  console.log(`cache écrit : ${written.length ? `${(fs.statSync(path.join(cacheDir, written[0])).size / 1024).toFixed(0)} Ko` : 'aucun'}`);
  await series('avec le cache de code (démarrages suivants)', { FICHE_CACHE_DIR: cacheDir });
} finally {
  fs.rmSync(cacheDir, { recursive: true, force: true });
}

async function series(label, env) {
  const initialized = [];
  const diagnosed = [];
  const cpu = [];
  for (let run = 0; run < runs; run++) {
    const { toInitialize, toDiagnostics, cpuMs } = await startToDiagnostics(env);
    initialized.push(toInitialize);
    diagnosed.push(toDiagnostics);
    cpu.push(cpuMs);
  }
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const range = (values) => `min ${Math.min(...values).toFixed(0)}, max ${Math.max(...values).toFixed(0)}`;
  console.log(`\n${label} :`);
  console.log(`  démarrage → réponse à initialize : médiane ${median(initialized).toFixed(0)} ms (${range(initialized)})`);
  console.log(`  démarrage → premiers diagnostics : médiane ${median(diagnosed).toFixed(0)} ms (${range(diagnosed)}), budget ${BUDGET_MS} ms`);
  if (cpu.every((value) => value !== undefined)) {
    // CPU time is what the machine's load does not inflate: it tells a slow start from a busy machine.
    console.log(`  temps CPU du serveur jusqu'aux premiers diagnostics : médiane ${median(cpu).toFixed(0)} ms (${range(cpu)})`);
  }
  if (median(diagnosed) >= BUDGET_MS) {
    process.exitCode = 1;
  }
}

async function startToDiagnostics(env, { stayMs = 0 } = {}) {
  const start = performance.now();
  const child = spawn(process.execPath, [bin, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'], env: { ...process.env, ...env } });
  const connection = rpc.createMessageConnection(new rpc.StreamMessageReader(child.stdout), new rpc.StreamMessageWriter(child.stdin));
  const uri = 'file:///bench/aidants.fiche.md';
  const published = new Promise((resolve) =>
    connection.onNotification('textDocument/publishDiagnostics', (params) => params.uri === uri && resolve(params)),
  );
  connection.onRequest('workspace/configuration', (params) => params.items.map(() => ({ rules: {} })));
  connection.onRequest('client/registerCapability', () => null);
  connection.listen();
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: null,
    capabilities: { workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } } },
  });
  const toInitialize = performance.now() - start;
  await connection.sendNotification('initialized', {});
  await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'fiche', version: 1, text } });
  const { diagnostics } = await published;
  const toDiagnostics = performance.now() - start;
  const cpuMs = cpuTimeMs(child.pid);
  if (diagnostics.length === 0) {
    throw new Error('aucun diagnostic : la fiche de mesure devrait en avoir');
  }
  await new Promise((resolve) => setTimeout(resolve, stayMs));
  await connection.sendRequest('shutdown');
  await connection.sendNotification('exit');
  await new Promise((resolve) => child.once('exit', resolve));
  connection.dispose();
  return { toInitialize, toDiagnostics, cpuMs };
}

// User + system CPU time of a process so far (Linux /proc), or undefined elsewhere.
function cpuTimeMs(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    const ticksPerSecond = 100;
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;
  } catch {
    return undefined;
  }
}

// The example fiche of the repository if there is one, else a built one, grown to about 3 KB.
function ficheOf3KB() {
  let fiche;
  try {
    fiche = readFileSync(path.join(root, 'examples', 'exemple.fiche.md'), 'utf8');
  } catch {
    fiche = readFileSync(path.join(root, 'test', 'vscode', 'workspace', 'aidants.fiche.md'), 'utf8');
  }
  const filler = '\nNous rencontrons chaque semaine des aidants de France services pour observer leurs démarches.\n';
  while (fiche.length < 3000) {
    fiche += filler;
  }
  return fiche;
}
