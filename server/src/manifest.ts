// The parts of the extension's manifest and snippets that restate the core (rule registry, template).
// `scripts/gen-manifest.mjs` writes them; `test/unit/manifest.test.ts` fails when they drift.
import { rules } from './core';
import { ficheTemplateSnippet, graceASnippet } from './core/template';

const LEVELS = ['error', 'warning', 'information', 'hint', 'off'];

/** The `fiche.rules` setting: one property per rule id, its levels and default. */
export function rulesSetting(): Record<string, unknown> {
  return {
    type: 'object',
    scope: 'resource',
    default: {},
    markdownDescription:
      'Niveau de chaque règle : `error`, `warning`, `information`, `hint`, ou `off` pour la désactiver. ' +
      'Les règles absentes gardent leur niveau par défaut.',
    additionalProperties: false,
    properties: Object.fromEntries(
      rules.map((rule) => [
        rule.id,
        { type: 'string', enum: LEVELS, default: rule.defaultSeverity, description: rule.description },
      ]),
    ),
  };
}

/** package.json's text with `contributes.configuration.properties["fiche.rules"]` regenerated. */
export function withRulesSetting(packageJson: string): string {
  const manifest = JSON.parse(packageJson) as { contributes?: { configuration?: { properties?: Record<string, unknown> } } };
  const properties = manifest.contributes?.configuration?.properties;
  if (!properties) {
    throw new Error('package.json : contributes.configuration.properties absent');
  }
  properties['fiche.rules'] = rulesSetting();
  return json(manifest);
}

/** The text of snippets/fiche.code-snippets: the whole template and the "Grâce à" sentence. */
export function snippetsFile(): string {
  return json({
    'Fiche produit complète': {
      prefix: ['fiche', 'fiche-produit'],
      description: 'Toutes les sections de la méthode, avec leurs consignes en commentaires.',
      body: ficheTemplateSnippet().split('\n'),
    },
    'Grâce à <Nom>': {
      prefix: ['grace', 'Grâce à'],
      description: 'Ouverture de la Solution : « Grâce à <Nom>, <verbe au présent> … ».',
      body: [graceASnippet(undefined)],
    },
  });
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
