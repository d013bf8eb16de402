// Regenerates, from the core, the `fiche.rules` settings schema in package.json and
// snippets/fiche.code-snippets. Run after `npx tsc -b`; `test/unit/manifest.test.ts` fails when they drift.
import fs from 'node:fs';
import { createRequire } from 'node:module';

const manifest = createRequire(import.meta.url)('../out/server/src/manifest.js');
fs.writeFileSync('package.json', manifest.withRulesSetting(fs.readFileSync('package.json', 'utf8')));
fs.writeFileSync('snippets/fiche.code-snippets', manifest.snippetsFile());
fs.mkdirSync('schemas', { recursive: true });
fs.writeFileSync(manifest.FICHERC_SCHEMA_PATH, manifest.ficheRcSchema());
console.log('package.json (fiche.rules), snippets/fiche.code-snippets et schemas/ficherc.schema.json régénérés.');
