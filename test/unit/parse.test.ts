import * as assert from 'node:assert/strict';
import { parseFiche } from '../../server/src/core';
import { classifyHeading } from '../../server/src/core/sections';

describe('parseFiche', () => {
  it('recognises the real-world forms of the method headings', () => {
    const cases: [string, string][] = [
      ['Problème', 'probleme'],
      ['Le problème', 'probleme'],
      ['Problème visé :', 'probleme'],
      ['🔍 Problème', 'probleme'],
      ['**Contexte**', 'contexte'],
      ['2. La solution', 'solution'],
      ['Notre solution', 'solution'],
      ['La solution : X, la plateforme qui simplifie', 'solution'],
      ['Stratégie de déploiement', 'strategie'],
      ['Objectifs à 6 mois', 'strategie'],
      ['Premiers utilisateurs', 'utilisateurs'],
      ['Mesure de l’impact', 'impact'],
      ['Risques', 'risques'],
      ['Prototype', 'prototype'],
      ['L’équipe', 'autre'],
      ['Service à impact national 2024', 'autre'],
      ['Contexte/problème', 'contexte'],
    ];
    for (const [heading, kind] of cases) {
      assert.equal(classifyHeading(heading), kind, heading);
    }
  });

  it('splits sections on level-1/2 headings and keeps sub-headings inside', () => {
    const doc = parseFiche('# Mon Aide\n\nIntro.\n\n## Problème\n\nTexte.\n\n### Détail\n\nPlus.\n\n## Solution\n\nGrâce à Mon Aide.\n');
    assert.deepEqual(
      doc.sections.map((s) => [s.kind, s.title, s.blocks.length]),
      [
        ['autre', 'Mon Aide', 1],
        ['probleme', 'Problème', 3],
        ['solution', 'Solution', 1],
      ],
    );
    const problem = doc.sections[1];
    assert.equal(doc.text.slice(problem.headingStart, problem.headingEnd), 'Problème');
    assert.equal(doc.text.slice(problem.end, problem.end + 11), '## Solution');
  });

  it('takes the name from the front matter, else the first level-1 heading, else "Grâce à X"', () => {
    assert.equal(parseFiche('---\ntitle: A-JUST\n---\n# Autre\n').name?.value, 'A-JUST');
    assert.equal(parseFiche('# Welcome in France\n\n## Solution\n\nTexte.').name?.value, 'Welcome in France');
    const fromSolution = parseFiche('## Solution\n\nGrâce à Welcome in France, obtenez votre permis.');
    assert.equal(fromSolution.name?.value, 'Welcome in France');
    assert.equal(fromSolution.name?.source, 'solution');
    assert.equal(parseFiche('## Solution\n\nGrâce à la plateforme, tout va bien.').name, undefined);
  });

  it('masks code, front matter, HTML, URLs and link targets, and keeps offsets', () => {
    const text =
      '---\ntitle: X permettra\n---\n## Solution\n\nVoir [le site](https://permettra.fr/a) et `permettra` <!-- permettra --> https://x.fr/permettra fin.\n\n```\npermettra\n```\n';
    const doc = parseFiche(text);
    assert.equal(doc.prose.length, text.length);
    assert.equal(doc.prose.split('\n').length, text.split('\n').length);
    assert.ok(!doc.prose.includes('permettra'), doc.prose);
    assert.ok(doc.prose.includes('le site'));
    assert.ok(doc.prose.includes('fin.'));
  });

  it('keeps prose offsets exact in lists, quotes, tables and CRLF text', () => {
    const text = '## Solution\r\n\r\n- un **point** `code`\r\n  suite\r\n\r\n> cité\r\n\r\n| a | `b` |\r\n|---|---|\r\n| c | d |\r\n';
    const doc = parseFiche(text);
    for (const word of ['point', 'suite', 'cité', 'c ', 'd ']) {
      const at = text.indexOf(word, text.indexOf('\n'));
      assert.equal(doc.prose.slice(at, at + word.length), word, word);
    }
    assert.equal(doc.prose.indexOf('code'), -1);
    assert.equal(doc.positionAt(text.indexOf('suite')).line, 3);
  });

  it('never throws on broken input', () => {
    for (const text of ['', '---', '---\ntitle: [\n---\n', '```\nopen fence', '\uFEFF# T\n', '\r\r\n\n', '# \n##\n', '<!--', '[a](']) {
      const doc = parseFiche(text);
      assert.equal(doc.prose.length, text.length);
    }
    assert.match(parseFiche('---\ntitle: [\n---\n').frontMatterError ?? '', /YAML/);
  });
});
