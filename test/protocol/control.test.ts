// Control over the findings through the server: code lens checklist, suppression quick-fixes, .ficherc.json.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CodeActionRequest,
  CodeLensRequest,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  type CodeAction,
  type CodeLens,
} from 'vscode-languageserver-protocol/node';
import { LspClient } from '../helpers/lsp';
import { FICHE_FUTUR } from './fiches';

describe('serveur de langage : contrôle des règles', function () {
  let client: LspClient;
  let dir: string;

  beforeEach(async function () {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fiche-control-'));
    client = await LspClient.start({ settings: { rules: {} } });
  });
  afterEach(async function () {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('montre la liste de contrôle de chaque section en code lens sur son titre', async function () {
    const uri = pathToFileURL(path.join(dir, 'a.fiche.md')).toString();
    await client.open(uri, FICHE_FUTUR);
    await client.diagnostics(uri);
    const lenses = (await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } })) as CodeLens[];
    const solution = lenses.find((lens) => lens.command?.title.startsWith('Solution — '));
    assert.ok(solution, JSON.stringify(lenses.map((l) => l.command?.title)));
    assert.match(solution.command!.title, /présent ✗/);
    assert.equal(client.document(uri).getText().split('\n')[solution.range.start.line], '## Solution');
    const checklist = (await client.connection.sendRequest('fiche/checklist', { uri })) as { kind: string; items: { ok: boolean }[] }[];
    assert.ok(checklist.some((section) => section.kind === 'solution' && section.items.some((item) => !item.ok)));
  });

  it('propose « ignorer ici » et « désactiver dans ce fichier », qui font taire le constat', async function () {
    const uri = pathToFileURL(path.join(dir, 'b.fiche.md')).toString();
    await client.open(uri, FICHE_FUTUR);
    const [futur] = (await client.diagnostics(uri)).filter((d) => d.code === 'temps-futur');
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: futur.range,
      context: { diagnostics: [futur] },
    })) as CodeAction[];
    const titles = actions.map((action) => action.title);
    assert.ok(titles.includes('Ignorer « temps-futur » ici'), titles.join(' | '));
    assert.ok(titles.includes('Désactiver « temps-futur » dans ce fichier'), titles.join(' | '));
    const ignore = actions.find((action) => action.title === 'Ignorer « temps-futur » ici')!;
    assert.notEqual(ignore.isPreferred, true);
    await client.applyWorkspaceEdit(ignore.edit!);
    assert.match(client.document(uri).getText(), /<!-- fiche-ignore temps-futur -->/);
    assert.deepEqual((await client.diagnostics(uri)).filter((d) => d.code === 'temps-futur'), []);
  });

  it('lit .ficherc.json au-dessus du fichier, et le relit quand il change', async function () {
    const rc = path.join(dir, '.ficherc.json');
    fs.writeFileSync(rc, JSON.stringify({ rules: { 'temps-futur': 'off' } }));
    fs.mkdirSync(path.join(dir, 'sous-dossier'));
    const uri = pathToFileURL(path.join(dir, 'sous-dossier', 'c.fiche.md')).toString();
    await client.open(uri, FICHE_FUTUR);
    assert.deepEqual((await client.diagnostics(uri)).filter((d) => d.code === 'temps-futur'), []);

    const before = client.publications.get(uri)!.length;
    fs.writeFileSync(rc, JSON.stringify({ rules: { 'temps-futur': 'error' } }));
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [{ uri: pathToFileURL(rc).toString(), type: FileChangeType.Changed }],
    });
    await waitUntil(() => client.publications.get(uri)!.length > before);
    const futur = client.publications.get(uri)!.at(-1)!.diagnostics.filter((d) => d.code === 'temps-futur');
    assert.equal(futur.length, 1);
    assert.equal(futur[0].severity, 1);
  });

  it('signale en français un .ficherc.json invalide et garde les valeurs par défaut', async function () {
    fs.writeFileSync(path.join(dir, '.ficherc.json'), '{ "rules": { "temps-futur": ');
    const uri = pathToFileURL(path.join(dir, 'd.fiche.md')).toString();
    await client.open(uri, FICHE_FUTUR);
    assert.equal((await client.diagnostics(uri)).filter((d) => d.code === 'temps-futur').length, 1);
    await waitUntil(() => client.messages.some((m) => /\.ficherc\.json/.test(m.message)));
    assert.match(client.messages.find((m) => /\.ficherc\.json/.test(m.message))!.message, /JSON invalide/);
  });
});

async function waitUntil(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) {
      throw new Error('délai dépassé');
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
