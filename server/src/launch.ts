// Entry of the Node language server (dist/launch.js, what the VS Code client and
// `fiche-language-server` start): loads the server bundle (dist/server.js, next to it) with V8's
// code cache when FICHE_CACHE_DIR names a folder of the user's (the VS Code client gives its
// global storage). The first start compiles as usual and, a few seconds later (the first fiche
// analysed by then), writes the compiled code of what ran; later starts skip that compilation
// (start to first diagnostics: see docs/performance-server.md). Without the variable, or on any
// file error, the bundle loads as a plain `require` would: the cache is only ever a shortcut.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import { createRequire, wrap } from 'node:module';
import * as path from 'node:path';
import * as vm from 'node:vm';

/** After this long, the code compiled by the first analyses is written to the cache. */
const WRITE_DELAY_MS = Number(process.env.FICHE_CACHE_DELAY_MS) || 3000;
const PREFIX = 'server-';
const SUFFIX = '.v8cache';

/** Runs the CommonJS bundle `file`, through the code cache of `cacheDir` when there is one. */
export function launch(file: string, cacheDir: string | undefined): void {
  const source = fs.readFileSync(file, 'utf8');
  // V8 also refuses a cache made by another version or with other flags; the name keeps each
  // bundle × Node pair apart so that two installations do not overwrite each other's.
  const cacheFile = cacheDir ? path.join(path.resolve(cacheDir), `${PREFIX}${fingerprint(source)}${SUFFIX}`) : undefined;
  const cachedData = cacheFile ? readIfPresent(cacheFile) : undefined;
  const script = new vm.Script(wrap(source), { filename: file, cachedData });
  const loaded = { exports: {} };
  (script.runInThisContext() as (...args: unknown[]) => void)(loaded.exports, createRequire(file), loaded, file, path.dirname(file));
  if (cacheFile && (cachedData === undefined || script.cachedDataRejected === true)) {
    setTimeout(() => writeCache(script, cacheFile), WRITE_DELAY_MS).unref();
  }
}

function fingerprint(source: string): string {
  return createHash('sha256').update(`${process.version} ${process.arch} ${process.execArgv.join(' ')}\n`).update(source).digest('hex').slice(0, 20);
}

function readIfPresent(file: string): Buffer | undefined {
  try {
    return fs.readFileSync(file);
  } catch {
    return undefined;
  }
}

// Written whole or not at all (temporary file, then rename); older caches of this folder go.
function writeCache(script: vm.Script, file: string): void {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(temporary, script.createCachedData());
    fs.renameSync(temporary, file);
    for (const name of fs.readdirSync(path.dirname(file))) {
      if (name.startsWith(PREFIX) && name.endsWith(SUFFIX) && name !== path.basename(file)) {
        fs.rmSync(path.join(path.dirname(file), name), { force: true });
      }
    }
  } catch {
    // A read-only or full disk: the next start compiles again, nothing else changes.
    try {
      fs.rmSync(temporary, { force: true });
    } catch {
      // Nothing more to tidy.
    }
  }
}

/** Starts the server bundle next to this file (the cache folder: FICHE_CACHE_DIR, when set). */
export function start(): void {
  launch(path.join(__dirname, 'server.js'), process.env.FICHE_CACHE_DIR || undefined);
}

if (require.main === module) {
  start();
}
