import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { suppressionFixes, type AnalysisOptions, type AnalysisResult, type Finding, type Fix } from './core';
import {
  FIX_ALL_KIND,
  SOURCE,
  fixesOf,
  replaceAllEdit,
  toFixAllAction,
  toFixRuleAction,
  toQuickFix,
  toTextEdits,
  toWorkspaceEdit,
} from './convert';

/** What a code action request needs besides its params. */
export interface ActionContext {
  document: TextDocument;
  result: AnalysisResult;
  options: AnalysisOptions;
  /** Whether the client takes versioned `documentChanges`. */
  versioned: boolean;
  /**
   * The document's text with every preferred fix applied (of `ruleId` only, when given): the
   * core's `fixAll` with the analysis above, elsewhere for a long document. Undefined when the
   * document changed meanwhile.
   */
  fixAll(ruleId?: string): Promise<string | undefined>;
}

/** Quick-fixes for the diagnostics in the request, "fix all of this rule", and `source.fixAll.fiche` when asked. */
export async function codeActions(params: CodeActionParams, context: ActionContext): Promise<CodeAction[]> {
  const actions: CodeAction[] = [];
  const only = params.context.only;
  if (!only || covers(only, CodeActionKind.QuickFix)) {
    const ours = params.context.diagnostics.filter((diagnostic) => diagnostic.source === SOURCE);
    actions.push(...ours.flatMap((diagnostic) => quickFixes(diagnostic, context)));
    actions.push(...(await fixRuleActions(ours, context)));
  }
  if (only && covers(only, FIX_ALL_KIND)) {
    const edits = await fixAllEdits(context);
    if (edits.length > 0) {
      actions.push(toFixAllAction(toWorkspaceEdit(context.document, edits, context.versioned)));
    }
  }
  return actions;
}

/** The edits of "fix everything" (of one rule when given) on the document; none when it changed meanwhile. */
async function fixAllEdits(context: ActionContext, ruleId?: string): Promise<TextEdit[]> {
  const fixed = await context.fixAll(ruleId);
  return fixed === undefined ? [] : replaceAllEdit(context.document, fixed);
}

// The rule's own fixes (the first preferred), then "ignorer ici" and "désactiver dans ce fichier".
function quickFixes(diagnostic: Diagnostic, context: ActionContext): CodeAction[] {
  const finding = currentFinding(diagnostic, context);
  const fixes = fixesOf(diagnostic, context.document.version) ?? finding?.fixes ?? [];
  const actions = fixes.map((fix, index) => toAction(fix, diagnostic, context, index === 0));
  if (finding) {
    const { ignore, disable } = suppressionFixes(context.result.document, finding);
    actions.push(toAction(ignore, diagnostic, context, false), toAction(disable, diagnostic, context, false));
  }
  return actions;
}

function toAction(fix: Fix, diagnostic: Diagnostic, context: ActionContext, preferred: boolean): CodeAction {
  const edit = toWorkspaceEdit(context.document, toTextEdits(fix, context.document), context.versioned);
  return toQuickFix(fix, diagnostic, edit, preferred);
}

// The finding of the current analysis that the diagnostic shows (same rule, same range), if any.
function currentFinding(diagnostic: Diagnostic, context: ActionContext): Finding | undefined {
  const { start, end } = diagnostic.range;
  return context.result.findings.find(
    (f) =>
      f.ruleId === diagnostic.code &&
      f.range.start.line === start.line &&
      f.range.start.character === start.character &&
      f.range.end.line === end.line &&
      f.range.end.character === end.character,
  );
}

// One "Corriger tous les problèmes « id »" per rule of the request that has more than one fixable finding.
async function fixRuleActions(diagnostics: Diagnostic[], context: ActionContext): Promise<CodeAction[]> {
  const ruleIds = new Set(diagnostics.map((diagnostic) => String(diagnostic.code)));
  const actions: CodeAction[] = [];
  for (const ruleId of ruleIds) {
    const fixable = context.result.findings.filter((f) => f.ruleId === ruleId && f.fixes?.length);
    if (fixable.length < 2) {
      continue;
    }
    const edits = await fixAllEdits(context, ruleId);
    if (edits.length > 0) {
      const related = diagnostics.filter((diagnostic) => String(diagnostic.code) === ruleId);
      actions.push(toFixRuleAction(ruleId, related, toWorkspaceEdit(context.document, edits, context.versioned)));
    }
  }
  return actions;
}

// Whether one of the requested kinds is `kind` or one of its parents ("source" covers "source.fixAll.fiche").
function covers(only: string[], kind: string): boolean {
  return only.some((wanted) => wanted === '' || kind === wanted || kind.startsWith(`${wanted}.`));
}
