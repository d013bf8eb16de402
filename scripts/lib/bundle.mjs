// Bundles a TypeScript module of the project (the core by default) with esbuild into .tmp/ and
// loads it: the measuring and evaluation scripts run the sources as they are, without `tsc -b`;
// `loadCore` does the same for the core of another checkout.
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';

export const root = path.resolve(import.meta.dirname, '../..');

/** Bundles `entry` (relative to the repository) into `.tmp/<name>.cjs`; returns the file. */
export function bundle(name, entry = 'server/src/core/index.ts') {
  const outfile = path.join(root, '.tmp', `${name}.cjs`);
  esbuild.buildSync({
    entryPoints: [path.join(root, entry)],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile,
    logLevel: 'error',
  });
  return outfile;
}

/** Bundles and loads a module (the core by default). */
export function load(name, entry) {
  return createRequire(import.meta.url)(bundle(name, entry));
}

/**
 * Bundles and loads the core of another checkout (e.g. a `git worktree` of main), for the scripts
 * that compare two versions (findings-diff, bench-ab). The bundle goes to the system's temporary
 * folder and is removed once loaded.
 */
export function loadCore(checkout, name, { minify = false } = {}) {
  const outfile = path.join(os.tmpdir(), `fiche-core-${process.pid}-${name}.cjs`);
  esbuild.buildSync({
    entryPoints: [path.join(checkout, 'server/src/core/index.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    minify,
    outfile,
    logLevel: 'error',
  });
  try {
    return createRequire(import.meta.url)(outfile);
  } finally {
    fs.rmSync(outfile, { force: true });
  }
}
