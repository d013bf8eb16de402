#!/usr/bin/env node
// `npm run test:browser`: the browser build of the language server in a real Web Worker of
// headless Chromium (test/browser/*.test.mjs), driven over LSP messages (~7 s). Builds first unless
// --no-build. Skips (exit 0, with a message) when Chromium or playwright-core is absent: both come
// from `bash scripts/e2e/install.sh` (see docs/e2e.md and docs/web.md).
// --code-server: also the whole web extension in code-server's web worker extension host
// (test/browser/code-server-web.mjs, ~30 s, ~1 GiB).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const run = (cmd, cmdArgs) => spawnSync(cmd, cmdArgs, { cwd: root, stdio: 'inherit' }).status ?? 1;

if (!args.includes('--no-build')) {
  const status = run(process.execPath, ['scripts/build.mjs']);
  if (status !== 0) {
    process.exit(status);
  }
}
const tests = fs
  .readdirSync(path.join(root, 'test/browser'))
  .filter((file) => file.endsWith('.test.mjs'))
  .map((file) => path.join('test/browser', file));
const mocha = path.join(root, 'node_modules/mocha/bin/mocha.js');
let status = run(process.execPath, [mocha, '--no-config', '--timeout', '60000', ...tests]);
if (status === 0 && args.includes('--code-server')) {
  status = run(process.execPath, ['test/browser/code-server-web.mjs']);
}
process.exit(status);
