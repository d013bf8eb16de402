// The language server's handlers, shared by the Node entry (server.ts) and the browser entry
// (browser.ts): thin forwarders over the pure core. No Node built-in here: this runs in a web worker too.
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  TextDocumentSyncKind,
  TextDocuments,
  type ClientCapabilities,
  type Connection,
  type InitializeResult,
  type TextDocumentIdentifier,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { checklist, getRule, type AnalysisOptions, type AnalysisResult } from './core';
import { complete } from './core/completion';
import { outline, sectionFolds } from './core/outline';
import { codeActions, fixAllEdits } from './actions';
import { Analyses, isFiche } from './analyses';
import {
  FIX_ALL_KIND,
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

/** What differs between the Node and the browser server. */
export interface ServerEnvironment {
  /** The team's `.ficherc.json` options of a document (Node only: the browser has no file system). */
  readFileOptions?: FileOptionsReader;
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
  private readonly analyses = new Analyses();
  private readonly settings: Settings;
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly seen = new Set<string>();
  private client: ClientCapabilities = {};

  constructor(
    private readonly connection: Connection,
    environment: ServerEnvironment = {},
  ) {
    this.settings = new Settings(connection, () => this.client.workspace?.configuration === true, environment.readFileOptions);
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
      this.schedule(document.uri, this.seen.has(document.uri) ? CHANGE_DEBOUNCE_MS : 0);
      this.seen.add(document.uri);
    });
    documents.onDidClose(({ document }) => {
      clearTimeout(this.timers.get(document.uri));
      this.timers.delete(document.uri);
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
    connection.onCodeAction(async (params) => {
      const target = await this.analysed(params?.textDocument);
      return target && params.context ? codeActions(params, { ...target, versioned: this.versioned() }) : null;
    });
    connection.onCompletion(async (params) => {
      const target = await this.analysed(params?.textDocument);
      if (!target || !params.position) {
        return null;
      }
      const snippets = this.client.textDocument?.completion?.completionItem?.snippetSupport === true;
      const offset = target.document.offsetAt(params.position);
      return complete(target.result.document, offset, params.context?.triggerCharacter).map((suggestion) =>
        toCompletionItem(suggestion, target.document, snippets),
      );
    });
    connection.onHover(async (params) => {
      const target = await this.analysed(params?.textDocument);
      if (!target || !params.position) {
        return null;
      }
      const offset = target.document.offsetAt(params.position);
      const under = target.result.findings.filter((finding) => finding.start <= offset && offset <= finding.end);
      return toHover(under, getRule);
    });
    connection.onDocumentSymbol(async (params) => {
      const target = await this.analysed(params?.textDocument);
      return target ? outline(target.result.document).map(toDocumentSymbol) : null;
    });
    connection.onFoldingRanges(async (params) => {
      const target = await this.analysed(params?.textDocument);
      return target ? sectionFolds(target.result.document).map(toFoldingRange) : null;
    });
    // A code lens on each section heading: the method's checklist for that section.
    connection.onCodeLens(async (params) => {
      const target = await this.analysed(params?.textDocument);
      return target ? checklist(target.result, target.options).map((item) => toCodeLens(item, target.result.document)) : null;
    });
    connection.onRequest(CHECKLIST_REQUEST, async (params: TextDocumentIdentifier | undefined) => {
      const target = await this.analysed(params);
      return target ? checklist(target.result, target.options) : null;
    });
    connection.onExecuteCommand((params) => (params?.command === FIX_ALL_COMMAND ? this.fixAll(params.arguments?.[0]) : null));
  }

  private revalidateAll(): void {
    for (const document of this.documents.all()) {
      this.schedule(document.uri, 0);
    }
  }

  private schedule(uri: string, delay: number): void {
    clearTimeout(this.timers.get(uri));
    const run = () => {
      this.timers.delete(uri);
      this.validate(uri).catch(this.logError);
    };
    if (delay === 0) {
      run();
    } else {
      this.timers.set(uri, setTimeout(run, delay));
    }
  }

  // Publishes the diagnostics of the document's current version; drops the result if it changed meanwhile.
  private async validate(uri: string): Promise<void> {
    const document = this.documents.get(uri);
    if (!document || !isFiche(document)) {
      return;
    }
    const version = document.version;
    const options = await this.settings.forDocument(uri);
    const current = this.documents.get(uri);
    if (!current || current.version !== version) {
      return;
    }
    const { findings } = this.analyses.of(current, options);
    const diagnostics = findings.map((finding) => toDiagnostic(finding, version));
    await this.connection.sendDiagnostics({ uri, version, diagnostics });
  }

  // The document, its options and its analysis, or undefined when it is not a fiche we know.
  private async analysed(id: TextDocumentIdentifier | undefined): Promise<Target | undefined> {
    const document = typeof id?.uri === 'string' ? this.documents.get(id.uri) : undefined;
    if (!document || !isFiche(document)) {
      return undefined;
    }
    const options = await this.settings.forDocument(document.uri);
    return { document, options, result: this.analyses.of(document, options) };
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
    const edits = fixAllEdits(target.document, target.options);
    if (edits.length === 0) {
      return { applied: true };
    }
    const edit = toWorkspaceEdit(target.document, edits, this.versioned());
    const result = await this.connection.workspace.applyEdit({ label: 'Corriger toute la fiche', edit });
    return { applied: result.applied };
  }
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
