import MarkdownIt from 'markdown-it';
import LinkifyIt from 'linkify-it';

type Token = MarkdownIt.Token;
type StateInline = MarkdownIt.StateInline;
import type { LineIndex } from './lines';

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
  if (!parser) {
    parser = new MarkdownIt({ html: true, linkify: false, typographer: false });
    // Emphasis and strikethrough do not change what is prose: skip them (they cost time).
    parser.disable(['emphasis', 'strikethrough', 'replacements', 'smartquotes', 'text_join', 'linkify']);
    for (const [name, tokenType] of Object.entries(NON_PROSE_RULES)) {
      recordPosition(parser, name, tokenType);
    }
  }
  return parser;
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
      const token = state.tokens.slice(count).find((t) => t.type === tokenType);
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

/**
 * Parses the Markdown of `text` (front matter already blanked out by the caller through
 * `maskedBefore`) and returns the prose blocks and the prose mask.
 */
export function scanMarkdown(text: string, lines: LineIndex, maskedBefore: number): MarkdownScan {
  const source = maskedBefore > 0 ? blank(text.slice(0, maskedBefore)) + text.slice(maskedBefore) : text;
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
          codeLines.push([token.map[0], token.map[1]]);
        }
        break;
      case 'tr_open':
        rowLine = token.map ? token.map[0] : -1;
        cellCursor = 0;
        break;
      case 'inline': {
        const parent = tokens[i - 1];
        const mapping =
          token.map !== null
            ? mapLines(text, lines, token.content, token.map[0])
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
            line: token.map ? token.map[0] : rowLine,
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
  for (const block of blocks) {
    maskUrls(text, block.start, block.end, isProse);
  }
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
  const parts = content.split('\n');
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    const lineStart = lines.lineStart(firstLine + i);
    const lineText = text.slice(lineStart, lineEnd(text, lineStart));
    const found = locate(lineText, part);
    if (found) {
      mapping.push({ content: contentOffset + found.skip, source: lineStart + found.at, length: part.length - found.skip });
    }
    contentOffset += part.length + 1;
  }
  return mapping.length > 0 ? mapping : undefined;
}

/** Maps a table cell's content into its row's line, searching from `cursor`. */
function mapCell(text: string, lines: LineIndex, content: string, row: number, cursor: number): LineMapping[] | undefined {
  if (row < 0 || content === '') {
    return undefined;
  }
  const lineStart = lines.lineStart(row);
  const at = text.slice(lineStart, lineEnd(text, lineStart)).indexOf(content, cursor);
  return at < 0 ? undefined : [{ content: 0, source: lineStart + at, length: content.length }];
}

/** Where `part` (a content line, container prefix removed) lies in its source line. */
function locate(lineText: string, part: string): { at: number; skip: number } | undefined {
  const trimmed = lineText.trimEnd();
  if (trimmed.endsWith(part)) {
    return { at: trimmed.length - part.length, skip: 0 };
  }
  const at = lineText.indexOf(part);
  if (at >= 0) {
    return { at, skip: 0 };
  }
  // Tabs partly consumed by indentation come back as spaces: match what follows them.
  const rest = part.trimStart();
  if (rest !== '' && trimmed.endsWith(rest)) {
    return { at: trimmed.length - rest.length, skip: part.length - rest.length };
  }
  return undefined;
}

function lineEnd(text: string, from: number): number {
  let end = from;
  while (end < text.length && text[end] !== '\n' && text[end] !== '\r') {
    end++;
  }
  return end;
}

/** Marks an inline token's prose as prose, minus its code, HTML, images and link targets. */
function paint(isProse: Uint8Array, token: Token, mapping: LineMapping[]): { start: number; end: number } | undefined {
  for (const line of mapping) {
    isProse.fill(1, line.source, line.source + line.length);
  }
  const toSource = (offset: number): number => {
    let line = mapping[0];
    for (const candidate of mapping) {
      if (candidate.content <= offset) {
        line = candidate;
      }
    }
    return line.source + Math.min(Math.max(offset - line.content, 0), line.length);
  };
  for (const child of token.children ?? []) {
    const span = (child.meta as { span?: InlineSpan } | null)?.span;
    if (span) {
      const from = span.labelEnd !== undefined && span.labelEnd >= 0 ? span.labelEnd + 1 : span.start;
      isProse.fill(0, toSource(from), toSource(span.end));
    }
  }
  const last = mapping[mapping.length - 1];
  return { start: mapping[0].source, end: last.source + last.length };
}

/** Bare URLs and e-mail addresses in a block are not prose. */
function maskUrls(text: string, start: number, end: number, isProse: Uint8Array): void {
  linkify ??= new LinkifyIt();
  const slice = text.slice(start, end);
  if (!linkify.pretest(slice)) {
    return;
  }
  for (const match of linkify.match(slice) ?? []) {
    isProse.fill(0, start + match.index, start + match.lastIndex);
  }
}

function buildProse(text: string, isProse: Uint8Array): string {
  let out = '';
  let runStart = 0;
  for (let i = 1; i <= text.length; i++) {
    if (i === text.length || isProse[i] !== isProse[runStart]) {
      const run = text.slice(runStart, i);
      out += isProse[runStart] === 1 ? run : blank(run);
      runStart = i;
    }
  }
  return out;
}

/** Replaces every character but line breaks by a space (offsets and lines are kept). */
export function blank(text: string): string {
  return text.replace(/[^\r\n]/g, ' ');
}
