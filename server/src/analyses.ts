import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, type AnalysisOptions, type AnalysisResult } from './core';

/** Whether the server serves this document: language `fiche`, or any file named `*.fiche.md`. */
export function isFiche(document: TextDocument): boolean {
  return document.languageId === 'fiche' || /\.fiche\.md$/i.test(document.uri.split(/[?#]/)[0]);
}

/** The last analysis of each document, so that diagnostics, hover and actions share one run per version. */
export class Analyses {
  private readonly cache = new Map<string, { version: number; options: AnalysisOptions; result: AnalysisResult }>();
  private readonly durations = new Map<string, number>();

  of(document: TextDocument, options: AnalysisOptions): AnalysisResult {
    const cached = this.cache.get(document.uri);
    if (cached && cached.version === document.version && cached.options === options) {
      return cached.result;
    }
    const start = performance.now();
    const result = analyze(document.getText(), options);
    this.durations.set(document.uri, performance.now() - start);
    this.cache.set(document.uri, { version: document.version, options, result });
    return result;
  }

  /** How long the document's last analysis took, in ms (0 before the first). */
  duration(uri: string): number {
    return this.durations.get(uri) ?? 0;
  }

  forget(uri: string): void {
    this.cache.delete(uri);
    this.durations.delete(uri);
  }
}
