// Entry of the `fiche-lint` command (bundled into dist/cli.js, run by bin/fiche-lint.js).
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runCli } from './cli/main';

// A lint run is short and runs a lot of code a few hundred times: TurboFan's inlining makes its
// optimising compilations big (and each deoptimisation throws one away), more than the inlined
// code wins back before the process exits. Without it, on the 347 corpus fiches: ~20 % less CPU
// and ~10 % less wall time; on 2,082 files, ~11 % less CPU for the same wall time
// (docs/performance.md). Compile-time only: read by each optimisation, safe to set now.
try {
  setFlagsFromString('--no-turbo-inlining');
} catch {
  // A runtime that refuses flags runs with its defaults.
}

/** The package's version, from the nearest package.json above this file (bundled or not). */
function packageVersion(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    try {
      const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'fiche-produit' && pkg.version) {
        return pkg.version;
      }
    } catch {
      // Keep looking upwards.
    }
    if (path.dirname(dir) === dir) {
      return 'inconnue';
    }
  }
}

// `fiche-lint … | head` closes stdout early: stop quietly rather than crash on EPIPE.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') {
    process.exit(process.exitCode ?? 0);
  }
  throw error;
});

const noColor = process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '';

runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  colour: process.stdout.isTTY === true && !noColor,
  version: packageVersion(),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`fiche-lint : ${error instanceof Error ? error.message : String(error)}\n`);
    if (error instanceof Error && error.name !== 'InternalError' && error.stack) {
      process.stderr.write(`${error.stack}\n`);
    }
    process.exitCode = 2;
  },
);
