import type { Finding, TextEdit } from './types';

/**
 * Applies the preferred fix (the first) of every finding to `text`. Edits that overlap an
 * edit already taken are skipped, so the result is always well-formed; a second pass (re-lint
 * then fix) picks up what was skipped.
 */
export function applyFixes(text: string, findings: readonly Finding[]): string {
  const edits: TextEdit[] = [];
  for (const finding of findings) {
    const fix = finding.fixes?.[0];
    if (fix) {
      edits.push(...fix.edits);
    }
  }
  return applyEdits(text, edits);
}

/** Applies non-overlapping edits (overlapping ones are dropped, first come first kept). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = edits
    .map((edit, index) => ({ edit, index }))
    .sort((a, b) => a.edit.start - b.edit.start || a.edit.end - b.edit.end || a.index - b.index);
  let out = '';
  let cursor = 0;
  let lastInsertAt = -1;
  for (const { edit } of sorted) {
    if (edit.start < cursor || (edit.start === edit.end && edit.start === lastInsertAt)) {
      continue;
    }
    out += text.slice(cursor, edit.start) + edit.newText;
    cursor = edit.end;
    if (edit.start === edit.end) {
      lastInsertAt = edit.start;
    }
  }
  return out + text.slice(cursor);
}
