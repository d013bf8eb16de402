import { MessageType, ShowMessageNotification, type Connection } from 'vscode-languageserver';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { normalizeOptions, type AnalysisOptions } from './core';
import { loadConfig } from './cli/config';

/**
 * Settings per document: the nearest `.ficherc.json` above the file (the team's, also read by
 * `fiche-lint`), then the editor's `fiche.rules` on top, pulled with `workspace/configuration`
 * (section `fiche`). Normalised once into core options, cached per URI, dropped on close and
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
    let raw: unknown = this.pushed;
    if (this.canPull()) {
      try {
        raw = await this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'fiche' });
      } catch (error) {
        this.connection.console.warn(`Réglages illisibles pour ${uri} : ${String(error)}`);
        raw = undefined;
      }
    }
    const { options, problems } = normalizeOptions(raw ?? undefined);
    this.warn(problems);
    const file = await this.fileOptions(uri);
    return { rules: { ...file.rules, ...options.rules } };
  }

  // The options of the nearest `.ficherc.json` for a file URI (defaults for other schemes or on error).
  private async fileOptions(uri: string): Promise<AnalysisOptions> {
    if (!uri.startsWith('file:')) {
      return { rules: {} };
    }
    try {
      const config = await loadConfig(undefined, {}, path.dirname(fileURLToPath(uri)));
      this.warn(config.warnings, 'Fiche produit : ');
      return config.options;
    } catch (error) {
      this.connection.console.warn(`.ficherc.json illisible pour ${uri} : ${String(error)}`);
      return { rules: {} };
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

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
