import MarkdownIt from 'markdown-it';
import LinkifyIt from 'linkify-it';

type Token = MarkdownIt.Token;
type StateInline = MarkdownIt.StateInline;
import type { LineIndex } from './lines';
import { firstAtOrAfter, isSpaceCode } from './text';

/** A block of prose found by the Markdown parser, with offsets in the original text. */
export interface MarkdownBlock {
  type: 'heading' | 'paragraph';
  start: number;
  end: number;
  /** 0-based line of the block's first line. */
  line: number;
  level?: number;
  inList?: boolean;
  /** Heading text as written (inline Markdown included). */
  content: string;
}

export interface MarkdownScan {
  blocks: MarkdownBlock[];
  /** Line ranges [first, last + 1) of code blocks (fenced or indented). */
  codeLines: [number, number][];
  /** The text with everything that is not prose replaced by spaces (newlines kept). */
  prose: string;
}

/** Where an inline construct lies in its inline token's content (set by `recordPosition`). */
interface InlineSpan {
  start: number;
  end: number;
  /** For links: offset of the closing `]` of the label (the destination follows it). */
  labelEnd?: number;
}

/** Inline constructs that are not prose, and the token type each rule pushes first. */
const NON_PROSE_RULES: Record<string, string> = {
  backticks: 'code_inline',
  link: 'link_open',
  image: 'image',
  autolink: 'link_open',
  html_inline: 'html_inline',
};

let parser: MarkdownIt | undefined;
let linkify: LinkifyIt | undefined;

/** The shared markdown-it instance: CommonMark + tables, HTML recognised, no typography. */
function getParser(): MarkdownIt {
  parser ??= createParser();
  return parser;
}

/**
 * Builds it. `fast`: with the shorter text rule and the inline parse only where it matters (both
 * below); without, markdown-it's own rules, which a test compares them with.
 */
export function createParser(fast = true): MarkdownIt {
  const md = new MarkdownIt({ html: true, linkify: false, typographer: false });
  // Emphasis and strikethrough do not change what is prose: skip them (they cost time).
  md.disable(['emphasis', 'strikethrough', 'replacements', 'smartquotes', 'text_join', 'linkify']);
  for (const [name, tokenType] of Object.entries(NON_PROSE_RULES)) {
    recordPosition(md, name, tokenType);
  }
  skipNoOpNormalize(md);
  if (fast) {
    md.inline.ruler.at('text', proseText);
    md.core.ruler.at('inline', inlineWhereNeeded);
  }
  return md;
}

/**
 * markdown-it's core `inline` rule, for the inline tokens that can hold something that is not
 * prose: the core reads only the spans of code, links, images, autolinks and HTML (see
 * `NON_PROSE_RULES`), and each of them starts with one of these characters. Most paragraphs
 * have none: their inline parse (text tokens nobody reads) is skipped.
 */
function inlineWhereNeeded(state: MarkdownIt.StateCore): void {
  const tokens = state.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.type === 'inline' && NON_PROSE_START.test(token.content)) {
      state.md.inline.parse(token.content, state.md, state.env, token.children ?? (token.children = []));
    }
  }
}

/** Where a code span (`), a link or an image ([), an autolink or inline HTML (<) can start. */
const NON_PROSE_START = /[`[<]/;

/**
 * Characters where one of the inline rules left enabled can start (newline, escape, backticks,
 * link, image, autolink, HTML, entity), and `]`, which ends a link label. markdown-it's own text
 * rule also stops at `* _ ~ : # $ % + - = > @ ^ { }` for the rules disabled above and for
 * plugins; there, every rule is tried and fails and the character is added to the text alone.
 * Skipping them gives the same tokens (a test compares both), with less work on French prose,
 * where `:` and `-` abound.
 */
const TEXT_STOPS = Uint8Array.from({ length: 128 }, (_, code) => ('\n!&<[\\]`'.includes(String.fromCharCode(code)) ? 1 : 0));

/** markdown-it's `text` rule with the stops above. */
function proseText(state: StateInline, silent: boolean): boolean {
  const src = state.src;
  const max = state.posMax;
  let pos = state.pos;
  for (let code = src.charCodeAt(pos); pos < max && (code >= 128 || TEXT_STOPS[code] === 0); code = src.charCodeAt(pos)) {
    pos++;
  }
  if (pos === state.pos) {
    return false;
  }
  if (!silent) {
    state.pending += src.slice(state.pos, pos);
  }
  state.pos = pos;
  return true;
}

/**
 * markdown-it's first step replaces every line break by "\n" and NUL by U+FFFD, one match at a
 * time, on every parse: when the text has neither "\r" nor NUL, that rebuilds the same string.
 */
function skipNoOpNormalize(md: MarkdownIt): void {
  const entry = (md.core.ruler as unknown as { __rules__: { name: string; fn: (state: { src: string }) => void }[] }).__rules__.find(
    (rule) => rule.name === 'normalize',
  );
  if (!entry) {
    return;
  }
  const original = entry.fn;
  md.core.ruler.at('normalize', (state) => {
    if (/[\r\0]/.test(state.src)) {
      original(state);
    }
  });
}

/** Wraps an inline rule so that the first token of `tokenType` it pushes carries its source span. */
function recordPosition(md: MarkdownIt, name: string, tokenType: string): void {
  const entry = (md.inline.ruler as unknown as { __rules__: { name: string; fn: InlineRule }[] }).__rules__.find(
    (rule) => rule.name === name,
  );
  if (!entry) {
    return;
  }
  const original = entry.fn;
  md.inline.ruler.at(name, (state: StateInline, silent: boolean) => {
    const start = state.pos;
    const count = state.tokens.length;
    const matched = original(state, silent);
    if (matched && !silent) {
      const token = firstOfType(state.tokens, count, tokenType);
      if (token) {
        const span: InlineSpan = { start, end: state.pos };
        if (name === 'link' && token.markup !== 'autolink') {
          span.labelEnd = md.helpers.parseLinkLabel(state, start, true);
        }
        token.meta = { ...(token.meta as object), span };
      }
    }
    return matched;
  });
}

type InlineRule = (state: StateInline, silent: boolean) => boolean;

function firstOfType(tokens: Token[], from: number, type: string): Token | undefined {
  for (let i = from; i < tokens.length; i++) {
    if (tokens[i].type === type) {
      return tokens[i];
    }
  }
  return undefined;
}

/**
 * Parses the Markdown of `text` (front matter already blanked out by the caller through
 * `maskedBefore`) and returns the prose blocks and the prose mask.
 */
export function scanMarkdown(text: string, lines: LineIndex, maskedBefore: number): MarkdownScan {
  // The front matter ends at a line start: the body is parsed alone (a slice, not a copy) and its
  // line numbers shifted, which gives the same tokens as blank lines in its place would.
  const start = maskedBefore > 0 ? lines.positionAt(maskedBefore) : { line: 0, character: 0 };
  const firstLine = start.character === 0 ? start.line : 0;
  const source = maskedBefore === 0 ? text : start.character === 0 ? text.slice(maskedBefore) : blankRange(text, 0, maskedBefore) + text.slice(maskedBefore);
  const tokens = getParser().parse(source, {});
  const isProse = new Uint8Array(text.length);
  const blocks: MarkdownBlock[] = [];
  const codeLines: [number, number][] = [];
  let listDepth = 0;
  let rowLine = -1;
  let cellCursor = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    switch (token.type) {
      case 'bullet_list_open':
      case 'ordered_list_open':
        listDepth++;
        break;
      case 'bullet_list_close':
      case 'ordered_list_close':
        listDepth--;
        break;
      case 'fence':
      case 'code_block':
        if (token.map) {
          codeLines.push([token.map[0] + firstLine, token.map[1] + firstLine]);
        }
        break;
      case 'tr_open':
        rowLine = token.map ? token.map[0] + firstLine : -1;
        cellCursor = 0;
        break;
      case 'inline': {
        const parent = tokens[i - 1];
        const mapping =
          token.map !== null
            ? mapLines(text, lines, token.content, token.map[0] + firstLine)
            : mapCell(text, lines, token.content, rowLine, cellCursor);
        if (!mapping) {
          break;
        }
        if (token.map === null) {
          const last = mapping[mapping.length - 1];
          cellCursor = last.source + last.length - lines.lineStart(rowLine);
        }
        const block = paint(isProse, token, mapping);
        if (block) {
          const heading = parent.type === 'heading_open';
          blocks.push({
            type: heading ? 'heading' : 'paragraph',
            start: block.start,
            end: block.end,
            line: token.map ? token.map[0] + firstLine : rowLine,
            level: heading ? Number(parent.tag.slice(1)) : undefined,
            inList: heading ? undefined : listDepth > 0,
            content: token.content,
          });
        }
        break;
      }
      default:
        break;
    }
  }
  maskUrls(text, blocks, isProse);
  return { blocks, codeLines, prose: buildProse(text, isProse) };
}

/** One line of an inline token's content and where it starts in the source. */
interface LineMapping {
  content: number;
  source: number;
  length: number;
}

/** Maps each line of an inline token's content to its place in the source lines from `firstLine`. */
function mapLines(text: string, lines: LineIndex, content: string, firstLine: number): LineMapping[] | undefined {
  const mapping: LineMapping[] = [];
  let contentOffset = 0;
  let line = firstLine;
  for (let from = 0; from <= content.length; line++) {
    let to = content.indexOf('\n', from);
    if (to < 0) {
      to = content.length;
    }
    const part = content.slice(from, to);
    const lineStart = lines.lineStart(line);
    const found = locate(text, lineStart, lines.lineEnd(line), part);
    if (found) {
      mapping.push({ content: contentOffset + found.skip, source: found.at, length: part.length - found.skip });
    }
    contentOffset += part.length + 1;
    from = to + 1;
  }
  return mapping.length > 0 ? mapping : undefined;
}

/** Maps a table cell's content into its row's line, searching from `cursor`. */
function mapCell(text: string, lines: LineIndex, content: string, row: number, cursor: number): LineMapping[] | undefined {
  if (row < 0 || content === '') {
    return undefined;
  }
  const lineStart = lines.lineStart(row);
  const at = text.slice(lineStart, lines.lineEnd(row)).indexOf(content, cursor);
  return at < 0 ? undefined : [{ content: 0, source: lineStart + at, length: content.length }];
}

/**
 * Where `part` (a content line, container prefix removed) lies in the source line
 * `text[start, end)`, as an absolute offset. Reads the line in place (no slice) in the usual
 * case where the part ends the line.
 */
function locate(text: string, start: number, end: number, part: string): { at: number; skip: number } | undefined {
  let trimmedEnd = end;
  while (trimmedEnd > start && isSpaceCode(text.charCodeAt(trimmedEnd - 1))) {
    trimmedEnd--;
  }
  if (trimmedEnd - start >= part.length && text.startsWith(part, trimmedEnd - part.length)) {
    return { at: trimmedEnd - part.length, skip: 0 };
  }
  const at = text.slice(start, end).indexOf(part);
  if (at >= 0) {
    return { at: start + at, skip: 0 };
  }
  // Tabs partly consumed by indentation come back as spaces: match what follows them.
  const rest = part.trimStart();
  if (rest !== '' && trimmedEnd - start >= rest.length && text.startsWith(rest, trimmedEnd - rest.length)) {
    return { at: trimmedEnd - rest.length, skip: part.length - rest.length };
  }
  return undefined;
}


/** Marks an inline token's prose as prose, minus its code, HTML, images and link targets. */
function paint(isProse: Uint8Array, token: Token, mapping: LineMapping[]): { start: number; end: number } | undefined {
  for (const line of mapping) {
    isProse.fill(1, line.source, line.source + line.length);
  }
  for (const child of token.children ?? []) {
    const span = (child.meta as { span?: InlineSpan } | null)?.span;
    if (span) {
      const from = span.labelEnd !== undefined && span.labelEnd >= 0 ? span.labelEnd + 1 : span.start;
      isProse.fill(0, toSource(mapping, from), toSource(mapping, span.end));
    }
  }
  const last = mapping[mapping.length - 1];
  return { start: mapping[0].source, end: last.source + last.length };
}

/**
 * The source offset of a content offset: on the last mapped line starting at or before it
 * (binary search: a long paragraph with many links stays linear), clamped to that line.
 */
function toSource(mapping: LineMapping[], offset: number): number {
  let low = 0;
  let high = mapping.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (mapping[mid].content <= offset) {
      low = mid;
    } else {
      high = mid - 1;
    }
  }
  const line = mapping[low];
  return line.source + Math.min(Math.max(offset - line.content, 0), line.length);
}

/**
 * Offsets where a bare URL or e-mail address may lie, by a cheap scan of the whole text:
 * linkify-it's own pretest (schemas `http:` `https:` `ftp:` `mailto:` `//`, `www.`,
 * `localhost`, `.` + digits or a TLD, `@`) cannot match without one of these. Each hint is one
 * character long (the rest is a lookahead), so that no hint hides another.
 */
const URL_HINT = /[:@]|\/(?=\/)|l(?=ocalhost)|w(?=ww\.)|\.(?=[0-9a-z\u0440])/gi;

/**
 * What ends a linkify-it match: white space and control characters (its `src_ZCc`,
 * `[\p{Z}\p{Cc}]`), for one UTF-16 code unit (a unit test compares them).
 */
export function isUrlBreak(code: number): boolean {
  // \p{Cc} is U+0000–U+001F and U+007F–U+009F; \p{Z} is \s but for the tab, the line breaks and U+FEFF.
  return code <= 0x20 || (code >= 0x7f && code <= 0x9f) || (code !== 0xfeff && isSpaceCode(code));
}

/**
 * Bare URLs and e-mail addresses in prose blocks are not prose. linkify-it's big Unicode
 * regexes are run only on the words (runs without white space, which no link crosses) of a
 * block that hold a hint, not on whole blocks: same matches, a fraction of the work.
 */
function maskUrls(text: string, blocks: readonly MarkdownBlock[], isProse: Uint8Array): void {
  const hints: number[] = [];
  URL_HINT.lastIndex = 0;
  while (URL_HINT.test(text)) {
    hints.push(URL_HINT.lastIndex - 1); // a hint is one character (`test` builds no match)
  }
  if (hints.length === 0) {
    return;
  }
  linkify ??= new LinkifyIt();
  for (const block of blocks) {
    let wordEnd = -1;
    for (let i = firstAtOrAfter(hints, block.start); i < hints.length && hints[i] < block.end; i++) {
      if (hints[i] < wordEnd) {
        continue; // this word was already searched
      }
      let wordStart = hints[i];
      while (wordStart > block.start && !isUrlBreak(text.charCodeAt(wordStart - 1))) {
        wordStart--;
      }
      wordEnd = hints[i];
      while (wordEnd < block.end && !isUrlBreak(text.charCodeAt(wordEnd))) {
        wordEnd++;
      }
      maskUrlsIn(text.slice(wordStart, wordEnd), wordStart, isProse);
    }
  }
}

function maskUrlsIn(word: string, offset: number, isProse: Uint8Array): void {
  for (const [start, end] of urlSpans(word)) {
    isProse.fill(0, offset + start, offset + end);
  }
}

/**
 * Where linkify-it finds links in a word, cached by word: the same addresses come back in every
 * analysis of a document being edited, and often within one document. Bounded: cleared when full.
 * A long document holds many such words (1,146 in the 1 MB benchmark document, ~6 µs of
 * linkify-it each): the bound keeps them all, so that its next analysis does not redo them.
 */
const spanCache = new Map<string, readonly [number, number][]>();
const SPAN_CACHE_SIZE = 4096;

function urlSpans(word: string): readonly [number, number][] {
  let spans = spanCache.get(word);
  if (spans === undefined) {
    spans = linkify!.pretest(word) ? (linkify!.match(word) ?? []).map((match): [number, number] => [match.index, match.lastIndex]) : [];
    if (spanCache.size >= SPAN_CACHE_SIZE) {
      spanCache.clear();
    }
    spanCache.set(word, spans);
  }
  return spans;
}


/**
 * The prose mask as a string: prose runs copied as slices, other runs blanked (line breaks
 * kept). Runs are found with the typed array's native `indexOf`.
 */
function buildProse(text: string, isProse: Uint8Array): string {
  const parts: string[] = [];
  for (let runStart = 0; runStart < text.length; ) {
    const prose = isProse[runStart] === 1;
    let runEnd = isProse.indexOf(prose ? 0 : 1, runStart);
    if (runEnd < 0) {
      runEnd = text.length;
    }
    parts.push(prose ? text.slice(runStart, runEnd) : blankRange(text, runStart, runEnd));
    runStart = runEnd;
  }
  return parts.join('');
}

/**
 * `text[start, end)` with every character but line breaks replaced by a space: the native regex
 * engine does it fast even before the JIT warms up; one-character runs (most often a line
 * break) skip it.
 */
function blankRange(text: string, start: number, end: number): string {
  // Runs of spaces between line breaks, without a regular expression over every character.
  let out = '';
  let from = start;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      out += spaces(i - from) + text[i];
      from = i + 1;
    }
  }
  return out + spaces(end - from);
}

const SPACES = ' '.repeat(256);

function spaces(count: number): string {
  return count <= SPACES.length ? SPACES.slice(0, count) : ' '.repeat(count);
}

/** Replaces every character but line breaks by a space (offsets and lines are kept). */
export function blank(text: string): string {
  return blankRange(text, 0, text.length);
}
