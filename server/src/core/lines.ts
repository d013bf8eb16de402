import type { Position } from './types';

/** Offset ↔ LSP position conversion for one text (lines split on \n, \r\n and \r). */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(private readonly text: string) {
    if (!text.includes('\r')) {
      // The usual case: native search for \n is several times faster than a character loop.
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
        this.starts.push(i + 1);
      }
      return;
    }
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13 /* \r */) {
        if (text.charCodeAt(i + 1) === 10) {
          i++;
        }
        this.starts.push(i + 1);
      } else if (c === 10 /* \n */) {
        this.starts.push(i + 1);
      }
    }
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid] <= clamped) {
        low = mid;
      } else {
        high = mid - 1;
      }
    }
    return { line: low, character: clamped - this.starts[low] };
  }

  offsetAt(position: Position): number {
    if (position.line < 0) {
      return 0;
    }
    if (position.line >= this.starts.length) {
      return this.text.length;
    }
    const lineStart = this.starts[position.line];
    const nextStart = position.line + 1 < this.starts.length ? this.starts[position.line + 1] : this.text.length;
    return Math.max(lineStart, Math.min(lineStart + position.character, nextStart));
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** Offset of the end of a line's text (before its line break). */
  lineEnd(line: number): number {
    const clamped = Math.max(0, Math.min(line, this.starts.length - 1));
    if (clamped + 1 >= this.starts.length) {
      return this.text.length;
    }
    let end = this.starts[clamped + 1] - 1;
    if (end > this.starts[clamped] && this.text.charCodeAt(end) === 10 && this.text.charCodeAt(end - 1) === 13) {
      end--;
    }
    return end;
  }

  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line, this.starts.length - 1))];
  }
}
