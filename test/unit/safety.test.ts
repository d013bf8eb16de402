// Safety: what comes from the workspace is data, never code; nothing goes to the network; the
// extension declares untrusted-workspace support (see docs/performance-server.md, "Sécurité").
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CodeActionRequest, CompletionRequest, ExecuteCommandRequest, HoverRequest } from 'vscode-languageserver-protocol/node';
import type { Connection } from 'vscode-languageserver';
import { normalizeOptions } from '../../server/src/core';
import { loadConfig } from '../../server/src/cli/config';
import { Settings } from '../../server/src/settings';
import { LspClient, ROOT } from '../helpers/lsp';

const FICHE = `---
title: Aidants Connect
---

## Problème

Chaque année, 13 millions de Français peinent à faire leurs démarches (https://www.insee.fr/fr/statistiques, www.service-public.fr).

## Solution

Aidants Connect permettra aux aidants de faire les démarches d'un usager. Voir https://aidantsconnect.beta.gouv.fr/ et contact@beta.gouv.fr.

## Stratégie

Nous commençons avec dix structures volontaires dans deux départements.
`;

/** A `.ficherc.json` trying everything a configuration file must not be able to do. */
function hostileConfig(marker: string): string {
  const run = `require('fs').writeFileSync(${JSON.stringify(marker)}, 'exécuté')`;
  const text = JSON.stringify({
    constructor: { prototype: { polluted: 'oui' } },
    extends: './evil.js',
    plugins: ['./evil.js'],
    require: './evil.js',
    rules: {
      constructor: { prototype: { polluted: 'oui' } },
      'temps-futur': `(() => { ${run}; return 'off'; })()`,
      'phrase-longue': { level: run },
      'sigle-non-defini': 'x'.repeat(200_000),
      ...Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`règle-${i}`, 'off'])),
    },
  });
  // JSON.stringify cannot write a `__proto__` key (an object literal's sets the prototype): add them as text.
  return text
    .replace('"rules":{', '"rules":{"__proto__":{"polluted":"oui","temps-futur":"off"},')
    .replace(/^\{/, '{"__proto__":{"polluted":"oui","rules":{"temps-futur":"off"}},');
}

/** A workspace folder with a hostile `.ficherc.json` and the script it points to. */
function hostileWorkspace(): { dir: string; marker: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fiche-safety-'));
  const marker = path.join(dir, 'EXECUTE');
  fs.writeFileSync(path.join(dir, 'evil.js'), `require('fs').writeFileSync(${JSON.stringify(marker)}, 'exécuté');\n`);
  fs.writeFileSync(path.join(dir, '.ficherc.json'), hostileConfig(marker));
  fs.writeFileSync(path.join(dir, 'a.fiche.md'), FICHE);
  return { dir, marker };
}

function assertNotPolluted(): void {
  const probe: Record<string, unknown> = {};
  assert.equal(probe.polluted, undefined, 'Object.prototype pollué');
  assert.equal((Object.prototype as Record<string, unknown>).polluted, undefined);
  assert.equal(probe.rules, undefined);
}

/** A preload that records, then refuses, any network (or process-spawning) call. */
function networkTrap(dir: string): { hook: string; log: string } {
  const log = path.join(dir, 'network.log');
  const hook = path.join(dir, 'network-trap.cjs');
  fs.writeFileSync(
    hook,
    `'use strict';
const fs = require('fs');
const log = ${JSON.stringify(log)};
const trap = (name) => function () {
  fs.appendFileSync(log, name + '\\n' + new Error().stack + '\\n');
  throw new Error('accès réseau interdit : ' + name);
};
const apis = {
  net: ['connect', 'createConnection', 'createServer'],
  tls: ['connect', 'createServer'],
  http: ['request', 'get', 'createServer'],
  https: ['request', 'get', 'createServer'],
  http2: ['connect', 'createServer', 'createSecureServer'],
  dgram: ['createSocket'],
  dns: ['lookup', 'lookupService', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'resolveCname', 'resolveMx', 'resolveTxt', 'reverse'],
  child_process: ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork'],
};
for (const [name, functions] of Object.entries(apis)) {
  const module = require(name);
  for (const fn of functions) module[fn] = trap(name + '.' + fn);
}
const dns = require('dns');
for (const fn of Object.keys(dns.promises)) if (typeof dns.promises[fn] === 'function') dns.promises[fn] = trap('dns.promises.' + fn);
require('net').Socket.prototype.connect = trap('net.Socket.connect');
for (const name of ['fetch', 'WebSocket', 'XMLHttpRequest', 'EventSource']) globalThis[name] = trap(name);
`,
  );
  return { hook, log };
}

describe('sécurité : données seulement, aucun réseau', function () {
  this.timeout(30000);
  const cleanup: string[] = [];
  afterEach(function () {
    for (const dir of cleanup.splice(0)) {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    assertNotPolluted();
  });

  it('lit un .ficherc.json hostile comme des données : rien d’exécuté, aucune pollution, valeurs par défaut', async function () {
    const { dir, marker } = hostileWorkspace();
    cleanup.push(dir);
    const start = Date.now();
    const { options, warnings } = await loadConfig(undefined, {}, dir);
    assert.ok(Date.now() - start < 5000, 'lecture bornée dans le temps');
    assert.equal(fs.existsSync(marker), false, 'le script du dossier a été exécuté');
    assertNotPolluted();
    // Nothing of it applies: no own prototype key, no unknown rule, no level that is not a level.
    assert.deepEqual(Object.keys(options.rules), []);
    assert.equal(Object.getPrototypeOf(options.rules), Object.prototype);
    assert.ok(warnings.some((warning) => /Règle inconnue « __proto__ »/.test(warning)));
    assert.ok(warnings.some((warning) => /temps-futur/.test(warning)));
  });

  it('normalise des réglages de l’éditeur hostiles sans rien exécuter ni polluer', function () {
    const raw = JSON.parse(
      '{"__proto__":{"polluted":"oui"},"rules":{"__proto__":{"polluted":"oui"},"constructor":{"prototype":{"polluted":"oui"}},"temps-futur":"off","temps-conditionnel":{"level":"process.exit(3)"},"phrase-longue":["error"]}}',
    ) as unknown;
    for (const value of [raw, null, 42, 'rules', [], { rules: 'tout' }, { rules: null }, { rules: [['temps-futur', 'off']] }]) {
      const { options } = normalizeOptions(value);
      assert.ok(Object.keys(options.rules).every((id) => /^[a-z-]+$/.test(id)));
      assertNotPolluted();
    }
    assert.deepEqual(normalizeOptions(raw).options.rules, { 'temps-futur': 'off' });
  });

  // Known bugs of core/options.ts (`String(value)` in the message of a wrong level): a level written as
  // an object whose `toString`/`valueOf` are strings makes normalizeOptions throw (fiche-lint stops with
  // code 2; the server falls back to the defaults for the whole file), and a huge level is copied whole
  // into the message. Nothing is executed either way.
  it('un niveau objet à « toString » textuel ou immense est ignoré, avec un message court', async function () {
    const huge = normalizeOptions({ rules: { 'temps-futur': 'x'.repeat(100_000) } });
    assert.ok(huge.problems.join('').length < 2000, `message de ${huge.problems.join('').length} caractères`);
    const raw = JSON.parse('{"rules":{"temps-futur":{"toString":"process.exit(3)","valueOf":"x"},"nom-absent":"error"}}') as unknown;
    const { options, problems } = normalizeOptions(raw);
    assert.deepEqual(options.rules, { 'nom-absent': 'error' });
    assert.ok(problems.some((problem) => /temps-futur/.test(problem)));
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fiche-safety-'));
    cleanup.push(dir);
    fs.writeFileSync(path.join(dir, '.ficherc.json'), JSON.stringify(raw));
    fs.writeFileSync(path.join(dir, 'a.fiche.md'), FICHE);
    const result = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'fiche-lint.js'), dir], { cwd: dir, encoding: 'utf8' });
    assert.equal(result.status, 1, result.stderr);
    assert.match(result.stderr, /temps-futur/);
  });

  it('fusionne fichier et éditeur sans clé de prototype (classe Settings du serveur)', async function () {
    const { dir, marker } = hostileWorkspace();
    cleanup.push(dir);
    const notifications: unknown[] = [];
    const editorSettings = JSON.parse('{"__proto__":{"polluted":"oui"},"rules":{"__proto__":{"temps-futur":"off"},"nom-absent":"error"}}') as unknown;
    const connection = {
      workspace: { getConfiguration: () => Promise.resolve(editorSettings) },
      console: { warn: () => undefined },
      sendNotification: (_type: unknown, params: unknown) => {
        notifications.push(params);
        return Promise.resolve();
      },
    } as unknown as Connection;
    const settings = new Settings(connection, () => true, async (uri) => {
      const { options, warnings } = await loadConfig(undefined, {}, path.dirname(new URL(uri).pathname));
      return { options, warnings };
    });
    const options = await settings.forDocument(pathToFileURL(path.join(dir, 'a.fiche.md')).toString());
    assert.deepEqual(options.rules, { 'nom-absent': 'error' });
    assert.equal(Object.getPrototypeOf(options.rules), Object.prototype);
    assert.equal(fs.existsSync(marker), false);
    assert.ok(notifications.length > 0, 'les problèmes sont signalés');
  });

  it('le serveur (stdio) ne touche jamais au réseau ni n’exécute rien du dossier', async function () {
    const { dir, marker } = hostileWorkspace();
    cleanup.push(dir);
    const { hook, log } = networkTrap(dir);
    const previous = process.env.NODE_OPTIONS;
    process.env.NODE_OPTIONS = `${previous ?? ''} --require ${hook}`.trim();
    let client: LspClient;
    try {
      client = await LspClient.start({ settings: { rules: { 'phrase-longue': 'error' } } });
    } finally {
      if (previous === undefined) {
        delete process.env.NODE_OPTIONS;
      } else {
        process.env.NODE_OPTIONS = previous;
      }
    }
    const uri = pathToFileURL(path.join(dir, 'a.fiche.md')).toString();
    await client.open(uri, FICHE);
    const diagnostics = await client.diagnostics(uri);
    assert.ok(diagnostics.length > 0);
    const position = { line: 10, character: 20 };
    await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
    await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line: 4, character: 3 } });
    await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: diagnostics[0].range,
      context: { diagnostics, only: ['quickfix', 'source.fixAll.fiche'] },
    });
    await client.connection.sendRequest(ExecuteCommandRequest.type, { command: 'fiche.applyFixAll', arguments: [uri] });
    await client.connection.sendRequest('fiche/checklist', { uri });
    assert.equal(await client.stop(), 0);
    assert.equal(fs.existsSync(marker), false, 'le script du dossier a été exécuté');
    assert.equal(fs.existsSync(log), false, fs.existsSync(log) ? fs.readFileSync(log, 'utf8') : '');
  });

  it('fiche-lint ne touche jamais au réseau ni n’exécute rien du dossier', function () {
    const { dir, marker } = hostileWorkspace();
    cleanup.push(dir);
    const { hook, log } = networkTrap(dir);
    for (const format of ['stylish', 'json']) {
      const result = spawnSync(process.execPath, ['--require', hook, path.join(ROOT, 'bin', 'fiche-lint.js'), '--format', format, dir], {
        cwd: dir,
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      });
      assert.ok(result.status === 0 || result.status === 1, `${format} : code ${result.status}\n${result.stderr}`);
    }
    assert.equal(fs.existsSync(marker), false, 'le script du dossier a été exécuté');
    assert.equal(fs.existsSync(log), false, fs.existsSync(log) ? fs.readFileSync(log, 'utf8') : '');
  });

  it('les bundles du serveur et de la CLI ne contiennent ni client réseau ni eval', function () {
    const server = ['dist/server.js', 'dist/cli.js', 'dist/browser/server.js'];
    const client = ['dist/client.js', 'dist/browser/client.js'];
    const network = /require\("(?:node:)?(?:http|https|http2|dns|tls|dgram)"\)|\bfetch\(|XMLHttpRequest|new WebSocket\b|\bEventSource\b/;
    const code = /\beval\(|new Function\(/;
    for (const file of [...server, ...client]) {
      const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
      assert.doesNotMatch(text, network, `${file} : client réseau`);
      if (server.includes(file)) {
        assert.doesNotMatch(text, code, `${file} : code construit à l’exécution`);
      }
    }
    // `net` and `child_process` in the Node server come from the LSP library only (its socket and
    // pipe transports to the editor, and a module-path helper the server never calls): in the
    // development build, each require sits under a `// node_modules/vscode-*` section comment.
    const text = fs.readFileSync(path.join(ROOT, 'dist/server.js'), 'utf8');
    const sections = [...text.matchAll(/^\s*\/\/ (node_modules\/\S+|server\/\S+)$/gm)];
    if (sections.length > 0) {
      for (const match of text.matchAll(/require\("(?:node:)?(?:net|child_process)"\)/g)) {
        const section = sections.filter((s) => s.index! < match.index!).at(-1)?.[1] ?? '?';
        assert.match(section, /^node_modules\/vscode-(?:jsonrpc|languageserver)\//, `${match[0]} dans ${section}`);
      }
    }
    assert.doesNotMatch(fs.readFileSync(path.join(ROOT, 'dist/cli.js'), 'utf8'), /require\("(?:node:)?(?:net|child_process)"\)/);
  });

  it('déclare la prise en charge des espaces de travail non approuvés, sans réglage exécutable', function () {
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      capabilities?: { untrustedWorkspaces?: { supported?: unknown; restrictedConfigurations?: unknown }; virtualWorkspaces?: unknown };
      contributes: { configuration: { properties: Record<string, unknown> } };
    };
    assert.equal(manifest.capabilities?.untrustedWorkspaces?.supported, true);
    assert.equal(manifest.capabilities?.virtualWorkspaces, true);
    // Supported without restriction is honest only while no setting names a program or a script to run.
    for (const name of Object.keys(manifest.contributes.configuration.properties)) {
      assert.doesNotMatch(name, /path|command|executable|script|plugin|require|module|binary/i, name);
    }
  });
});
