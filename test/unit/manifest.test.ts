// The extension's manifest and snippets against the core they restate, and against the client.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FICHERC_SCHEMA_PATH, ficheRcSchema, snippetsFile, withRulesSetting } from '../../server/src/manifest';

const root = path.resolve(__dirname, '../../..');
const read = (file: string) => fs.readFileSync(path.join(root, file), 'utf8');

describe('manifeste de l’extension', () => {
  it('package.json fiche.rules matches the registry (run `node scripts/gen-manifest.mjs`)', () => {
    const text = read('package.json');
    assert.equal(text, withRulesSetting(text));
  });
  it('snippets/fiche.code-snippets matches the template (run `node scripts/gen-manifest.mjs`)', () => {
    assert.equal(read('snippets/fiche.code-snippets'), snippetsFile());
  });
  it('schemas/ficherc.schema.json matches the registry and is declared for .ficherc.json', () => {
    assert.equal(read(FICHERC_SCHEMA_PATH), ficheRcSchema());
    const manifest = JSON.parse(read('package.json')) as { contributes: { jsonValidation?: { fileMatch: string; url: string }[] } };
    assert.deepEqual(manifest.contributes.jsonValidation, [{ fileMatch: '.ficherc.json', url: `./${FICHERC_SCHEMA_PATH}` }]);
  });
  it('every contributed command is registered by the client, and the other way round', () => {
    const manifest = JSON.parse(read('package.json')) as { contributes: { commands: { command: string }[] } };
    const contributed = manifest.contributes.commands.map((c) => c.command).sort();
    const registered = [...read('client/src/extension.ts').matchAll(/registerCommand\('([^']+)'/g)].map((m) => m[1]).sort();
    assert.deepEqual(registered, contributed);
  });
  it('every file the manifest points to exists', () => {
    const manifest = JSON.parse(read('package.json')) as {
      main: string;
      contributes: { languages: { configuration: string }[]; grammars: { path: string }[]; snippets: { path: string }[] };
    };
    const files = [
      ...manifest.contributes.languages.map((l) => l.configuration),
      ...manifest.contributes.grammars.map((g) => g.path),
      ...manifest.contributes.snippets.map((s) => s.path),
    ];
    for (const file of files) {
      assert.ok(fs.existsSync(path.join(root, file)), file);
      JSON.parse(read(file));
    }
    assert.equal(manifest.main, './dist/client.js');
  });
});
