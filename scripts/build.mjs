// Bundles the client, the language server and the CLI with esbuild into dist/, and the web
// extension (browser client, language server for a web worker) into dist/browser/.
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
};
// vscode.dev / github.dev: the client runs in VS Code's web worker extension host (CommonJS with
// `require('vscode')`), the server in a web worker of its own (a classic script: IIFE).
const browser = { ...common, platform: 'browser', target: 'es2022', mainFields: ['browser', 'module', 'main'] };

await Promise.all([
  esbuild.build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] }),
  esbuild.build({ ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' }),
  // What starts it: loads dist/server.js through V8's code cache when FICHE_CACHE_DIR is set.
  esbuild.build({ ...common, entryPoints: ['server/src/launch.ts'], outfile: 'dist/launch.js' }),
  // The server's worker thread for long documents, loaded by dist/server.js from its own folder.
  esbuild.build({ ...common, entryPoints: ['server/src/analysis-worker.ts'], outfile: 'dist/analysis-worker.js' }),
  esbuild.build({ ...common, entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js' }),
  esbuild.build({ ...browser, entryPoints: ['client/src/browser.ts'], outfile: 'dist/browser/client.js', external: ['vscode'] }),
  esbuild.build({ ...browser, format: 'iife', entryPoints: ['server/src/browser.ts'], outfile: 'dist/browser/server.js' }),
]);
