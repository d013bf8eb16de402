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

export const FICHERC_SCHEMA_PATH = 'schemas/ficherc.schema.json';

/** The JSON schema of `.ficherc.json` (completion and validation in VS Code through `jsonValidation`). */
export function ficheRcSchema(): string {
  const { markdownDescription, ...rulesSchema } = rulesSetting();
  delete rulesSchema.scope; // a VS Code setting attribute, not JSON schema
  return json({
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'Configuration de fiche-produit (.ficherc.json)',
    description: 'Réglages d’équipe lus par l’extension et par fiche-lint. Les réglages de l’éditeur (fiche.rules) priment.',
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { type: 'string' },
      rules: { ...rulesSchema, description: markdownDescription },
    },
  });
}

/** The text of snippets/fiche.code-snippets: the whole template, the "Grâce à" sentence, the control comments. */
export function snippetsFile(): string {
  const ids = rules.map((rule) => rule.id).join(',');
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
    'Ignorer une règle sur la ligne suivante': {
      prefix: ['fiche-ignore'],
      description: 'Commentaire de contrôle : ignore une règle sur la ligne suivante, avec la raison.',
      body: [`<!-- fiche-ignore \${1|${ids}|}: \${2:raison} -->`],
    },
    'Désactiver des règles': {
      prefix: ['fiche-disable'],
      description: 'Commentaire de contrôle : désactive une règle jusqu’à « fiche-enable » (ou la fin du fichier).',
      body: [`<!-- fiche-disable \${1|${ids}|} -->`, '$0', `<!-- fiche-enable \${1} -->`],
    },
  });
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
