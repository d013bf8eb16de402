import type { AnalysisOptions, RuleLevel } from './types';
import { ruleIds } from './rules';

const LEVELS: readonly RuleLevel[] = ['error', 'warning', 'information', 'hint', 'off'];

/** Aliases users type (markdownlint/ESLint habits, French words). */
const LEVEL_ALIASES: Record<string, RuleLevel> = {
  info: 'information',
  erreur: 'error',
  avertissement: 'warning',
  indice: 'hint',
  suggestion: 'hint',
  false: 'off',
  désactivé: 'off',
  desactive: 'off',
  true: 'warning',
};

export interface NormalizedOptions {
  options: AnalysisOptions;
  /** French messages about what was wrong and ignored (empty when all was fine). */
  problems: string[];
}

/**
 * Turns untrusted settings (VS Code settings, a `.ficherc.json`, CLI flags) into plain options.
 * Anything wrong is ignored with a French message; defaults apply. Never throws.
 */
export function normalizeOptions(raw: unknown): NormalizedOptions {
  const problems: string[] = [];
  const rules: Record<string, RuleLevel> = {};
  const input = isObject(raw) ? raw.rules : undefined;
  if (raw !== undefined && raw !== null && !isObject(raw)) {
    problems.push('Réglages ignorés : un objet était attendu.');
  }
  if (input !== undefined && input !== null) {
    if (!isObject(input)) {
      problems.push('Réglage « rules » ignoré : un objet { "id-de-règle": "warning" } était attendu.');
    } else {
      for (const [id, value] of Object.entries(input)) {
        if (!ruleIds.has(id)) {
          problems.push(`Règle inconnue « ${describe(id)} » ignorée.`);
          continue;
        }
        const level = toLevel(value);
        if (level === undefined) {
          problems.push(
            `Niveau « ${describe(value)} » de la règle « ${id} » ignoré : valeurs possibles ${LEVELS.join(', ')}.`,
          );
          continue;
        }
        rules[id] = level;
      }
    }
  }
  return { options: { rules }, problems };
}

/** A short, safe rendering of an untrusted value for a message (never calls the value's own methods). */
function describe(value: unknown): string {
  let text: string;
  if (typeof value === 'string') {
    text = value;
  } else {
    try {
      text = JSON.stringify(value) ?? typeof value;
    } catch {
      text = typeof value;
    }
  }
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

function toLevel(value: unknown): RuleLevel | undefined {
  if (typeof value === 'boolean') {
    return value ? 'warning' : 'off';
  }
  if (typeof value !== 'string') {
    return undefined;
  }
  const key = value.trim().toLowerCase();
  if ((LEVELS as readonly string[]).includes(key)) {
    return key as RuleLevel;
  }
  return LEVEL_ALIASES[key];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
