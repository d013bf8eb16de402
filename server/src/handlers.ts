// The language server's handlers, shared by the Node entry (server.ts) and the browser entry
// (browser.ts): thin forwarders over the pure core. No Node built-in here: this runs in a web worker too.
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  TextDocumentSyncKind,
  TextDocuments,
  type CancellationToken,
  type ClientCapabilities,
  type Connection,
  type InitializeResult,
  type TextDocumentIdentifier,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { checklist, getRule, type AnalysisOptions, type AnalysisResult } from './core';
import { complete } from './core/completion';
import { outline, sectionFolds } from './core/outline';
import { codeActions } from './actions';
import { Analyses, isFiche, type AnalysisRunner } from './analyses';
import {
  FIX_ALL_KIND,
  replaceAllEdit,
  toCodeLens,
  toCompletionItem,
  toDiagnostic,
  toDocumentSymbol,
  toFoldingRange,
  toHover,
  toWorkspaceEdit,
} from './convert';
import { Settings, type FileOptionsReader } from './settings';

/** Server-side command applying every fix to a document; argument: its URI. */
export const FIX_ALL_COMMAND = 'fiche.applyFixAll';
/** Custom request: the method's checklist of a fiche (`{ uri }` → sections with their items). */
export const CHECKLIST_REQUEST = 'fiche/checklist';
const CHANGE_DEBOUNCE_MS = 150;
/** The pause after an edit grows up to this with the document's analysis time (long documents). */
const MAX_DEBOUNCE_MS = 1000;

/** What differs between the Node and the browser server. */
export interface ServerEnvironment {
  /** The team's `.ficherc.json` options of a document (Node only: the browser has no file system). */
  readFileOptions?: FileOptionsReader;
  /**
   * Where long documents are analysed, off the server's thread (Node: a worker thread). Without
   * it (the browser server, itself a web worker), every analysis runs inline.
   */
  analysisRunner?: AnalysisRunner;
}

interface Target {
  document: TextDocument;
  options: AnalysisOptions;
  result: AnalysisResult;
}

/**
 * The fiche language server on a connection it does not own (stdio, IPC or a web worker's port).
 * `listen()` registers every handler and starts reading messages.
 */
export class FicheServer {
  private readonly documents = new TextDocuments(TextDocument);
  private readonly analyses: Analyses;
  private readonly settings: Settings;
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** Per document with a validation waiting for its pause: resolved once it has run. */
  private readonly pending = new Map<string, { settled: Promise<void>; resolve: () => void }>();
  private readonly seen = new Set<string>();
  private client: ClientCapabilities = {};

  constructor(
    private readonly connection: Connection,
    environment: ServerEnvironment = {},
  ) {
    this.settings = new Settings(connection, () => this.client.workspace?.configuration === true, environment.readFileOptions);
    this.analyses = new Analyses(environment.analysisRunner);
  }

  listen(): void {
    this.registerLifecycle();
    this.registerDocuments();
    this.registerFeatures();
    this.documents.listen(this.connection);
    this.connection.listen();
  }

  /** Logs an error of a handler in the client's output instead of letting it take the server down. */
  readonly logError = (error: unknown): void => {
    try {
      this.connection.console.error(`fiche-language-server : ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    } catch {
      // The connection itself is gone: nothing left to tell, and the server ends with it.
    }
  };

  private registerLifecycle(): void {
    const { connection } = this;
    connection.onInitialize((params) => {
      this.client = params.capabilities ?? {};
      return initializeResult();
    });
    // The worker of long documents ends with the server (it never keeps the process alive anyway).
    connection.onShutdown(() => this.analyses.dispose());
    connection.onExit(() => void this.analyses.dispose());
    connection.onInitialized(() => {
      if (this.client.workspace?.didChangeConfiguration?.dynamicRegistration) {
        connection.client.register(DidChangeConfigurationNotification.type, { section: 'fiche' }).catch(this.logError);
      }
    });
    connection.onDidChangeConfiguration((params) => {
      this.settings.reset(params?.settings);
      this.revalidateAll();
    });
    // A `.ficherc.json` was created, changed or deleted (the client watches them): re-read and revalidate.
    connection.onDidChangeWatchedFiles(() => {
      this.settings.clear();
      this.revalidateAll();
    });
  }

  private registerDocuments(): void {
    const { documents } = this;
    documents.onDidChangeContent(({ document }) => {
      // The first content (open) is validated at once, edits after a short pause.
      this.schedule(document.uri, this.seen.has(document.uri) ? this.debounce(document.uri) : 0);
      this.seen.add(document.uri);
    });
    documents.onDidClose(({ document }) => {
      clearTimeout(this.timers.get(document.uri));
      this.timers.delete(document.uri);
      this.settle(document.uri);
      this.seen.delete(document.uri);
      this.settings.forget(document.uri);
      this.analyses.forget(document.uri);
      if (isFiche(document)) {
        this.connection.sendDiagnostics({ uri: document.uri, diagnostics: [] }).catch(this.logError);
      }
    });
  }

  private registerFeatures(): void {
    const { connection } = this;
    connection.onCodeAction(async (params, token) => {
      const target = await this.analysed(params?.textDocument, token);
      if (!target || !params.context) {
        return null;
      }
      const { document, options, result } = target;
      const version = document.version;
      const actions = await codeActions(params, {
        ...target,
        versioned: this.versioned(),
        fixAll: (ruleId) => this.analyses.fixAll(document, options, result, ruleId),
      });
      // A long document's "fix all" ran elsewhere: its edits are for this version only.
      return this.isCurrent(document, version) && !token.isCancellationRequested ? actions : null;
    });
    // Completion answers at once (the writer is waiting for it), the others after the pending pause.
    connection.onCompletion(async (params, token) => {
      const target = await this.analysed(params?.textDocument, token, false);
      if (!target || !params.position) {
        return null;
      }
      const snippets = this.client.textDocument?.completion?.completionItem?.snippetSupport === true;
      const offset = target.document.offsetAt(params.position);
      return complete(target.result.document, offset, params.context?.triggerCharacter).map((suggestion) =>
        toCompletionItem(suggestion, target.document, snippets),
      );
    });
    connection.onHover(async (params, token) => {
      const target = await this.analysed(params?.textDocument, token);
      if (!target || !params.position) {
        return null;
      }
      const offset = target.document.offsetAt(params.position);
      const under = target.result.findings.filter((finding) => finding.start <= offset && offset <= finding.end);
      return toHover(under, getRule);
    });
    connection.onDocumentSymbol(async (params, token) => {
      const target = await this.analysed(params?.textDocument, token);
      return target ? outline(target.result.document).map(toDocumentSymbol) : null;
    });
    connection.onFoldingRanges(async (params, token) => {
      const target = await this.analysed(params?.textDocument, token);
      return target ? sectionFolds(target.result.document).map(toFoldingRange) : null;
    });
    // A code lens on each section heading: the method's checklist for that section.
    connection.onCodeLens(async (params, token) => {
      const target = await this.analysed(params?.textDocument, token);
      return target ? checklist(target.result, target.options).map((item) => toCodeLens(item, target.result.document)) : null;
    });
    connection.onRequest(CHECKLIST_REQUEST, async (params: TextDocumentIdentifier | undefined, token: CancellationToken) => {
      const target = await this.analysed(params, token);
      return target ? checklist(target.result, target.options) : null;
    });
    connection.onExecuteCommand((params) => (params?.command === FIX_ALL_COMMAND ? this.fixAll(params.arguments?.[0]) : null));
  }

  private revalidateAll(): void {
    for (const document of this.documents.all()) {
      this.schedule(document.uri, 0);
    }
  }

  // The pause before validating an edit: the debounce, longer for a document whose analysis is long
  // (as long as its last analysis, at most MAX_DEBOUNCE_MS), so that typing on it is not a chain of analyses.
  private debounce(uri: string): number {
    return Math.min(MAX_DEBOUNCE_MS, Math.max(CHANGE_DEBOUNCE_MS, Math.ceil(this.analyses.duration(uri))));
  }

  private schedule(uri: string, delay: number): void {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    const run = () => {
      this.timers.delete(uri);
      this.validate(uri)
        .catch(this.logError)
        .finally(() => {
          if (!this.timers.has(uri)) {
            this.settle(uri);
          }
        });
    };
    if (delay === 0) {
      run();
    } else {
      if (!this.pending.has(uri)) {
        let resolve!: () => void;
        const settled = new Promise<void>((done) => (resolve = done));
        this.pending.set(uri, { settled, resolve });
      }
      this.timers.set(uri, setTimeout(run, delay));
    }
  }

  private settle(uri: string): void {
    this.pending.get(uri)?.resolve();
    this.pending.delete(uri);
  }

  // Publishes the diagnostics of the document's current version. A version that changed before or
  // during the analysis is dropped, unpublished: the newer one has its own validation scheduled.
  private async validate(uri: string): Promise<void> {
    const document = this.documents.get(uri);
    if (!document || !isFiche(document)) {
      return;
    }
    const version = document.version;
    const options = await this.settings.forDocument(uri);
    if (!this.isCurrent(document, version)) {
      return;
    }
    const result = await this.analyses.of(document, options);
    if (!result) {
      return; // a newer version (or other options) replaced it: its own validation publishes
    }
    // Edits that arrived during a long analysis are read and applied before publishing.
    await nextTurn();
    if (!this.isCurrent(document, version)) {
      return;
    }
    const diagnostics = result.findings.map((finding) => toDiagnostic(finding, version));
    await this.connection.sendDiagnostics({ uri, version, diagnostics });
  }

  // The same document object (a URI closed and reopened starts again at version 1: a new object)
  // still at that version.
  private isCurrent(document: TextDocument, version: number): boolean {
    return this.documents.get(document.uri) === document && document.version === version;
  }

  // The document, its options and its analysis, or undefined when it is not a fiche we know or the
  // request was cancelled. While the writer types (a validation waits for its pause), the request
  // waits for it, so that requests share the validation's analysis instead of one per keystroke.
  // A long document's analysis runs in the worker: the request waits for it too, and for the next
  // one when the document changed meanwhile (the answer is always on the current version).
  private async analysed(
    id: TextDocumentIdentifier | undefined,
    token?: CancellationToken,
    afterPause = true,
  ): Promise<Target | undefined> {
    const uri = typeof id?.uri === 'string' ? id.uri : undefined;
    if (uri === undefined) {
      return undefined;
    }
    for (;;) {
      for (let pending = this.pending.get(uri); afterPause && pending; pending = this.pending.get(uri)) {
        await pending.settled;
      }
      const document = this.documents.get(uri);
      if (!document || !isFiche(document) || token?.isCancellationRequested) {
        return undefined;
      }
      const options = await this.settings.forDocument(document.uri);
      const current = this.documents.get(uri);
      if (!current || token?.isCancellationRequested) {
        return undefined;
      }
      const version = current.version;
      const result = await this.analyses.of(current, options);
      if (token?.isCancellationRequested) {
        return undefined;
      }
      if (result && this.isCurrent(current, version)) {
        return { document: current, options, result };
      }
    }
  }

  private versioned(): boolean {
    return this.client.workspace?.workspaceEdit?.documentChanges === true;
  }

  // The server-side "fix all" command; `arg` is the document's URI (or `{ uri }`).
  private async fixAll(arg: unknown): Promise<{ applied: boolean }> {
    const uri = typeof arg === 'string' ? arg : (arg as { uri?: unknown } | undefined)?.uri;
    const target = await this.analysed(typeof uri === 'string' ? { uri } : undefined);
    if (!target) {
      return { applied: false };
    }
    const version = target.document.version;
    const fixed = await this.analyses.fixAll(target.document, target.options, target.result);
    if (fixed === undefined || !this.isCurrent(target.document, version)) {
      return { applied: false }; // the document changed meanwhile
    }
    const edits = replaceAllEdit(target.document, fixed);
    if (edits.length === 0) {
      return { applied: true };
    }
    const edit = toWorkspaceEdit(target.document, edits, this.versioned());
    const result = await this.connection.workspace.applyEdit({ label: 'Corriger toute la fiche', edit });
    return { applied: result.applied };
  }
}

/** A macrotask later: the messages read meanwhile (edits typed during an analysis) are handled first. */
function nextTurn(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

function initializeResult(): InitializeResult {
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
      completionProvider: { triggerCharacters: ['#', ' '] },
      hoverProvider: true,
      documentSymbolProvider: { label: 'Fiche produit' },
      foldingRangeProvider: true,
      executeCommandProvider: { commands: [FIX_ALL_COMMAND] },
      codeLensProvider: { resolveProvider: false },
    },
    serverInfo: { name: 'fiche-language-server' },
  };
}
