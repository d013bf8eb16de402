// Bundles a TypeScript module of the project (the core by default) with esbuild into .tmp/ and
// loads it: the measuring and evaluation scripts run the sources as they are, without `tsc -b`.
import * as esbuild from 'esbuild';
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
