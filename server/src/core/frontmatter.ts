import { parse } from 'yaml';

export interface FrontMatter {
  /** Offset just past the closing fence line (0 when there is no front matter). */
  end: number;
  /** `title:` when it is a non-empty string, with its offsets in the text. */
  title?: { value: string; start: number; end: number };
  /** French message when the `title:` entry is not valid YAML. */
  error?: string;
}

const OPENING = /^\uFEFF?---[ \t]*(?:\r\n|\r|\n)/;
const CLOSING = /^(?:---|\.\.\.)[ \t]*$/m;
/** The top-level `title:` entry and its continuation lines (indented or blank). */
const TITLE_ENTRY = /^title[ \t]*:.*(?:(?:\r\n|\r|\n)(?:[ \t]+.*|[ \t]*(?=\r|\n)))*/m;

/**
 * Finds the YAML front matter block (`---` … `---`) at the very start of the text and reads its
 * `title:` with `yaml`. Only that entry is parsed: a full YAML parse of real front matter (sponsors,
 * phases, events…) costs milliseconds on every keystroke, and nothing else in it is used.
 */
export function readFrontMatter(text: string): FrontMatter {
  const opening = OPENING.exec(text);
  if (!opening) {
    return { end: 0 };
  }
  const bodyStart = opening[0].length;
  const closing = CLOSING.exec(text.slice(bodyStart));
  if (!closing) {
    return { end: 0 };
  }
  const yamlEnd = bodyStart + closing.index;
  let end = yamlEnd + closing[0].length;
  if (text.startsWith('\r\n', end)) {
    end += 2;
  } else if (text[end] === '\n' || text[end] === '\r') {
    end += 1;
  }
  const entry = TITLE_ENTRY.exec(text.slice(bodyStart, yamlEnd));
  return entry ? { end, ...readTitle(entry[0], bodyStart + entry.index) } : { end };
}

let lastEntry = '';
let lastValue: unknown;

/**
 * A one-line `title:` whose value is plain text that YAML reads as that same string: it starts
 * with a letter, holds no `#`, `:` or control character, and is not `true`, `false` or `null`.
 * Such entries (nearly all real ones) skip the YAML parser, which costs ~0.3 ms each.
 */
const PLAIN_TITLE = /^title[ \t]*:[ \t]+(\p{L}[^#:\p{Cc}]*?)[ \t]*$/u;
const YAML_WORDS = /^(?:true|false|null)$/i;

/** The value of a plain one-line title entry, or undefined when YAML must read it. */
export function plainTitle(entry: string): string | undefined {
  const match = PLAIN_TITLE.exec(entry);
  return match && !YAML_WORDS.test(match[1]) ? match[1] : undefined;
}

/** Parses the `title:` entry (cached: it rarely changes while the body is typed). */
function readTitle(entry: string, offset: number): Pick<FrontMatter, 'title' | 'error'> {
  if (entry !== lastEntry) {
    lastValue = plainTitle(entry);
    if (lastValue === undefined) {
      try {
        lastValue = (parse(entry) as { title?: unknown } | null)?.title;
      } catch (error) {
        lastValue = new Error((error as Error).message.split('\n')[0]);
      }
    }
    lastEntry = entry;
  }
  if (lastValue instanceof Error) {
    return { error: `En-tête YAML illisible (title) : ${lastValue.message}` };
  }
  if (typeof lastValue !== 'string' && typeof lastValue !== 'number') {
    return {};
  }
  const value = String(lastValue).trim();
  if (value === '') {
    return {};
  }
  const inner = entry.indexOf(value);
  const start = offset + (inner >= 0 ? inner : entry.indexOf(':') + 1);
  return { title: { value, start, end: start + (inner >= 0 ? value.length : entry.length - entry.indexOf(':') - 1) } };
}
