// The fiche language server for the browser (vscode.dev, github.dev, code-server's web worker
// extension host): the same handlers over a web worker's messages. No file system, so no
// `.ficherc.json`: the editor's `fiche.rules` settings apply alone.
import { BrowserMessageReader, BrowserMessageWriter, ProposedFeatures, createConnection } from 'vscode-languageserver/browser';
import { FicheServer } from './handlers';

// The worker's global scope is the port the client's messages come through (typed loosely: the
// server compiles without the DOM library, so that nothing browser-only leaks into the Node build).
interface WorkerScope {
  addEventListener(type: 'unhandledrejection', listener: (event: { reason?: unknown }) => void): void;
}
type Port = ConstructorParameters<typeof BrowserMessageReader>[0];
const scope = globalThis as unknown as WorkerScope;
const port = globalThis as unknown as Port;

const server = new FicheServer(
  createConnection(ProposedFeatures.all, new BrowserMessageReader(port), new BrowserMessageWriter(port)),
);

// A bug in a handler must not take the server down; say it in the log instead.
scope.addEventListener('unhandledrejection', (event) => server.logError(event.reason));

server.listen();
