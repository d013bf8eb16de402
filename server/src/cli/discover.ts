import { promises as fs } from 'node:fs';
import * as path from 'node:path';
// `require` form on purpose: esbuild then bundles tinyglobby's CommonJS build, whose
// dependency (fdir) works in a CJS bundle; its ESM build calls createRequire(import.meta.url).
// eslint-disable-next-line @typescript-eslint/no-require-imports
import tinyglobby = require('tinyglobby');
import { describeFsError } from './errors';

/** A file to lint: its absolute path and how to show it (relative to the cwd when inside it). */
export interface InputFile {
  path: string;
  display: string;
}

export interface Discovery {
  files: InputFile[];
  /** French messages about inputs that gave nothing (each makes the exit code 2). */
  errors: string[];
}

const FICHE_SUFFIX = '.fiche.md';
const SKIPPED_DIRS = new Set(['node_modules', '.git']);
const GLOB_IGNORE = ['**/node_modules/**', '**/.git/**'];

/**
 * Expands the command line's inputs: existing files as they are (whatever their name), folders
 * searched recursively for `*.fiche.md`, anything else as a glob. Order kept, duplicates dropped.
 */
export async function discoverFiles(inputs: readonly string[], cwd: string): Promise<Discovery> {
  const found: string[] = [];
  const errors: string[] = [];
  for (const input of inputs) {
    const absolute = path.resolve(cwd, input);
    const stat = await fs.stat(absolute).catch((error: unknown) => error as NodeJS.ErrnoException);
    if (!(stat instanceof Error)) {
      if (stat.isDirectory()) {
        const before = found.length;
        await walk(absolute, found, errors);
        if (found.length === before) {
          errors.push(`Aucun fichier *${FICHE_SUFFIX} dans le dossier « ${input} ».`);
        }
      } else {
        found.push(absolute);
      }
    } else if (stat.code === 'ENOENT' && tinyglobby.isDynamicPattern(input)) {
      const matches = await expandGlob(input, cwd);
      if (matches.length === 0) {
        errors.push(`Le motif « ${input} » ne correspond à aucun fichier.`);
      }
      found.push(...matches);
    } else if (stat.code === 'ENOENT' || stat.code === 'ENOTDIR') {
      errors.push(`Fichier introuvable : « ${input} ».`);
    } else {
      errors.push(`Impossible d’accéder à « ${input} » : ${describeFsError(stat)}.`);
    }
  }
  const unique = [...new Set(found)];
  return { files: unique.map((file) => ({ path: file, display: displayPath(file, cwd) })), errors };
}

/** Collects `*.fiche.md` under `dir`, sorted, skipping node_modules and .git. */
async function walk(dir: string, found: string[], errors: string[]): Promise<void> {
  let entries;
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch (error) {
    errors.push(`Impossible de lire le dossier « ${dir} » : ${describeFsError(error)}.`);
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name)) {
        await walk(full, found, errors);
      }
    } else if ((entry.isFile() || entry.isSymbolicLink()) && entry.name.endsWith(FICHE_SUFFIX)) {
      found.push(full);
    }
  }
}

async function expandGlob(pattern: string, cwd: string): Promise<string[]> {
  // Globs use forward slashes, even on Windows.
  const matches = await tinyglobby.glob(pattern.replace(/\\/g, '/'), {
    cwd,
    absolute: true,
    onlyFiles: true,
    expandDirectories: false,
    ignore: GLOB_IGNORE,
  });
  return matches.map((match) => path.normalize(match)).sort();
}

/** `file` relative to `cwd` with forward slashes when it lies inside it, else absolute. */
export function displayPath(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) {
    return file;
  }
  return relative.split(path.sep).join('/');
}
