import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { normalizeOptions } from '../core';
import type { AnalysisOptions } from '../core';
import { CliError, describeFsError } from './errors';

export const CONFIG_NAME = '.ficherc.json';

export interface LoadedConfig {
  options: AnalysisOptions;
  /** The file used, if any. */
  file: string | undefined;
  /** French warnings (broken file, unknown rule…): printed on stderr, defaults used instead. */
  warnings: string[];
}

/**
 * Loads the analysis options: `--config` when given (it must exist), else the nearest
 * `.ficherc.json` from `cwd` upwards; then the `--rule` flags on top. A broken configuration
 * file only warns (defaults apply); a wrong `--rule` flag is a usage error.
 */
export async function loadConfig(
  explicit: string | undefined,
  cliRules: Record<string, string>,
  cwd: string,
): Promise<LoadedConfig> {
  const file = explicit === undefined ? await findConfig(cwd) : path.resolve(cwd, explicit);
  const warnings: string[] = [];
  let rules = {};
  if (file !== undefined) {
    const raw = await readConfig(file, explicit !== undefined, warnings);
    const shown = explicit ?? file;
    if (raw !== undefined) {
      const normalized = normalizeOptions(raw);
      warnings.push(...normalized.problems.map((problem) => `${shown} : ${problem}`));
      rules = normalized.options.rules;
    }
  }
  const flags = normalizeOptions({ rules: cliRules });
  if (flags.problems.length > 0) {
    throw new CliError(`Option --rule : ${flags.problems.join(' ')}`);
  }
  return { options: { rules: { ...rules, ...flags.options.rules } }, file, warnings };
}

/** The nearest `.ficherc.json` in `dir` or its parents. */
async function findConfig(dir: string): Promise<string | undefined> {
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    const candidate = path.join(current, CONFIG_NAME);
    try {
      if ((await fs.stat(candidate)).isFile()) {
        return candidate;
      }
    } catch {
      // Not here: look in the parent.
    }
    if (path.dirname(current) === current) {
      return undefined;
    }
  }
}

/** Reads and parses the JSON; problems become warnings, except a missing explicit file. */
async function readConfig(file: string, explicit: boolean, warnings: string[]): Promise<unknown> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    const message = `Impossible de lire la configuration « ${file} » : ${describeFsError(error)}.`;
    if (explicit) {
      throw new CliError(message);
    }
    warnings.push(`${message} Réglages par défaut utilisés.`);
    return undefined;
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
  } catch (error) {
    warnings.push(
      `Configuration « ${file} » ignorée : JSON invalide${jsonErrorPlace(text, error)}. Réglages par défaut utilisés.`,
    );
    return undefined;
  }
}

/** " ligne L, colonne C (detail)" from a JSON.parse error, as far as it says where. */
function jsonErrorPlace(text: string, error: unknown): string {
  const detail = error instanceof Error ? error.message : String(error);
  const match = /position (\d+)/.exec(detail);
  if (!match) {
    return ` (${detail})`;
  }
  const offset = Number(match[1]);
  const before = text.replace(/^\uFEFF/, '').slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return ` ligne ${line}, colonne ${column} (${detail})`;
}
