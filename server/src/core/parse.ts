import type { FicheDocument } from './types';
import { LineIndex } from './lines';

// TEMPORARY: the Markdown parser is being written; this returns a document with no section.
export function parseFiche(text: string): FicheDocument {
  const lines = new LineIndex(text);
  return {
    text,
    prose: text,
    sections: [],
    name: undefined,
    bodyStart: 0,
    positionAt: (offset) => lines.positionAt(offset),
    offsetAt: (position) => lines.offsetAt(position),
  };
}
