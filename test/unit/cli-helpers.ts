// Helpers of the CLI tests: run the real bin in a temporary folder.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { rules } from '../../server/src/core';

/** The repository root (tests run from test/out/unit/). */
export const ROOT = path.resolve(__dirname, '..', '..', '..');
export const BIN = path.join(ROOT, 'bin', 'fiche-lint.js');
export const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'cli');

/** Every rule id, from the registry (the contract ids are checked in rules.test.ts). */
export const RULE_IDS = rules.map((rule) => rule.id);

/** `--rule` flags turning every rule off but `keep`. */
export function onlyRules(...keep: string[]): string[] {
  return RULE_IDS.filter((id) => !keep.includes(id)).flatMap((id) => ['--rule', `${id}=off`]);
}

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node bin/fiche-lint.js …args` in `cwd`, without colours forced either way. */
export function runCli(args: string[], cwd: string): Run {
  const env = { ...process.env };
  delete env.NO_COLOR;
  delete env.FORCE_COLOR;
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, env, encoding: 'utf8', timeout: 15000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A fresh temporary folder, removed by `cleanup`. */
export function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'fiche-lint-'));
}

export function cleanup(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

/** Writes `content` at `dir/name` (folders created) and returns the path. */
export function put(dir: string, name: string, content: string | Uint8Array): string {
  const file = path.join(dir, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
  return file;
}

export function fixture(name: string): string {
  return fs.readFileSync(path.join(FIXTURES, name), 'utf8');
}
