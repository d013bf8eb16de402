import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, type AnalysisOptions, type AnalysisResult } from './core';

/** Whether the server serves this document: language `fiche`, or any file named `*.fiche.md`. */
export function isFiche(document: TextDocument): boolean {
  return document.languageId === 'fiche' || /\.fiche\.md$/i.test(document.uri.split(/[?#]/)[0]);
}

/** The last analysis of each document, so that diagnostics, hover and actions share one run per version. */
export class Analyses {
  private readonly cache = new Map<string, { version: number; options: AnalysisOptions; result: AnalysisResult }>();

  of(document: TextDocument, options: AnalysisOptions): AnalysisResult {
    const cached = this.cache.get(document.uri);
    if (cached && cached.version === document.version && cached.options === options) {
      return cached.result;
    }
    const result = analyze(document.getText(), options);
    this.cache.set(document.uri, { version: document.version, options, result });
    return result;
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }
}
