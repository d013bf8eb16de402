// A prose region as the scan sees it: its words, the gaps between them, and what those gaps
// say (neighbours in a phrase, sentence starts, hyphenated inversions, a "ne" before a verb).
import { isApostrophe, tokenize, type Token } from './tokens';

/** A subject pronoun inverted after a verb: "-t-il" (`t` is the "t" token) or "-nous". */
export interface Inversion {
  /** Index of the pronoun. */
  pronoun: number;
  t: number | undefined;
  /** Index of the last token of the inversion (the pronoun). */
  last: number;
}

/** Pronouns that may follow a verb with a hyphen ("permettra-t-il", "pourrons-nous"). */
const INVERTED = new Set(['je', 'tu', 'il', 'elle', 'on', 'nous', 'vous', 'ils', 'elles']);
const WHITESPACE_IN_PARAGRAPH = /^[ \t\u00a0]*\n?[ \t\u00a0]*$/;
const SENTENCE_BREAK = /[.!?…:;«“"(\[—–•|]/;

/** The words of `prose.slice(start, end)` with the text around them. */
export class Region {
  readonly tokens: Token[];
  private apostropheChar: string | undefined;

  constructor(
    readonly prose: string,
    readonly start: number,
    readonly end: number,
  ) {
    this.tokens = tokenize(prose, start, end);
  }

  /** The apostrophe the region uses most (’ or '), for elisions the rewrites create. */
  get apostrophe(): string {
    this.apostropheChar ??= mostUsedApostrophe(this.prose.slice(this.start, this.end));
    return this.apostropheChar;
  }

  /** The text between token i-1 (or the region start) and token i. */
  gap(i: number): string {
    const from = i === 0 ? this.start : this.tokens[i - 1].end;
    return this.prose.slice(from, this.tokens[i].start);
  }

  /** Whitespace only, inside one paragraph: the words are neighbours in a sentence. */
  spaceBefore(i: number): boolean {
    return i > 0 && WHITESPACE_IN_PARAGRAPH.test(this.gap(i)) && this.gap(i) !== '';
  }

  /** Neighbour in the same phrase: whitespace, or an elision apostrophe. */
  joinedBefore(i: number): boolean {
    return this.spaceBefore(i) || (i > 0 && isApostrophe(this.gap(i)));
  }

  /** True when token i opens a sentence, a list item or a parenthesis. */
  sentenceStart(i: number): boolean {
    return i === 0 || SENTENCE_BREAK.test(this.gap(i));
  }

  /** "-t-il", "-elle", "-nous" after token i; 'compound' for any other hyphenated word. */
  inversionAfter(i: number): Inversion | 'compound' | undefined {
    const next = this.tokens[i + 1];
    if (!next || this.gap(i + 1) !== '-') {
      return undefined;
    }
    const after = this.tokens[i + 2];
    if (next.lower === 't' && after && this.gap(i + 2) === '-' && ['il', 'elle', 'on'].includes(after.lower)) {
      return { pronoun: i + 2, t: i + 1, last: i + 2 };
    }
    if (INVERTED.has(next.lower) && !(after && this.gap(i + 2) === '-')) {
      return { pronoun: i + 1, t: undefined, last: i + 1 };
    }
    return 'compound';
  }

  /** Index of "ne"/"n'" right before token i. */
  negationBefore(i: number): number | undefined {
    if (i === 0) {
      return undefined;
    }
    const previous = this.tokens[i - 1].lower;
    if ((previous === 'ne' && this.spaceBefore(i)) || (previous === 'n' && isApostrophe(this.gap(i)))) {
      return i - 1;
    }
    return undefined;
  }
}

function mostUsedApostrophe(region: string): string {
  if (!region.includes('’')) {
    return "'";
  }
  let curly = 0;
  let straight = 0;
  for (const char of region) {
    if (char === '’') {
      curly++;
    } else if (char === "'") {
      straight++;
    }
  }
  return curly >= straight ? '’' : "'";
}
