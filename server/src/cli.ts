// Entry of the `fiche-lint` command (bundled into dist/cli.js, run by bin/fiche-lint.js).
// First: V8's settings for a short batch run, before the rest of the bundle is loaded.
import './cli/v8-flags';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { runCli } from './cli/main';

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
