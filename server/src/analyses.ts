import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, withPositions, type AnalysisOptions, type AnalysisResult, type FicheData, type Finding } from './core';
import { fixAll } from './core/fix-all';

/** Whether the server serves this document: language `fiche`, or any file named `*.fiche.md`. */
export function isFiche(document: TextDocument): boolean {
  return document.languageId === 'fiche' || /\.fiche\.md$/i.test(document.uri.split(/[?#]/)[0]);
}

/** An analysis done elsewhere, as plain data: the document without its text (the caller has it). */
export interface AnalysisData {
  document: Omit<FicheData, 'text'>;
  findings: Finding[];
  /** Time the analysis itself took, in ms. */
  duration: number;
}

/**
 * What became of a job given to a runner: done; `superseded` when a newer job of the same
 * document (and kind) replaced it before its end, so its result is of no use; `unavailable` when
 * the runner cannot run it (it failed to start or died): the caller does the work inline.
 */
export type RunOutcome<T> = { status: 'done'; value: T } | { status: 'superseded' } | { status: 'unavailable' };

/**
 * Runs the analyses of long documents away from the server's thread (a worker thread on Node;
 * the browser server has none). At most one job waits per document and kind: a newer one
 * replaces it. A job that throws rejects, as the inline analysis would.
 */
export interface AnalysisRunner {
  /** Texts at least this long (UTF-16 code units) go to the runner; shorter ones are analysed inline. */
  readonly threshold: number;
  analyze(uri: string, text: string, options: AnalysisOptions): Promise<RunOutcome<AnalysisData>>;
  /** The text with every preferred fix applied (of `ruleId` only, when given): the core's `fixAll`. */
  fixAll(uri: string, text: string, options: AnalysisOptions, ruleId?: string): Promise<RunOutcome<string>>;
  /** The document was closed: its waiting and running jobs are superseded. */
  forget(uri: string): void;
  /** Stops the runner (server shutdown); later jobs are `unavailable`. */
  dispose(): Promise<void>;
}

interface Entry<T> {
  /** The document object: a URI closed and reopened is a new one, at version 1 again. */
  document: TextDocument;
  version: number;
  options: AnalysisOptions;
  /** Undefined when a newer version (or other options) replaced this one before its end. */
  result: Promise<T | undefined>;
}

/**
 * The last analysis of each document, so that diagnostics, hover and actions share one run per
 * version. Long documents are analysed by the runner, when there is one; the others inline.
 */
export class Analyses {
  private readonly cache = new Map<string, Entry<AnalysisResult>>();
  /** Fixed texts of "fix all" (per document and rule), long documents only. */
  private readonly fixed = new Map<string, Entry<string>>();
  private readonly durations = new Map<string, number>();

  constructor(private readonly runner?: AnalysisRunner) {}

  /**
   * The analysis of the document's current version with `options`; undefined when a newer
   * version (or other options) was asked for before it ended: ask again for the current one.
   * Short documents are analysed at once, synchronously, before this returns.
   */
  of(document: TextDocument, options: AnalysisOptions): Promise<AnalysisResult | undefined> {
    const { uri, version } = document;
    const cached = this.cache.get(uri);
    if (cached && cached.document === document && cached.version === version && cached.options === options) {
      return cached.result;
    }
    this.dropFixes(uri);
    const text = document.getText();
    const result = this.isLong(text) ? this.remote(uri, text, options) : Promise.resolve(this.inline(uri, text, options));
    const entry = { document, version, options, result };
    this.cache.set(uri, entry);
    // A superseded analysis is not kept: asking again for that version gives a new one.
    result.then(
      (value) => value === undefined && this.cache.get(uri) === entry && this.cache.delete(uri),
      () => undefined,
    );
    return result;
  }

  /**
   * The text of `document` with every preferred fix applied (of `ruleId` only, when given);
   * `analysis`: its current analysis. Undefined when a newer version was asked for meanwhile.
   */
  fixAll(document: TextDocument, options: AnalysisOptions, analysis: AnalysisResult, ruleId?: string): Promise<string | undefined> {
    const text = document.getText();
    if (!this.isLong(text)) {
      return Promise.resolve(fixAll(text, options, ruleId, analysis));
    }
    const key = `${ruleId ?? ''}\u0000${document.uri}`;
    const cached = this.fixed.get(key);
    if (cached && cached.document === document && cached.version === document.version && cached.options === options) {
      return cached.result;
    }
    const result = this.runner!.fixAll(document.uri, text, options, ruleId).then((outcome) =>
      outcome.status === 'done' ? outcome.value : outcome.status === 'unavailable' ? fixAll(text, options, ruleId, analysis) : undefined,
    );
    const entry = { document, version: document.version, options, result };
    this.fixed.set(key, entry);
    result.then(
      (value) => value === undefined && this.fixed.get(key) === entry && this.fixed.delete(key),
      () => undefined,
    );
    return result;
  }

  /** How long the document's last analysis took, in ms (0 before the first). */
  duration(uri: string): number {
    return this.durations.get(uri) ?? 0;
  }

  forget(uri: string): void {
    this.cache.delete(uri);
    this.durations.delete(uri);
    this.dropFixes(uri);
    this.runner?.forget(uri);
  }

  dispose(): Promise<void> {
    return this.runner?.dispose() ?? Promise.resolve();
  }

  // The fixed texts of a document's older version (long documents only: a few large strings).
  private dropFixes(uri: string): void {
    for (const key of this.fixed.keys()) {
      if (key.endsWith(`\u0000${uri}`)) {
        this.fixed.delete(key);
      }
    }
  }

  private isLong(text: string): boolean {
    return this.runner !== undefined && text.length >= this.runner.threshold;
  }

  private inline(uri: string, text: string, options: AnalysisOptions): AnalysisResult {
    const start = performance.now();
    const result = analyze(text, options);
    this.durations.set(uri, performance.now() - start);
    return result;
  }

  private async remote(uri: string, text: string, options: AnalysisOptions): Promise<AnalysisResult | undefined> {
    const outcome = await this.runner!.analyze(uri, text, options);
    switch (outcome.status) {
      case 'superseded':
        return undefined;
      case 'unavailable':
        return this.inline(uri, text, options);
      case 'done': {
        const { document, findings, duration } = outcome.value;
        this.durations.set(uri, duration);
        // The worker's data, with the text we sent and the two functions rebuilt on this side.
        return { document: withPositions({ ...document, text }), findings };
      }
    }
  }
}
