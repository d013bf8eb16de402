// The fiche language server for Node: stdio with `--stdio`, IPC with `--node-ipc`. The handlers
// live in handlers.ts (shared with the browser server); this entry adds what needs a file system,
// and the worker thread that analyses long documents (dist/analysis-worker.js, next to this bundle).
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ProposedFeatures, createConnection } from 'vscode-languageserver/node';
import { loadConfig } from './cli/config';
import { FicheServer } from './handlers';
import type { FileOptionsReader } from './settings';
import { WorkerRunner } from './worker-runner';

// The nearest `.ficherc.json` above a `file:` document, as `fiche-lint` reads it (other schemes: none).
const readFicheRc: FileOptionsReader = async (uri) => {
  if (!uri.startsWith('file:')) {
    return undefined;
  }
  const { options, warnings } = await loadConfig(undefined, {}, path.dirname(fileURLToPath(uri)));
  return { options, warnings };
};

const connection = createConnection(ProposedFeatures.all);

// FICHE_ANALYSIS_WORKER: another worker script, or `off` to analyse every document inline (measures, tests).
const workerScript = process.env.FICHE_ANALYSIS_WORKER ?? path.join(__dirname, 'analysis-worker.js');
const analysisRunner =
  workerScript === 'off' ? undefined : new WorkerRunner({ script: workerScript, log: (message) => connection.console.warn(message) });

const server = new FicheServer(connection, { readFileOptions: readFicheRc, analysisRunner });

// A bug in a handler must not take the editor's server down; say it in the log instead.
process.on('uncaughtException', server.logError);
process.on('unhandledRejection', server.logError);

server.listen();
