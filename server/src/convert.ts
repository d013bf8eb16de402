// Every conversion between the core's plain data and LSP types lives here.
import {
  CodeAction,
  CodeActionKind,
  CompletionItem,
  CompletionItemKind,
  Diagnostic,
  DiagnosticSeverity,
  DocumentSymbol,
  FoldingRange,
  FoldingRangeKind,
  InsertTextFormat,
  MarkupKind,
  SymbolKind,
  TextEdit,
  type CodeLens,
  type Hover,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { FicheDocument, Finding, Fix, Rule, SectionChecklist, Severity } from './core';
import type { FoldingLines, OutlineItem } from './core/outline';
import { escapeAngleBrackets } from './core/text';
import type { Suggestion } from './core/completion';

/** What a diagnostic carries in `data`: its fixes (core offsets) and the version they apply to. */
export interface DiagnosticData {
  version: number;
  fixes: Fix[];
}

export const SOURCE = 'fiche';
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.fiche`;

const SEVERITIES: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** A finding as an LSP diagnostic: rule id as `code`, fixes in `data`. */
export function toDiagnostic(finding: Finding, version: number): Diagnostic {
  const diagnostic = Diagnostic.create(finding.range, finding.message, SEVERITIES[finding.severity], finding.ruleId, SOURCE);
  if (finding.fixes?.length) {
    diagnostic.data = { version, fixes: finding.fixes } satisfies DiagnosticData;
  }
  return diagnostic;
}

/** The fixes a diagnostic of ours carries, if they still apply to `version`. */
export function fixesOf(diagnostic: Diagnostic, version: number): Fix[] | undefined {
  const data = diagnostic.data as Partial<DiagnosticData> | undefined;
  if (diagnostic.source !== SOURCE || !data || data.version !== version || !Array.isArray(data.fixes)) {
    return undefined;
  }
  return data.fixes;
}

/** A core fix as LSP text edits on `document`. */
export function toTextEdits(fix: Fix, document: TextDocument): TextEdit[] {
  return fix.edits.map((edit) =>
    TextEdit.replace({ start: document.positionAt(edit.start), end: document.positionAt(edit.end) }, edit.newText),
  );
}

/** One edit turning the document's text into `newText`, spanning only what differs. */
export function replaceAllEdit(document: TextDocument, newText: string): TextEdit[] {
  const oldText = document.getText();
  if (oldText === newText) {
    return [];
  }
  let prefix = 0;
  const max = Math.min(oldText.length, newText.length);
  while (prefix < max && oldText.charCodeAt(prefix) === newText.charCodeAt(prefix)) {
    prefix++;
  }
  let suffix = 0;
  while (
    suffix < max - prefix &&
    oldText.charCodeAt(oldText.length - 1 - suffix) === newText.charCodeAt(newText.length - 1 - suffix)
  ) {
    suffix++;
  }
  const range = { start: document.positionAt(prefix), end: document.positionAt(oldText.length - suffix) };
  return [TextEdit.replace(range, newText.slice(prefix, newText.length - suffix))];
}

/** Edits on one document as a workspace edit, versioned when the client supports it. */
export function toWorkspaceEdit(document: TextDocument, edits: TextEdit[], versioned: boolean): WorkspaceEdit {
  return versioned
    ? { documentChanges: [{ textDocument: { uri: document.uri, version: document.version }, edits }] }
    : { changes: { [document.uri]: edits } };
}

/** A quick-fix code action for one fix of one diagnostic. */
export function toQuickFix(fix: Fix, diagnostic: Diagnostic, edit: WorkspaceEdit, preferred: boolean): CodeAction {
  return { title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: preferred, edit };
}

/** The "fix every problem of this rule" action. */
export function toFixRuleAction(ruleId: string, diagnostics: Diagnostic[], edit: WorkspaceEdit): CodeAction {
  return { title: `Corriger tous les problèmes « ${ruleId} »`, kind: CodeActionKind.QuickFix, diagnostics, edit };
}

/** The `source.fixAll.fiche` action. */
export function toFixAllAction(edit: WorkspaceEdit): CodeAction {
  return { title: 'Corriger tous les problèmes de la fiche', kind: FIX_ALL_KIND, edit };
}

/** A core suggestion as a completion item (a snippet only when the client supports them). */
export function toCompletionItem(suggestion: Suggestion, document: TextDocument, snippets: boolean): CompletionItem {
  const useSnippet = snippets && suggestion.snippet !== undefined;
  const range = { start: document.positionAt(suggestion.start), end: document.positionAt(suggestion.end) };
  return {
    label: suggestion.label,
    kind: suggestion.kind === 'heading' ? CompletionItemKind.Module : CompletionItemKind.Snippet,
    detail: suggestion.detail,
    documentation: suggestion.documentation,
    filterText: suggestion.filterText,
    sortText: suggestion.sortText,
    insertTextFormat: useSnippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    textEdit: TextEdit.replace(range, useSnippet ? suggestion.snippet! : suggestion.text),
  };
}

/** The rules' explanations of the findings under the cursor, as a Markdown hover. */
export function toHover(findings: Finding[], ruleOf: (id: string) => Rule | undefined): Hover | null {
  const parts = findings.flatMap((finding) => {
    const rule = ruleOf(finding.ruleId);
    return rule ? [escapeAngleBrackets(`**${rule.id}** — ${rule.description}\n\n${rule.explanation}`)] : [];
  });
  if (parts.length === 0) {
    return null;
  }
  const first = findings[0].range;
  return { contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n---\n\n') }, range: first };
}

/** A section of the outline as a document symbol. */
export function toDocumentSymbol(item: OutlineItem): DocumentSymbol {
  const kind = item.kind === 'autre' ? SymbolKind.String : SymbolKind.Module;
  return DocumentSymbol.create(item.name, item.detail, kind, item.range, item.selectionRange);
}

export function toFoldingRange(fold: FoldingLines): FoldingRange {
  return FoldingRange.create(fold.startLine, fold.endLine, undefined, undefined, FoldingRangeKind.Region);
}

/** A section's checklist as a code lens on its heading; clicking opens the Problems panel. */
export function toCodeLens(item: SectionChecklist, document: FicheDocument): CodeLens {
  const section = document.sections[item.section];
  return {
    range: { start: document.positionAt(section.headingStart), end: document.positionAt(section.headingEnd) },
    command: { title: item.summary, command: 'workbench.actions.view.problems' },
  };
}
