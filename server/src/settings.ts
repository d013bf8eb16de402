import { MessageType, ShowMessageNotification, type Connection } from 'vscode-languageserver';
import { normalizeOptions, type AnalysisOptions, type NormalizedOptions } from './core';

/**
 * Reads the team's options for a document (the nearest `.ficherc.json` on a file system), with
 * French warnings. Given by the Node entry only: the browser server has no file system.
 */
export type FileOptionsReader = (uri: string) => Promise<{ options: AnalysisOptions; warnings: string[] } | undefined>;

/**
 * Settings per document: the nearest `.ficherc.json` above the file (the team's, also read by
 * `fiche-lint`; only when a `FileOptionsReader` is given, i.e. on Node), then the editor's
 * `fiche.rules` on top, pulled with `workspace/configuration` (section `fiche`). Normalised once into core options, cached per URI, dropped on close and
 * all cleared on a configuration or `.ficherc.json` change. Clients without
 * `workspace/configuration` get the settings pushed with `didChangeConfiguration` (or the
 * defaults). Problems are shown once per message. The file is read as data, never executed.
 */
export class Settings {
  private readonly cache = new Map<string, Promise<AnalysisOptions>>();
  private readonly shownProblems = new Set<string>();
  private pushed: unknown;

  constructor(
    private readonly connection: Connection,
    private readonly canPull: () => boolean,
    private readonly readFileOptions?: FileOptionsReader,
  ) {}

  /** The options for the document at `uri`. Never rejects. */
  forDocument(uri: string): Promise<AnalysisOptions> {
    let options = this.cache.get(uri);
    if (!options) {
      options = this.load(uri);
      this.cache.set(uri, options);
    }
    return options;
  }

  /** Forgets everything; `pushedSettings` is the `settings` of a didChangeConfiguration. */
  reset(pushedSettings: unknown): void {
    this.cache.clear();
    this.shownProblems.clear();
    const fiche = isObject(pushedSettings) ? pushedSettings.fiche : undefined;
    this.pushed = fiche ?? undefined;
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  /** Forgets the cached options (a `.ficherc.json` changed), keeping the pushed settings. */
  clear(): void {
    this.cache.clear();
  }

  private async load(uri: string): Promise<AnalysisOptions> {
    // The `.ficherc.json` is looked for while the editor answers: the two waits overlap.
    const file = this.fileOptions(uri);
    let raw: unknown = this.pushed;
    if (this.canPull()) {
      try {
        raw = await this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'fiche' });
      } catch (error) {
        this.connection.console.warn(`Réglages illisibles pour ${uri} : ${String(error)}`);
        raw = undefined;
      }
    }
    const { options, problems } = normalized(raw ?? undefined);
    this.warn(problems);
    const { rules, warnings } = await file;
    this.warn(warnings, 'Fiche produit : ');
    return { rules: { ...rules, ...options.rules } };
  }

  // The team's rules for the document and their warnings (none without a reader, when it finds no
  // file, or on error). Never rejects.
  private async fileOptions(uri: string): Promise<{ rules: AnalysisOptions['rules']; warnings: string[] }> {
    if (!this.readFileOptions) {
      return { rules: {}, warnings: [] };
    }
    try {
      const config = await this.readFileOptions(uri);
      return config ? { rules: config.options.rules, warnings: config.warnings } : { rules: {}, warnings: [] };
    } catch (error) {
      this.connection.console.warn(`.ficherc.json illisible pour ${uri} : ${String(error)}`);
      return { rules: {}, warnings: [] };
    }
  }

  private warn(problems: string[], prefix?: string): void {
    const fresh = problems.filter((problem) => !this.shownProblems.has(problem));
    if (fresh.length === 0) {
      return;
    }
    fresh.forEach((problem) => this.shownProblems.add(problem));
    const message =
      prefix !== undefined
        ? `${prefix}${fresh.join(' ')}`
        : `Fiche produit : réglages « fiche.rules » en partie ignorés (valeurs par défaut utilisées). ${fresh.join(' ')}`;
    // A notification, not window/showMessageRequest: nothing to answer, so no client is left owing a reply.
    this.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message }).catch(() => undefined);
  }
}

// The editor's settings as core options; settings the core cannot even read give the defaults.
function normalized(raw: unknown): NormalizedOptions {
  try {
    return normalizeOptions(raw);
  } catch (error) {
    return { options: { rules: {} }, problems: [`Réglages « fiche » illisibles (${String(error)}).`] };
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
