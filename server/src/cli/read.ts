import * as fs from 'node:fs';
import { CliError, describeFsError } from './errors';

/** A fiche as read from disk: its text without BOM, and what is needed to write it back alike. */
export interface SourceText {
  text: string;
  bom: boolean;
  /** The file's dominant line ending, used for text that fixes insert. */
  eol: '\n' | '\r\n';
}

/** Files above this size are refused: no fiche is that long, it is surely not one. */
export const MAX_BYTES = 5 * 1024 * 1024;

const UTF8_BOM = [0xef, 0xbb, 0xbf];
const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Reads a fiche. Throws a `CliError` (French, naming the file and the place) when it cannot.
 * Synchronous on purpose: files are linted one after the other, and sync reads are ~10× faster.
 */
export function readSource(file: string, display: string): SourceText {
  let bytes: Buffer;
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, 'r');
    const stat = fs.fstatSync(fd);
    if (stat.isDirectory()) {
      throw new CliError(`« ${display} » est un dossier, pas un fichier.`);
    }
    if (stat.size > MAX_BYTES) {
      throw new CliError(
        `« ${display} » est trop volumineux (${formatMegabytes(stat.size)} ; limite ${formatMegabytes(MAX_BYTES)}) : ce n’est sans doute pas une fiche produit.`,
      );
    }
    bytes = fs.readFileSync(fd);
  } catch (error) {
    if (error instanceof CliError) {
      throw error;
    }
    throw new CliError(`Impossible de lire « ${display} » : ${describeFsError(error)}.`);
  } finally {
    if (fd !== undefined) {
      fs.closeSync(fd);
    }
  }
  return decodeSource(bytes, display);
}

/** Decodes UTF-8 bytes, refusing binary data and invalid UTF-8 with the line where it is. */
export function decodeSource(bytes: Uint8Array, display: string): SourceText {
  const bom = UTF8_BOM.every((byte, i) => bytes[i] === byte);
  const body = bom ? bytes.subarray(3) : bytes;
  const nul = body.indexOf(0);
  if (nul !== -1) {
    throw new CliError(
      `« ${display} » semble être un fichier binaire (octet nul ${where(body, nul)}) : seules les fiches en texte UTF-8 sont vérifiées.`,
    );
  }
  let text: string;
  try {
    text = decoder.decode(body);
  } catch {
    const bad = firstInvalidUtf8(body);
    throw new CliError(
      `« ${display} » n’est pas encodé en UTF-8 (octet invalide 0x${body[bad].toString(16).toUpperCase().padStart(2, '0')} ${where(body, bad)}) : réenregistrez-le en UTF-8.`,
    );
  }
  return { text, bom, eol: dominantEol(text) };
}

/** CRLF when most line breaks are CRLF, else LF. */
export function dominantEol(text: string): '\n' | '\r\n' {
  let crlf = 0;
  let lf = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    if (i > 0 && text.charCodeAt(i - 1) === 13) {
      crlf++;
    } else {
      lf++;
    }
  }
  return crlf > lf ? '\r\n' : '\n';
}

/** "ligne L, colonne C" (1-based, in bytes for the column) of byte `index`. */
function where(bytes: Uint8Array, index: number): string {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < index; i++) {
    if (bytes[i] === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return `ligne ${line}, octet ${index - lineStart + 1}`;
}

/** Index of the first byte that breaks UTF-8 (the input is known to be invalid). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    const length = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) {
      return i;
    }
    try {
      decoder.decode(bytes.subarray(i, i + length));
    } catch {
      return i;
    }
    i += length;
  }
  return Math.max(0, bytes.length - 1);
}

function formatMegabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} Mo`;
}
