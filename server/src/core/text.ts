import type { Block, FicheDocument, Report, Section } from './types';

/** A regular-expression match with absolute offsets in the document. */
export interface Match {
  start: number;
  end: number;
  groups: RegExpExecArray;
}

const paragraphsOf = new WeakMap<readonly Section[], Block[]>();

/**
 * The paragraph blocks (sub-headings excluded) of some sections. Remembered for the array (the
 * engine gives rules that read the same kinds of sections the same array): do not modify it.
 */
export function paragraphs(sections: readonly Section[]): Block[] {
  let found = paragraphsOf.get(sections);
  if (found === undefined) {
    found = [];
    for (const section of sections) {
      for (const block of section.blocks) {
        if (block.type === 'paragraph') {
          found.push(block);
        }
      }
    }
    paragraphsOf.set(sections, found);
  }
  return found;
}

const textOfBlock = new WeakMap<Block, string>();

/**
 * The prose of a block, sliced once per block: every rule reads the same string, so what is
 * remembered by it (its hash, its lower case for the word lists) is computed once, not per rule.
 */
export function blockText(document: FicheDocument, block: Block): string {
  let text = textOfBlock.get(block);
  if (text === undefined) {
    text = document.prose.slice(block.start, block.end);
    textOfBlock.set(block, text);
  }
  return text;
}

const blockListTexts = new WeakMap<readonly Block[], string[]>();

/** `blockText` of each block of a list, remembered for the list (rules share `paragraphs` arrays). */
export function blockTexts(document: FicheDocument, blocks: readonly Block[]): string[] {
  let texts = blockListTexts.get(blocks);
  if (texts === undefined) {
    texts = blocks.map((block) => blockText(document, block));
    blockListTexts.set(blocks, texts);
  }
  return texts;
}

const lowerCases = new Map<string, string>();
/** What the cache may keep from one analysis to the next (see `trimLowerCases`). */
const LOWER_CASES_KEPT = 512;
/** A safety bound within one analysis. */
const LOWER_CASES_SIZE = 1 << 16;

/**
 * `text.toLowerCase()`, remembered for the word lists (`rules/lexique.ts`): every block is
 * searched by many lists in a row, and the same blocks come back at every keystroke. The rules get
 * each block's text once per analysis (`blockText`), so within an analysis the cache grows to the
 * document's blocks (15,000 for the 1 MB benchmark document), and `trimLowerCases` empties it
 * before the next one when it holds more than a small fiche's worth: its keys are slices that keep
 * their document's text alive.
 */
export function lowerCase(text: string): string {
  let lower = lowerCases.get(text);
  if (lower === undefined) {
    if (lowerCases.size >= LOWER_CASES_SIZE) {
      lowerCases.clear();
    }
    lower = text.toLowerCase();
    lowerCases.set(text, lower);
  }
  return lower;
}

/** Called at the start of each analysis: forgets a long document's blocks, keeps a small one's. */
export function trimLowerCases(): void {
  if (lowerCases.size > LOWER_CASES_KEPT) {
    lowerCases.clear();
  }
}

/** Every match of `pattern` (must have the `g` flag) in the prose of the given blocks. */
export function findInBlocks(document: FicheDocument, blocks: readonly Block[], pattern: RegExp): Match[] {
  const matches: Match[] = [];
  const texts = blockTexts(document, blocks);
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i];
    const text = texts[i];
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
      if (m[0] === '') {
        pattern.lastIndex++;
        continue;
      }
      matches.push({ start: block.start + m.index, end: block.start + m.index + m[0].length, groups: m });
    }
  }
  return matches;
}

/** True when `pattern` (no `g` flag) matches the prose of one of the blocks. */
export function someBlockMatches(document: FicheDocument, blocks: readonly Block[], pattern: RegExp): boolean {
  return blockTexts(document, blocks).some((text) => pattern.test(text));
}

/** Offsets of a section's heading text (a zero-width range at the start for the preamble). */
export function headingRange(section: Section): { start: number; end: number } {
  return { start: section.headingStart, end: section.headingEnd };
}

/** A letter or a digit of any script, tested on one whole character (see `charBefore`). */
export const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;

/**
 * `LETTER_OR_DIGIT` for one code point, without the regular expression for ASCII, Latin letters
 * (U+00C0–U+024F, but × and ÷) and General Punctuation (U+2000–U+206F: ’ … – —, no letter):
 * the hot loops of the rules test nearly only those. A unit test compares it on every code point.
 */
export function isLetterOrDigitCode(code: number): boolean {
  if (code < 0x80) {
    return (code >= 48 && code <= 57) || ((code | 32) >= 97 && (code | 32) <= 122);
  }
  if (code >= 0xc0 && code <= 0x24f) {
    return code !== 0xd7 && code !== 0xf7;
  }
  if (code >= 0x2000 && code <= 0x206f) {
    return false;
  }
  return LETTER_OR_DIGIT.test(String.fromCodePoint(code));
}

/** Index of the first value ≥ `value` in a sorted array (its length when there is none). */
export function firstAtOrAfter(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sorted[mid] < value) {
      low = mid + 1;
    } else {
      high = mid;
    }
  }
  return low;
}

/** `\s` for one UTF-16 code unit: white space and line terminators, what `trim()` removes. */
export function isSpaceCode(code: number): boolean {
  if (code < 0x80) {
    return code === 32 || (code >= 9 && code <= 13);
  }
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/**
 * The whole character ending just before `index` (a surrogate pair joined; a lone surrogate alone),
 * as the `u` flag of a lookbehind `(?<![…])` reads it; '' at the start of the text.
 */
export function charBefore(text: string, index: number): string {
  const pair = index >= 2 && (text.charCodeAt(index - 1) & 0xfc00) === 0xdc00 && (text.charCodeAt(index - 2) & 0xfc00) === 0xd800;
  return text.slice(pair ? index - 2 : Math.max(0, index - 1), index);
}

/** Lower case without accents, for comparing names and words. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * A whole-section finding: on the heading of the section that holds `block` (the first paragraph
 * of the sections considered together). Rules that judge a kind of section as a whole use it.
 */
export function reportOnHeading(sections: readonly Section[], block: Block, message: string): Report {
  return { ...headingRange(sectionOf(sections, block)), message };
}

/** The section that holds a block (the first section when none does). */
export function sectionOf(sections: readonly Section[], block: Block): Section {
  return sections.find((section) => section.blocks.includes(block)) ?? sections[0];
}

/**
 * Escapes `<` and `>` outside code spans, so that a rule's Markdown such as « Grâce à <Nom> »
 * shows its placeholder instead of being read as an HTML tag (hover, docs).
 */
export function escapeAngleBrackets(markdown: string): string {
  return markdown
    .split(/(`[^`]*`)/)
    .map((part, index) => (index % 2 === 1 ? part : part.replace(/</g, '&lt;').replace(/>/g, '&gt;')))
    .join('');
}
