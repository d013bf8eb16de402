import { parseDocument } from 'yaml';

export interface FrontMatter {
  /** Offset just past the closing fence line (0 when there is no front matter). */
  end: number;
  /** `title:` when it is a non-empty string, with its offsets in the text. */
  title?: { value: string; start: number; end: number };
  /** French message when the YAML could not be read (the body is still analysed). */
  error?: string;
}

const OPENING = /^\uFEFF?---[ \t]*(?:\r\n|\r|\n)/;
const CLOSING = /^(?:---|\.\.\.)[ \t]*$/m;

/** Finds and reads a YAML front matter block (`---` … `---`) at the very start of the text. */
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
  return { end, ...readTitle(text.slice(bodyStart, yamlEnd), bodyStart) };
}

function readTitle(yamlText: string, offset: number): Pick<FrontMatter, 'title' | 'error'> {
  const doc = parseDocument(yamlText, { prettyErrors: false, uniqueKeys: false });
  if (doc.errors.length > 0) {
    return { error: `En-tête YAML illisible : ${doc.errors[0].message.split('\n')[0]}` };
  }
  const node = doc.get('title', true) as { value?: unknown; range?: [number, number, number] } | undefined;
  if (!node || typeof node.value !== 'string' || node.value.trim() === '' || !node.range) {
    return {};
  }
  const value = node.value.trim();
  const raw = yamlText.slice(node.range[0], node.range[1]);
  const inner = raw.indexOf(value);
  const start = offset + node.range[0] + Math.max(0, inner);
  return { title: { value, start, end: start + (inner >= 0 ? value.length : raw.length) } };
}
