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
    const registered = [...read('client/src/common.ts').matchAll(/registerCommand\('([^']+)'/g)].map((m) => m[1]).sort();
    assert.deepEqual(registered, contributed);
    // Both entries (desktop `main`, web `browser`) register them through common.ts.
    for (const entry of ['client/src/extension.ts', 'client/src/browser.ts']) {
      assert.match(read(entry), /registerCommands\(context, client\)/, entry);
    }
  });
  it('every %placeholder% of package.json is translated, in English and in French', () => {
    const keys = [...read('package.json').matchAll(/"%([^"%]+)%"/g)].map((m) => m[1]).sort();
    for (const file of ['package.nls.json', 'package.nls.fr.json']) {
      assert.deepEqual(Object.keys(JSON.parse(read(file)) as object).sort(), [...new Set(keys)], file);
    }
  });
  it('every vscode.l10n.t string of the client has its French translation', () => {
    const client = fs.readdirSync(path.join(root, 'client/src')).map((file) => read(`client/src/${file}`)).join('\n');
    const strings = [...client.matchAll(/l10n\.t\('([^']+)'/g)].map((m) => m[1]).sort();
    assert.ok(strings.length > 0);
    assert.deepEqual(Object.keys(JSON.parse(read('l10n/bundle.l10n.fr.json')) as object).sort(), [...new Set(strings)]);
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
    assert.equal((manifest as { browser?: string }).browser, './dist/browser/client.js');
  });
  it('the VSIX ships every bundle of scripts/build.mjs the extension loads (all but the CLI), the server’s worker included', async function () {
    this.timeout(30000);
    const bundles = [...read('scripts/build.mjs').matchAll(/outfile: '([^']+)'/g)].map((m) => m[1]).filter((file) => file !== 'dist/cli.js');
    assert.ok(bundles.includes('dist/analysis-worker.js') && bundles.includes('dist/launch.js'));
    // The client starts the launcher, which loads the server bundle next to it.
    assert.match(read('client/src/extension.ts'), /asAbsolutePath\('dist\/launch\.js'\)/);
    assert.match(read('server/src/launch.ts'), /path\.join\(__dirname, 'server\.js'\)/);
    assert.match(read('server/src/server.ts'), /path\.join\(__dirname, 'analysis-worker\.js'\)/);
    // What `vsce package --no-dependencies` (npm run package) puts in the VSIX, by vsce itself.
    const { listFiles, PackageManager } = await import('@vscode/vsce');
    const files = await listFiles({ cwd: root, packageManager: PackageManager.None });
    for (const bundle of bundles) {
      assert.ok(files.includes(bundle), `${bundle} absent du VSIX (.vscodeignore)`);
    }
  });
});
