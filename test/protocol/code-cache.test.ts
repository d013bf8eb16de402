// The launcher (dist/launch.js, what the VS Code client and `fiche-language-server` start) keeps
// V8's compiled code of the server in FICHE_CACHE_DIR: the first start writes it, later starts use
// it without rewriting it, a damaged cache is refused by V8 and replaced, and a folder that cannot
// be written changes nothing but speed. In every case the diagnostics are the same.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LspClient } from '../helpers/lsp';
import { FICHE_FUTUR } from './fiches';

const URI = 'file:///cache/aide.fiche.md';
/** The launcher writes the cache this long after start (instead of 3 s). */
const DELAY_MS = 300;

async function diagnosticsWith(cacheDir: string): Promise<string> {
  const client = await LspClient.start({ env: { FICHE_CACHE_DIR: cacheDir, FICHE_CACHE_DELAY_MS: String(DELAY_MS) } });
  try {
    await client.open(URI, FICHE_FUTUR);
    const diagnostics = await client.diagnostics(URI);
    await new Promise((resolve) => setTimeout(resolve, DELAY_MS + 400));
    return JSON.stringify(diagnostics);
  } finally {
    await client.stop();
  }
}

const cacheFiles = (dir: string): string[] => (fs.existsSync(dir) ? fs.readdirSync(dir).filter((name) => name.endsWith('.v8cache')) : []);

describe('cache de code du serveur (FICHE_CACHE_DIR)', function () {
  this.timeout(30000);
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fiche-cache-test-'));
  });
  afterEach(() => {
    fs.chmodSync(dir, 0o700);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('le premier démarrage écrit le cache, les suivants le lisent sans le réécrire, mêmes diagnostics', async () => {
    const cacheDir = path.join(dir, 'v8-cache');
    const first = await diagnosticsWith(cacheDir);
    const [file] = cacheFiles(cacheDir);
    assert.ok(file, 'un fichier de cache écrit');
    const written = fs.statSync(path.join(cacheDir, file));
    assert.ok(written.size > 100_000, `cache de ${written.size} octets`);
    assert.deepEqual(fs.readdirSync(cacheDir), [file], 'aucun fichier temporaire laissé');
    const second = await diagnosticsWith(cacheDir);
    assert.equal(second, first);
    assert.equal(JSON.parse(first).length > 0, true);
    // Accepted by V8: not written again.
    assert.equal(fs.statSync(path.join(cacheDir, file)).mtimeMs, written.mtimeMs);
  });

  it('un cache abîmé est refusé puis remplacé ; un ancien cache est effacé', async () => {
    const first = await diagnosticsWith(dir);
    const [file] = cacheFiles(dir);
    fs.writeFileSync(path.join(dir, file), Buffer.from('pas du code compilé'));
    fs.writeFileSync(path.join(dir, 'server-0000-ancienne-version.v8cache'), 'x');
    assert.equal(await diagnosticsWith(dir), first);
    assert.deepEqual(cacheFiles(dir), [file]);
    assert.ok(fs.statSync(path.join(dir, file)).size > 100_000, 'remplacé par un vrai cache');
  });

  it('un dossier de cache impossible à écrire ne change rien aux diagnostics', async function () {
    if (process.getuid?.() === 0) {
      // root writes anywhere: a file in the way of the folder stands for the unwritable place.
      const blocked = path.join(dir, 'fichier');
      fs.writeFileSync(blocked, 'un fichier, pas un dossier');
      const first = await diagnosticsWith(path.join(blocked, 'v8-cache'));
      assert.equal(first, await diagnosticsWith(path.join(dir, 'ailleurs')));
      assert.equal(fs.readFileSync(blocked, 'utf8'), 'un fichier, pas un dossier');
      return;
    }
    fs.chmodSync(dir, 0o500);
    const first = await diagnosticsWith(path.join(dir, 'v8-cache'));
    assert.deepEqual(cacheFiles(dir), []);
    fs.chmodSync(dir, 0o700);
    assert.equal(first, await diagnosticsWith(path.join(dir, 'ailleurs')));
  });
});
