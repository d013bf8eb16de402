// The fiche language server for Node: stdio with `--stdio`, IPC with `--node-ipc`. The handlers
// live in handlers.ts (shared with the browser server); this entry adds what needs a file system.
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ProposedFeatures, createConnection } from 'vscode-languageserver/node';
import { loadConfig } from './cli/config';
import { FicheServer } from './handlers';
import type { FileOptionsReader } from './settings';

// The nearest `.ficherc.json` above a `file:` document, as `fiche-lint` reads it (other schemes: none).
const readFicheRc: FileOptionsReader = async (uri) => {
  if (!uri.startsWith('file:')) {
    return undefined;
  }
  const { options, warnings } = await loadConfig(undefined, {}, path.dirname(fileURLToPath(uri)));
  return { options, warnings };
};

const server = new FicheServer(createConnection(ProposedFeatures.all), { readFileOptions: readFicheRc });

// A bug in a handler must not take the editor's server down; say it in the log instead.
process.on('uncaughtException', server.logError);
process.on('unhandledRejection', server.logError);

server.listen();
