// An LSP client for the protocol tests: spawns the real `fiche-language-server --stdio` and plays the editor.
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import {
  ApplyWorkspaceEditRequest,
  ConfigurationRequest,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializeRequest,
  InitializedNotification,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShowMessageNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  createProtocolConnection,
  type ClientCapabilities,
  type Diagnostic,
  type InitializeResult,
  type LogMessageParams,
  type ProtocolConnection,
  type ShowMessageParams,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';

/** The repository root (helpers run from test/out/helpers/). */
export const ROOT = path.resolve(__dirname, '..', '..', '..');
/** The server under test; FICHE_SERVER_BIN points the tests at another build. */
export const SERVER_BIN = process.env.FICHE_SERVER_BIN ?? path.join(ROOT, 'bin', 'fiche-language-server.js');

/** What VS Code announces, reduced to what the server looks at. */
export const EDITOR_CAPABILITIES: ClientCapabilities = {
  workspace: {
    configuration: true,
    didChangeConfiguration: { dynamicRegistration: true },
    workspaceEdit: { documentChanges: true },
    applyEdit: true,
  },
  textDocument: {
    synchronization: { dynamicRegistration: false },
    completion: { completionItem: { snippetSupport: true } },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } } },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    publishDiagnostics: { versionSupport: true },
  },
};

export interface Publication {
  version: number | undefined;
  diagnostics: Diagnostic[];
  /** The document's version on the client's side when it arrived (undefined once closed). */
  clientVersion: number | undefined;
}

export interface StartOptions {
  capabilities?: ClientCapabilities;
  /** The `fiche` settings section answered to workspace/configuration. */
  settings?: unknown;
  /** Extra environment variables of the server's process. */
  env?: Record<string, string>;
}

export class LspClient {
  readonly documents = new Map<string, TextDocument>();
  /** Every diagnostics publication received, per URI, in order. */
  readonly publications = new Map<string, Publication[]>();
  readonly messages: ShowMessageParams[] = [];
  /** The lines the server wrote in the client's output (window/logMessage). */
  readonly logs: LogMessageParams[] = [];
  readonly configurationRequests: string[] = [];
  settings: unknown;
  initializeResult!: InitializeResult;
  private readonly waiters = new Set<() => void>();
  private exited = false;

  private constructor(
    readonly process: ChildProcess,
    readonly connection: ProtocolConnection,
  ) {
    process.once('exit', () => {
      this.exited = true;
      this.notify();
    });
  }

  /** Spawns the server, initializes it like an editor would and returns the client. */
  static async start(options: StartOptions = {}): Promise<LspClient> {
    const child = spawn(process.execPath, [SERVER_BIN, '--stdio'], {
      stdio: ['pipe', 'pipe', 'inherit'],
      env: options.env ? { ...process.env, ...options.env } : process.env,
    });
    const connection = createProtocolConnection(
      new StreamMessageReader(child.stdout!),
      new StreamMessageWriter(child.stdin!),
    );
    const client = new LspClient(child, connection);
    client.settings = options.settings;
    client.listen();
    connection.listen();
    const capabilities = options.capabilities ?? EDITOR_CAPABILITIES;
    client.initializeResult = await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      capabilities,
      workspaceFolders: null,
    });
    await connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  private listen(): void {
    const c = this.connection;
    c.onNotification(PublishDiagnosticsNotification.type, ({ uri, version, diagnostics }) => {
      const list = this.publications.get(uri) ?? [];
      list.push({ version, diagnostics, clientVersion: this.documents.get(uri)?.version });
      this.publications.set(uri, list);
      this.notify();
    });
    c.onNotification(ShowMessageNotification.type, (params) => {
      this.messages.push(params);
      this.notify();
    });
    c.onNotification(LogMessageNotification.type, (params) => {
      this.logs.push(params);
      this.notify();
    });
    c.onRequest(ConfigurationRequest.type, (params) =>
      params.items.map((item) => {
        this.configurationRequests.push(item.scopeUri ?? '');
        return item.section === 'fiche' ? (this.settings ?? null) : null;
      }),
    );
    c.onRequest(RegistrationRequest.type, () => undefined);
    c.onRequest(ApplyWorkspaceEditRequest.type, async ({ edit }) => {
      await this.applyWorkspaceEdit(edit);
      return { applied: true };
    });
  }

  /** Opens a document (didOpen). */
  async open(uri: string, text: string, languageId = 'fiche'): Promise<void> {
    this.documents.set(uri, TextDocument.create(uri, languageId, 1, text));
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId, version: 1, text },
    });
  }

  /** Applies edits as the editor would and sends them incrementally (didChange with ranges). */
  async edit(uri: string, edits: TextEdit[]): Promise<void> {
    const document = this.document(uri);
    const version = document.version + 1;
    const changes = [...edits]
      .sort((a, b) => document.offsetAt(b.range.start) - document.offsetAt(a.range.start))
      .map((edit) => ({ range: edit.range, text: edit.newText }));
    this.documents.set(uri, TextDocument.update(document, changes, version));
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: changes,
    });
  }

  /** Replaces the first occurrence of `search` by `replacement` (one incremental change). */
  async replace(uri: string, search: string, replacement: string): Promise<void> {
    const document = this.document(uri);
    const start = document.getText().indexOf(search);
    if (start < 0) {
      throw new Error(`« ${search} » absent du document`);
    }
    const range = { start: document.positionAt(start), end: document.positionAt(start + search.length) };
    await this.edit(uri, [{ range, newText: replacement }]);
  }

  async close(uri: string): Promise<void> {
    this.documents.delete(uri);
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  /** Changes the settings and tells the server, as VS Code does in the pull model. */
  async changeSettings(settings: unknown): Promise<void> {
    this.settings = settings;
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { fiche: settings } });
  }

  /** Applies a workspace edit to the open documents, then syncs them to the server. */
  async applyWorkspaceEdit(edit: WorkspaceEdit): Promise<void> {
    for (const change of edit.documentChanges ?? []) {
      if ('textDocument' in change) {
        const current = this.document(change.textDocument.uri);
        if (change.textDocument.version !== null && change.textDocument.version !== current.version) {
          throw new Error(`édition pour la version ${change.textDocument.version}, document en version ${current.version}`);
        }
        await this.edit(change.textDocument.uri, change.edits as TextEdit[]);
      }
    }
    for (const [uri, edits] of Object.entries(edit.changes ?? {})) {
      await this.edit(uri, edits);
    }
  }

  document(uri: string): TextDocument {
    const document = this.documents.get(uri);
    if (!document) {
      throw new Error(`document non ouvert : ${uri}`);
    }
    return document;
  }

  text(uri: string): string {
    return this.document(uri).getText();
  }

  /** The diagnostics published for the document's current version (waits for them). */
  async diagnostics(uri: string, timeoutMs = 5000): Promise<Diagnostic[]> {
    const version = this.document(uri).version;
    const publication = await this.waitFor(
      () => this.publications.get(uri)?.find((p) => p.version === version),
      timeoutMs,
      `diagnostics de ${uri} v${version}`,
    );
    return publication.diagnostics;
  }

  /** Resolves with the first truthy value of `probe`, re-evaluated on every server message. */
  waitFor<T>(probe: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const value = probe();
        if (value) {
          done();
          resolve(value);
        } else if (this.exited) {
          done();
          reject(new Error(`le serveur s'est arrêté en attendant ${what}`));
        }
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`délai dépassé en attendant ${what}`));
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(check);
      };
      this.waiters.add(check);
      check();
    });
  }

  private notify(): void {
    for (const waiter of [...this.waiters]) {
      waiter();
    }
  }

  /** Shuts the server down properly and waits for its exit. */
  async stop(): Promise<number | null> {
    if (!this.exited) {
      const exit = new Promise<number | null>((resolve) => this.process.once('exit', (code) => resolve(code)));
      try {
        await this.connection.sendRequest(ShutdownRequest.type);
        await this.connection.sendNotification(ExitNotification.type);
      } catch {
        this.process.kill();
      }
      const code = await exit;
      this.connection.dispose();
      return code;
    }
    this.connection.dispose();
    return this.process.exitCode;
  }

  get hasExited(): boolean {
    return this.exited;
  }
}
