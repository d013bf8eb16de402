// A minimal LSP client over a Web Worker's messages (what vscode-languageclient/browser does):
// JSON-RPC objects posted as they are, no Content-Length framing. Exposed as `window.lsp`.
'use strict';
(() => {
  const startedAt = performance.now();
  const worker = new Worker('/dist/browser/server.js', { name: 'fiche-language-server' });
  const pending = new Map();
  const notifications = [];
  const serverRequests = [];
  const errors = [];
  const waiters = new Set();
  let nextId = 1;

  // The editor's answers to the server's own requests.
  const answers = {
    'workspace/configuration': (params) => params.items.map((item) => (item.section === 'fiche' ? window.lsp.settings : null)),
    'client/registerCapability': () => null,
    'workspace/applyEdit': () => ({ applied: true }),
    'window/workDoneProgress/create': () => null,
  };

  worker.onmessage = ({ data: message }) => {
    if ('id' in message && !('method' in message)) {
      const request = pending.get(message.id);
      pending.delete(message.id);
      if (message.error) {
        request?.reject(new Error(`${message.error.code} ${message.error.message}`));
      } else {
        request?.resolve(message.result);
      }
    } else if ('id' in message) {
      serverRequests.push(message);
      const answer = answers[message.method];
      worker.postMessage(
        answer
          ? { jsonrpc: '2.0', id: message.id, result: answer(message.params) }
          : { jsonrpc: '2.0', id: message.id, error: { code: -32601, message: `non géré : ${message.method}` } },
      );
    } else {
      notifications.push({ ...message, receivedAt: performance.now() - startedAt });
    }
    waiters.forEach((check) => check());
  };
  worker.onerror = (event) => {
    errors.push(`${event.message} (${event.filename}:${event.lineno})`);
    waiters.forEach((check) => check());
  };

  window.lsp = {
    /** The `fiche` settings section answered to workspace/configuration. */
    settings: null,
    notifications,
    serverRequests,
    /** Milliseconds since the worker was created. */
    now: () => performance.now() - startedAt,
    errors,
    request(method, params) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage({ jsonrpc: '2.0', id, method, params });
      });
    },
    notify(method, params) {
      worker.postMessage({ jsonrpc: '2.0', method, params });
    },
    // The diagnostics published for `uri` at `version`, waited for.
    diagnostics(uri, version, timeoutMs = 5000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = notifications.find(
            (n) => n.method === 'textDocument/publishDiagnostics' && n.params.uri === uri && n.params.version === version,
          );
          if (found || errors.length > 0) {
            waiters.delete(check);
            clearTimeout(timer);
            found ? resolve({ diagnostics: found.params.diagnostics, receivedAt: found.receivedAt }) : reject(new Error(`erreur du worker : ${errors.join(' ; ')}`));
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`délai dépassé en attendant les diagnostics de ${uri} v${version}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    terminate() {
      worker.terminate();
    },
  };
})();
