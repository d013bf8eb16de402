// The real language server over stdio, driven as an editor would drive it.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import {
  CodeActionRequest,
  CompletionRequest,
  DocumentSymbolRequest,
  ExecuteCommandRequest,
  FoldingRangeRequest,
  HoverRequest,
  InsertTextFormat,
  MarkupContent,
  type CodeAction,
  type CompletionItem,
  type Diagnostic,
  type DocumentSymbol,
  type TextEdit,
} from 'vscode-languageserver-protocol/node';
import { LspClient, SERVER_BIN } from '../helpers/lsp';
import { FICHE_FUTUR, FICHE_PROPRE } from './fiches';

const URI = 'file:///tmp/aidants-connect.fiche.md';

/** The text a diagnostic covers. */
function covered(client: LspClient, uri: string, diagnostic: Diagnostic): string {
  const document = client.document(uri);
  return document.getText().slice(document.offsetAt(diagnostic.range.start), document.offsetAt(diagnostic.range.end));
}

function byCode(diagnostics: Diagnostic[], code: string): Diagnostic[] {
  return diagnostics.filter((diagnostic) => diagnostic.code === code);
}

function positionOf(client: LspClient, uri: string, search: string, delta = 0) {
  const document = client.document(uri);
  const offset = document.getText().indexOf(search);
  assert.ok(offset >= 0, `« ${search} » absent`);
  return document.positionAt(offset + delta);
}

async function codeActions(client: LspClient, uri: string, diagnostics: Diagnostic[], only?: string[]) {
  const range = diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  const actions = await client.connection.sendRequest(CodeActionRequest.type, {
    textDocument: { uri },
    range,
    context: { diagnostics, only },
  });
  return (actions ?? []) as CodeAction[];
}

describe('serveur de langage (stdio)', function () {
  let client: LspClient;

  before(function () {
    assert.ok(fs.existsSync(SERVER_BIN));
  });
  beforeEach(async function () {
    client = await LspClient.start({ settings: { rules: {} } });
  });
  afterEach(async function () {
    await client.stop();
  });

  it('annonce ses capacités', function () {
    const capabilities = client.initializeResult.capabilities;
    assert.equal(client.initializeResult.serverInfo?.name, 'fiche-language-server');
    assert.deepEqual(capabilities.textDocumentSync, { openClose: true, change: 2 });
    assert.ok(capabilities.hoverProvider);
    assert.ok(capabilities.completionProvider);
    assert.ok(capabilities.documentSymbolProvider);
    assert.ok(capabilities.foldingRangeProvider);
    assert.deepEqual(capabilities.codeActionProvider, { codeActionKinds: ['quickfix', 'source.fixAll.fiche'] });
    assert.deepEqual(capabilities.executeCommandProvider?.commands, ['fiche.applyFixAll']);
  });

  it('publie les diagnostics à l’ouverture : code, source, plage et correctif', async function () {
    await client.open(URI, FICHE_FUTUR);
    const diagnostics = await client.diagnostics(URI);
    assert.ok(diagnostics.every((diagnostic) => diagnostic.source === 'fiche'));
    const [futur] = byCode(diagnostics, 'temps-futur');
    assert.ok(futur, `temps-futur attendu, reçu : ${diagnostics.map((d) => d.code).join(', ')}`);
    assert.equal(covered(client, URI, futur), 'permettra');
    assert.equal(futur.severity, 2);
    assert.ok(String(futur.message).length > 0);
    const data = futur.data as { version: number; fixes: { title: string }[] };
    assert.equal(data.version, 1);
    assert.ok(data.fixes[0].title.length > 0);
  });

  it('ne publie rien pour une fiche conforme', async function () {
    await client.open(URI, FICHE_PROPRE);
    assert.deepEqual(await client.diagnostics(URI), []);
  });

  it('corrige « permettra » en « permet » par l’action rapide préférée', async function () {
    await client.open(URI, FICHE_FUTUR);
    const futur = byCode(await client.diagnostics(URI), 'temps-futur');
    assert.equal(futur.length, 1);
    const actions = await codeActions(client, URI, futur);
    const preferred = actions.filter((action) => action.isPreferred);
    assert.equal(preferred.length, 1);
    assert.equal(preferred[0].kind, 'quickfix');
    assert.deepEqual(preferred[0].diagnostics, futur);
    await client.applyWorkspaceEdit(preferred[0].edit!);
    assert.match(client.text(URI), /Aidants Connect permet aux aidants/);
    assert.deepEqual(byCode(await client.diagnostics(URI), 'temps-futur'), []);
  });

  it('corrige « grace-a-absent » en insérant « Grâce à <Nom>, »', async function () {
    await client.open(URI, FICHE_PROPRE.replace('Grâce à Aidants Connect, les', 'Les'));
    const graceA = byCode(await client.diagnostics(URI), 'grace-a-absent');
    assert.equal(graceA.length, 1);
    const [preferred] = (await codeActions(client, URI, graceA)).filter((action) => action.isPreferred);
    await client.applyWorkspaceEdit(preferred.edit!);
    assert.match(client.text(URI), /Grâce à Aidants Connect, les aidants/);
    assert.deepEqual(await client.diagnostics(URI), []);
  });

  it('propose « Corriger tous les problèmes « temps-futur » » et source.fixAll.fiche', async function () {
    const text = FICHE_FUTUR.replace('## Stratégie', 'Les aidants seront formés en une heure.\n\n## Stratégie');
    await client.open(URI, text);
    const futur = byCode(await client.diagnostics(URI), 'temps-futur');
    assert.equal(futur.length, 2);
    const ruleAction = (await codeActions(client, URI, futur)).find(
      (action) => action.title === 'Corriger tous les problèmes « temps-futur »',
    );
    assert.ok(ruleAction?.edit);
    const [fixAll] = await codeActions(client, URI, [], ['source.fixAll']);
    assert.equal(fixAll.kind, 'source.fixAll.fiche');
    await client.applyWorkspaceEdit(ruleAction.edit);
    assert.match(client.text(URI), /permet aux aidants/);
    assert.match(client.text(URI), /Les aidants sont formés/);
    assert.deepEqual(byCode(await client.diagnostics(URI), 'temps-futur'), []);
  });

  it('exécute fiche.applyFixAll : le serveur demande workspace/applyEdit', async function () {
    await client.open(URI, FICHE_FUTUR);
    const before = await client.diagnostics(URI);
    assert.ok(before.some((diagnostic) => diagnostic.data));
    const result = await client.connection.sendRequest(ExecuteCommandRequest.type, {
      command: 'fiche.applyFixAll',
      arguments: [URI],
    });
    assert.deepEqual(result, { applied: true });
    const after = await client.diagnostics(URI);
    assert.deepEqual(
      after.filter((diagnostic) => diagnostic.data),
      [],
      'plus aucun problème corrigeable',
    );
  });

  it('republie après une modification incrémentale, sans publier les versions dépassées', async function () {
    await client.open(URI, FICHE_PROPRE);
    assert.deepEqual(await client.diagnostics(URI), []);
    await client.replace(URI, 'font les démarches', 'feront les démarches');
    await client.replace(URI, 'Nous commençons', 'Nous commençons');
    await client.replace(URI, 'sécurité', 'sécurité totale');
    const diagnostics = await client.diagnostics(URI);
    assert.equal(covered(client, URI, byCode(diagnostics, 'temps-futur')[0]), 'feront');
    const versions = client.publications.get(URI)!.map((publication) => publication.version);
    assert.deepEqual(versions, [1, 4], 'une publication par pause de frappe');
  });

  it('complète « Grâce à <Nom>, … » dans la Solution, avec le nom de la fiche', async function () {
    const text = FICHE_PROPRE.replace('Grâce à Aidants Connect, les', 'Gr');
    await client.open(URI, text);
    const items = (await client.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri: URI },
      position: positionOf(client, URI, 'Gr aidants', 2),
    })) as CompletionItem[];
    const graceA = items.find((item) => item.label.startsWith('Grâce à'));
    assert.ok(graceA, `proposition absente : ${items.map((item) => item.label).join(', ')}`);
    assert.equal(graceA.label, 'Grâce à Aidants Connect, …');
    assert.equal(graceA.insertTextFormat, InsertTextFormat.Snippet);
    const edit = graceA.textEdit as TextEdit;
    assert.match(edit.newText, /^Grâce à Aidants Connect, \$\{1:[^}]+\}$/);
    assert.deepEqual(edit.range.start, positionOf(client, URI, 'Gr aidants'));
  });

  it('propose un nom à remplir quand la fiche n’en a pas', async function () {
    const text = FICHE_PROPRE.replace(/---\ntitle: .*\n---\n/, '').replace('Grâce à Aidants Connect, les', 'Les');
    await client.open(URI, text);
    const items = (await client.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri: URI },
      position: positionOf(client, URI, 'Les aidants'),
    })) as CompletionItem[];
    const graceA = items.find((item) => item.label.startsWith('Grâce à'));
    assert.equal((graceA?.textEdit as TextEdit).newText, 'Grâce à ${1:Nom du service}, ${2:obtenez …}');
  });

  it('ne propose pas « Grâce à » hors de la Solution', async function () {
    await client.open(URI, FICHE_PROPRE);
    const items = (await client.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri: URI },
      position: positionOf(client, URI, 'Nous commençons'),
    })) as CompletionItem[];
    assert.deepEqual(items, []);
  });

  it('complète les titres de section de la méthode sur une ligne de titre', async function () {
    await client.open(URI, `${FICHE_PROPRE}\n## Ris`);
    const items = (await client.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri: URI },
      position: positionOf(client, URI, '## Ris', 6),
    })) as CompletionItem[];
    const labels = items.map((item) => item.label);
    for (const title of ['Contexte', 'Problème', 'Solution', 'Stratégie', 'Premiers utilisateurs', 'Impact', 'Risques', 'Prototype']) {
      assert.ok(labels.includes(title), `${title} absent de ${labels.join(', ')}`);
    }
    const risques = items.find((item) => item.label === 'Risques')!;
    assert.equal((risques.textEdit as TextEdit).newText, 'Risques');
    assert.deepEqual((risques.textEdit as TextEdit).range.start, positionOf(client, URI, 'Ris'));
    const sorted = [...items].sort((a, b) => a.sortText!.localeCompare(b.sortText!));
    assert.equal(sorted[0].label, 'Contexte', 'les sections absentes d’abord, dans l’ordre de la méthode');
  });

  it('ne propose pas de section sur un sous-titre', async function () {
    await client.open(URI, `${FICHE_PROPRE}\n### Ris`);
    const items = await client.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri: URI },
      position: positionOf(client, URI, '### Ris', 7),
    });
    assert.deepEqual(items, []);
  });

  it('explique la règle au survol d’un problème', async function () {
    await client.open(URI, FICHE_FUTUR);
    await client.diagnostics(URI);
    const hover = await client.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri: URI },
      position: positionOf(client, URI, 'permettra', 3),
    });
    assert.ok(hover && MarkupContent.is(hover.contents));
    assert.equal(hover.contents.kind, 'markdown');
    assert.match(hover.contents.value, /\*\*temps-futur\*\*/);
    assert.ok(!/TODO/.test(hover.contents.value), 'explication de la règle attendue');
    const nothing = await client.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri: URI },
      position: positionOf(client, URI, 'Nous commençons'),
    });
    assert.equal(nothing, null);
  });

  it('donne le plan des sections et leurs replis', async function () {
    await client.open(URI, FICHE_FUTUR);
    const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, {
      textDocument: { uri: URI },
    })) as DocumentSymbol[];
    assert.deepEqual(
      symbols.map((symbol) => [symbol.name, symbol.detail]),
      [
        ['Problème', 'Problème'],
        ['Solution', 'Solution'],
        ['Stratégie', 'Stratégie'],
      ],
    );
    const solution = symbols[1];
    assert.equal(solution.range.start.line, positionOf(client, URI, '## Solution').line);
    assert.equal(solution.range.start.character, 0);
    assert.equal(solution.range.end.line, positionOf(client, URI, 'Aidants Connect permettra').line);
    const folds = await client.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri: URI } });
    assert.deepEqual(
      folds?.map((fold) => [fold.startLine, fold.endLine]),
      symbols.map((symbol) => [symbol.range.start.line, symbol.range.end.line]),
    );
  });

  it('une fiche fermée puis rouverte aussitôt sous la même adresse (version 1 à nouveau) : diagnostics du nouveau texte seulement', async function () {
    // The first text's validation still waits for its settings when the second text arrives with
    // the same URI and the same version number: nothing of the first text may be published for it.
    const untitled = 'untitled:Untitled-1';
    const sent = [client.open(untitled, FICHE_FUTUR), client.close(untitled), client.open(untitled, FICHE_PROPRE)];
    await Promise.all(sent);
    await client.diagnostics(untitled);
    await new Promise((resolve) => setTimeout(resolve, 400)); // late publications, if any
    const published = client.publications.get(untitled)!;
    assert.deepEqual(published.at(-1)!.diagnostics, []);
    assert.equal(
      published.filter((publication) => publication.clientVersion === 1 && publication.diagnostics.length > 0).length,
      0,
      `diagnostics de l’ancien texte publiés pour le nouveau : ${JSON.stringify(published.map((p) => p.diagnostics.map((d) => d.code)))}`,
    );
  });

  it('efface les diagnostics à la fermeture', async function () {
    await client.open(URI, FICHE_FUTUR);
    assert.notDeepEqual(await client.diagnostics(URI), []);
    await client.close(URI);
    await client.waitFor(
      () => client.publications.get(URI)!.at(-1)!.diagnostics.length === 0 || undefined,
      2000,
      'diagnostics vides',
    );
  });
});
