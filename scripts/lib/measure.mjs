// What the benchmark scripts share: medians, CPU time, the long documents made of corpus fiches,
// child processes that report their own CPU time, and the floor (a bare markdown-it parse).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

/** Median of some numbers (NaN when there are none). */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length === 0 ? NaN : sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** CPU time of this process so far (user + system, all threads), in milliseconds. */
export function cpuMs() {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/**
 * Fiches concatenated, cycling through `files` (read in place), up to `bytes`; `generated(i)`
 * gives the i-th text instead when there is no file.
 */
export function bigDocument(files, bytes, generated) {
  const parts = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const text = files.length > 0 ? fs.readFileSync(files[i % files.length], 'utf8') : generated(i);
    parts.push(text);
    size += Buffer.byteLength(text) + 1;
  }
  return parts.join('\n');
}

/**
 * Runs `node args…` in child processes that report their own CPU time (user + system, all
 * threads) at exit through a preload written in `work`. `run` gives wall time, CPU time and status.
 */
export function nodeRunner(work) {
  fs.mkdirSync(work, { recursive: true });
  const reporter = path.join(work, 'cpu-report.cjs');
  const cpuFile = path.join(work, 'cpu.txt');
  fs.writeFileSync(
    reporter,
    `process.on('exit', () => { const u = process.cpuUsage(); require('fs').writeFileSync(process.env.BENCH_CPU_FILE, String((u.user + u.system) / 1000)); });\n`,
  );
  return {
    run(args, cwd) {
      fs.rmSync(cpuFile, { force: true });
      const start = performance.now();
      const result = spawnSync(process.execPath, ['--require', reporter, ...args], {
        cwd,
        encoding: 'utf8',
        maxBuffer: 1 << 28,
        env: { ...process.env, BENCH_CPU_FILE: cpuFile, NO_COLOR: '1' },
      });
      const wall = performance.now() - start;
      const cpu = fs.existsSync(cpuFile) ? Number(fs.readFileSync(cpuFile, 'utf8')) : NaN;
      return { wall, cpu, status: result.status, stderr: result.stderr };
    },
  };
}

/** Writes the floor: a script that reads every `*.md` of its folder and parses it with markdown-it. */
export function writeFloorScript(file) {
  const markdownIt = createRequire(import.meta.url).resolve('markdown-it');
  fs.writeFileSync(
    file,
    `// The floor: read every file and parse it with markdown-it, nothing else.
const fs = require('fs');
const md = new (require(${JSON.stringify(markdownIt)}))();
for (const f of fs.readdirSync('.').filter((f) => f.endsWith('.md')).sort()) md.parse(fs.readFileSync(f, 'utf8'), {});\n`,
  );
  return file;
}
