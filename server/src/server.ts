// The fiche language server: thin handlers over the pure core. Stdio with `--stdio`, IPC with `--node-ipc`.
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  ProposedFeatures,
  TextDocumentSyncKind,
  TextDocuments,
  createConnection,
  type ClientCapabilities,
  type TextDocumentIdentifier,
} from 'vscode-languageserver/node';
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
import { Settings } from './settings';

/** Server-side command applying every fix to a document; argument: its URI. */
export const FIX_ALL_COMMAND = 'fiche.applyFixAll';
/** Custom request: the method's checklist of a fiche (`{ uri }` → sections with their items). */
export const CHECKLIST_REQUEST = 'fiche/checklist';
const CHANGE_DEBOUNCE_MS = 150;

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const analyses = new Analyses();
let client: ClientCapabilities = {};
const settings = new Settings(connection, () => client.workspace?.configuration === true);
const timers = new Map<string, NodeJS.Timeout>();
const seen = new Set<string>();

connection.onInitialize((params) => {
  client = params.capabilities ?? {};
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
});

connection.onInitialized(() => {
  if (client.workspace?.didChangeConfiguration?.dynamicRegistration) {
    connection.client.register(DidChangeConfigurationNotification.type, { section: 'fiche' }).catch(logError);
  }
});

connection.onDidChangeConfiguration((params) => {
  settings.reset(params?.settings);
  for (const document of documents.all()) {
    schedule(document.uri, 0);
  }
});

// A `.ficherc.json` was created, changed or deleted (the client watches them): re-read and revalidate.
connection.onDidChangeWatchedFiles(() => {
  settings.clear();
  for (const document of documents.all()) {
    schedule(document.uri, 0);
  }
});

documents.onDidChangeContent(({ document }) => {
  // The first content (open) is validated at once, edits after a short pause.
  schedule(document.uri, seen.has(document.uri) ? CHANGE_DEBOUNCE_MS : 0);
  seen.add(document.uri);
});

documents.onDidClose(({ document }) => {
  clearTimeout(timers.get(document.uri));
  timers.delete(document.uri);
  seen.delete(document.uri);
  settings.forget(document.uri);
  analyses.forget(document.uri);
  if (isFiche(document)) {
    connection.sendDiagnostics({ uri: document.uri, diagnostics: [] }).catch(logError);
  }
});

function schedule(uri: string, delay: number): void {
  clearTimeout(timers.get(uri));
  const run = () => {
    timers.delete(uri);
    validate(uri).catch(logError);
  };
  if (delay === 0) {
    run();
  } else {
    timers.set(uri, setTimeout(run, delay));
  }
}

// Publishes the diagnostics of the document's current version; drops the result if it changed meanwhile.
async function validate(uri: string): Promise<void> {
  const document = documents.get(uri);
  if (!document || !isFiche(document)) {
    return;
  }
  const version = document.version;
  const options = await settings.forDocument(uri);
  const current = documents.get(uri);
  if (!current || current.version !== version) {
    return;
  }
  const { findings } = analyses.of(current, options);
  const diagnostics = findings.map((finding) => toDiagnostic(finding, version));
  await connection.sendDiagnostics({ uri, version, diagnostics });
}

// The document, its options and its analysis, or undefined when it is not a fiche we know.
async function analysed(
  id: TextDocumentIdentifier | undefined,
): Promise<{ document: TextDocument; options: AnalysisOptions; result: AnalysisResult } | undefined> {
  const document = typeof id?.uri === 'string' ? documents.get(id.uri) : undefined;
  if (!document || !isFiche(document)) {
    return undefined;
  }
  const options = await settings.forDocument(document.uri);
  return { document, options, result: analyses.of(document, options) };
}

const versioned = () => client.workspace?.workspaceEdit?.documentChanges === true;

connection.onCodeAction(async (params) => {
  const target = await analysed(params?.textDocument);
  return target && params.context ? codeActions(params, { ...target, versioned: versioned() }) : null;
});

connection.onCompletion(async (params) => {
  const target = await analysed(params?.textDocument);
  if (!target || !params.position) {
    return null;
  }
  const snippets = client.textDocument?.completion?.completionItem?.snippetSupport === true;
  const offset = target.document.offsetAt(params.position);
  return complete(target.result.document, offset, params.context?.triggerCharacter).map((suggestion) =>
    toCompletionItem(suggestion, target.document, snippets),
  );
});

connection.onHover(async (params) => {
  const target = await analysed(params?.textDocument);
  if (!target || !params.position) {
    return null;
  }
  const offset = target.document.offsetAt(params.position);
  const under = target.result.findings.filter((finding) => finding.start <= offset && offset <= finding.end);
  return toHover(under, getRule);
});

connection.onDocumentSymbol(async (params) => {
  const target = await analysed(params?.textDocument);
  return target ? outline(target.result.document).map(toDocumentSymbol) : null;
});

connection.onFoldingRanges(async (params) => {
  const target = await analysed(params?.textDocument);
  return target ? sectionFolds(target.result.document).map(toFoldingRange) : null;
});

// A code lens on each section heading: the method's checklist for that section.
connection.onCodeLens(async (params) => {
  const target = await analysed(params?.textDocument);
  return target ? checklist(target.result, target.options).map((item) => toCodeLens(item, target.result.document)) : null;
});

connection.onRequest(CHECKLIST_REQUEST, async (params: TextDocumentIdentifier | undefined) => {
  const target = await analysed(params);
  return target ? checklist(target.result, target.options) : null;
});

connection.onExecuteCommand(async (params) => {
  if (params?.command !== FIX_ALL_COMMAND) {
    return null;
  }
  const arg: unknown = params.arguments?.[0];
  const uri = typeof arg === 'string' ? arg : (arg as { uri?: unknown } | undefined)?.uri;
  const target = await analysed(typeof uri === 'string' ? { uri } : undefined);
  if (!target) {
    return { applied: false };
  }
  const edits = fixAllEdits(target.document, target.options);
  if (edits.length === 0) {
    return { applied: true };
  }
  const edit = toWorkspaceEdit(target.document, edits, versioned());
  const result = await connection.workspace.applyEdit({ label: 'Corriger toute la fiche', edit });
  return { applied: result.applied };
});

function logError(error: unknown): void {
  try {
    connection.console.error(`fiche-language-server : ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  } catch {
    // The connection itself is gone: nothing left to tell, and the process ends with it.
  }
}

// A bug in a handler must not take the editor's server down; say it in the log instead.
process.on('uncaughtException', logError);
process.on('unhandledRejection', logError);

documents.listen(connection);
connection.listen();
