import type { Block, FicheData, FicheDocument, Section, ServiceName } from './types';
import { LineIndex } from './lines';
import { readFrontMatter } from './frontmatter';
import { scanMarkdown, type MarkdownBlock } from './markdown';
import { classifyHeading, cleanTitle, sectionText } from './sections';
import { readDirectives } from './directives';

/**
 * Parses a fiche: front matter, Markdown prose (code, HTML, URLs and link targets masked),
 * sections from level-1/2 headings, and the service's name. Pure; never throws on any text.
 */
export function parseFiche(text: string): FicheDocument {
  const lines = new LineIndex(text);
  const frontMatter = readFrontMatter(text);
  const { blocks, prose, codeLines } = scanMarkdown(text, lines, frontMatter.end);
  const sections = splitSections(blocks, frontMatter.end, text.length, prose, lines);
  const document = withPositions(
    {
      text,
      prose,
      sections,
      name: undefined,
      bodyStart: frontMatter.end,
      frontMatterError: frontMatter.error,
      directives: readDirectives(text, lines, frontMatter.end, codeLines),
    },
    lines,
  );
  document.name = findName(document, frontMatter.title, blocks);
  return document;
}

/** The plain data of a parsed fiche: everything but the two functions a structured clone refuses. */
export function ficheData(document: FicheDocument): FicheData {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { positionAt, offsetAt, ...data } = document;
  return data;
}

/**
 * A parsed fiche from its plain data (e.g. sent by a worker): `positionAt`/`offsetAt` rebuilt
 * over the line index of its text (`lines`, when the caller already has it).
 */
export function withPositions(data: FicheData, lines = new LineIndex(data.text)): FicheDocument {
  // Written out rather than spread: this runs on every analysis, and a spread copies generically.
  return {
    text: data.text,
    prose: data.prose,
    sections: data.sections,
    name: data.name,
    bodyStart: data.bodyStart,
    frontMatterError: data.frontMatterError,
    directives: data.directives,
    positionAt: (offset) => lines.positionAt(offset),
    offsetAt: (position) => lines.offsetAt(position),
  };
}

/** Level-1/2 headings open sections; prose before the first one forms a preamble (kind `autre`). */
function splitSections(blocks: MarkdownBlock[], bodyStart: number, textEnd: number, prose: string, lines: LineIndex): Section[] {
  const sections: Section[] = [];
  const headings = new Map<Section, string>();
  let current: Section | undefined;
  for (const block of blocks) {
    if (block.type === 'heading' && (block.level ?? 9) <= 2) {
      if (current) {
        current.end = lineStartBefore(block, current, lines);
      }
      current = {
        kind: 'autre', // classified below, once the text under the heading is known
        title: cleanTitle(block.content),
        level: block.level ?? 2,
        headingStart: block.start,
        headingEnd: block.end,
        end: textEnd,
        blocks: [],
      };
      sections.push(current);
      headings.set(current, block.content);
      continue;
    }
    if (!current) {
      current = { kind: 'autre', title: 'Introduction', level: 0, headingStart: bodyStart, headingEnd: bodyStart, end: textEnd, blocks: [] };
      sections.push(current);
    }
    current.blocks.push(toBlock(block));
  }
  // Vague headings ("Investigation", "Le défi") get their kind from the text under them.
  for (const [section, heading] of headings) {
    section.kind = classifyHeading(heading, sectionText(section.blocks, prose));
  }
  return sections;
}

/**
 * A section ends where the next heading's line starts (its `#` markers are not prose). The
 * line comes from the parser's map, so indented ATX headings (`  ##   Titre`) and setext
 * headings (`Titre` over `===`) end the previous section at their own line too.
 */
function lineStartBefore(heading: MarkdownBlock, previous: Section, lines: LineIndex): number {
  const lastBlock = previous.blocks[previous.blocks.length - 1];
  const floor = lastBlock ? lastBlock.end : previous.headingEnd;
  return Math.max(floor, Math.min(heading.start, lines.lineStart(heading.line)));
}

function toBlock(block: MarkdownBlock): Block {
  return block.type === 'heading'
    ? { type: 'heading', start: block.start, end: block.end, level: block.level }
    : { type: 'paragraph', start: block.start, end: block.end, inList: block.inList };
}

/** The service's name: front matter `title:`, else the first level-1 heading, else "Grâce à X" in the Solution. */
function findName(
  document: FicheDocument,
  title: { value: string; start: number; end: number } | undefined,
  blocks: MarkdownBlock[],
): ServiceName | undefined {
  if (title) {
    return { value: title.value, source: 'front-matter', start: title.start, end: title.end };
  }
  const h1 = blocks.find((block) => block.type === 'heading' && block.level === 1);
  if (h1 && classifyHeading(h1.content) === 'autre') {
    const value = cleanTitle(h1.content).replace(/\s+/g, ' '); // an underlined heading may span lines
    if (value !== '') {
      return { value, source: 'heading', start: h1.start, end: h1.end };
    }
  }
  for (const section of document.sections) {
    if (section.kind !== 'solution') {
      continue;
    }
    for (const block of section.blocks) {
      const found = nameAfterGraceA(document.prose, block.start, block.end);
      if (found) {
        return found;
      }
    }
  }
  return undefined;
}

const NAME_WORD = String.raw`(?:\p{Lu}|\d)[\p{L}\p{N}'’.-]*`;
const GRACE_A_NAME = new RegExp(
  String.raw`\b[Gg]r[âa]ce [àa] (${NAME_WORD}(?:[ -](?:(?:de|du|des|en|à|la|le|les|in|for|the|of) )?${NAME_WORD}|d['’]${NAME_WORD})*)`,
  'u',
);

/** "Grâce à Welcome in France, …" → "Welcome in France" (a capitalised name right after "grâce à"). */
export function nameAfterGraceA(prose: string, start: number, end: number): ServiceName | undefined {
  const match = GRACE_A_NAME.exec(prose.slice(start, end));
  if (!match) {
    return undefined;
  }
  const value = match[1].replace(/[.,;:]+$/, '');
  const at = start + match.index + match[0].length - match[1].length;
  return { value, source: 'solution', start: at, end: at + value.length };
}
