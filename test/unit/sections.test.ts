import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseFiche } from '../../server/src/core';
import { BOLD_LINE, boldLine } from '../../server/src/core/rules/section-manquante';
import { SECTION_TEXT_LIMIT, classifyHeading, normalizeHeading, sectionText } from '../../server/src/core/sections';

// Headings are real-world forms; every text below is made up for the tests.

const PROBLEM_TEXT =
  'Trop de dossiers arrivent incomplets : les artisans ne savent pas quelles pièces fournir et perdent des semaines. Malheureusement, aucun outil ne les guide.';
const SOLUTION_TEXT =
  'Mon Chantier Facile permet aux artisans de déposer un dossier complet en dix minutes. La plateforme propose la liste des pièces et vous pouvez suivre votre demande en ligne.';
const NEUTRAL_TEXT = 'Merci à toutes celles et ceux qui ont participé aux ateliers de l’été dernier à Limoges.';

describe('classifyHeading', () => {
  it('gives the kind a heading names, whatever its decoration', () => {
    const cases: [string, string][] = [
      ['Le défi', 'probleme'],
      ['Le constat', 'probleme'],
      ['Conséquences', 'probleme'],
      ['Hypothèses de l’investigation', 'probleme'],
      ['Des solutions insuffisantes', 'probleme'],
      ['Notre réponse', 'solution'],
      ['Comment ça marche ?', 'solution'],
      ['Comment fonctionne Mon Chantier Facile ?', 'solution'],
      ['Qu’est-ce que Mon Chantier Facile ?', 'solution'],
      ['**Mon Chantier Facile, c’est quoi ?**', 'solution'],
      ['Le produit : Mon Chantier Facile', 'solution'],
      ['Mon Chantier, un service pour déposer ses dossiers', 'solution'],
      ['Hypothèses de solution :', 'solution'],
      ['Les principales fonctionnalités de la plateforme :', 'solution'],
      ['Objectifs à 6 mois', 'strategie'],
      ['Territoire d’expérimentation :', 'strategie'],
      ['Territoires concernés', 'strategie'],
      ['🚀 Nos ambitions pour 2026', 'strategie'],
      ['📅 Prochaines étapes', 'strategie'],
      ['Public visé', 'utilisateurs'],
      ['Qui peut l’utiliser ?', 'utilisateurs'],
      ['Les bénéfices attendus', 'impact'],
      ['Les avantages :', 'impact'],
      ['Mesures **de succès**', 'impact'],
      ['Orion, un service de la mission interministérielle Exemple', 'contexte'],
      ['La situation', 'contexte'],
    ];
    for (const [heading, kind] of cases) {
      assert.equal(classifyHeading(heading), kind, heading);
      assert.equal(classifyHeading(heading, PROBLEM_TEXT), kind, `${heading} (with a text)`);
    }
  });

  it('keeps headings about the project itself outside the method, whatever the text says', () => {
    const headings = [
      'L’équipe :',
      '👧 L’Équipe',
      'Chronologie',
      'Abandon du produit',
      'Arrêt de l’expérimentation',
      'Évolution du contexte et arrêt des financements',
      'Fin de l’investigation',
      'Post-mortem',
      'Conclusions de l’investigation',
      'Nos apprentissages',
      'Principaux enseignements',
      'Résultats de l’investigation',
      'Impact CoVid-19',
      'Service à impact national 2025',
      'Remerciements ✌️',
      'Hibernation',
      'Budget',
      'Une question ou un besoin d’aide ?',
      'Où trouver ces données ?',
      '3 hypothèses qui n’ont pas été validées',
    ];
    for (const heading of headings) {
      assert.equal(classifyHeading(heading), 'autre', heading);
      assert.equal(classifyHeading(heading, PROBLEM_TEXT), 'autre', `${heading} (problem text)`);
      assert.equal(classifyHeading(heading, SOLUTION_TEXT), 'autre', `${heading} (solution text)`);
    }
  });

  it('never lets the text override a heading that names a kind', () => {
    assert.equal(classifyHeading('Solution', PROBLEM_TEXT), 'solution');
    assert.equal(classifyHeading('Problème', SOLUTION_TEXT), 'probleme');
    assert.equal(classifyHeading('Stratégie', PROBLEM_TEXT), 'strategie');
  });

  it('takes the kind of a catchy heading from the text under it', () => {
    assert.equal(classifyHeading('Recrutez des artisans, pas des formulaires !'), 'autre');
    assert.equal(classifyHeading('Recrutez des artisans, pas des formulaires !', PROBLEM_TEXT), 'probleme');
    assert.equal(classifyHeading('Bienvenue sur Mon Chantier Facile', SOLUTION_TEXT), 'solution');
    assert.equal(classifyHeading('Un été à Limoges', NEUTRAL_TEXT), 'autre');
    assert.equal(classifyHeading('Un été à Limoges', ''), 'autre');
    // One cue word is not enough.
    assert.equal(classifyHeading('Un été à Limoges', 'Le ministère a réuni un comité : un problème de salle a retardé la séance.'), 'autre');
  });

  it('reads an "Investigation" section as a plan, a finding or a report', () => {
    assert.equal(classifyHeading('Investigation'), 'autre');
    assert.equal(
      classifyHeading('Investigation', 'L’investigation doit permettre de comprendre comment les communes instruisent les dossiers.'),
      'strategie',
    );
    assert.equal(
      classifyHeading('La phase d’investigation', 'Comprendre les freins des communes. Identifier les dossiers les plus longs.'),
      'strategie',
    );
    assert.equal(
      classifyHeading('🔎 Exploration / investigation', 'Sur le terrain, nous avons vite compris que le vrai problème était la prise de rendez-vous.'),
      'probleme',
    );
    assert.equal(classifyHeading('Investigation', 'Nous avons rencontré vingt agents en mars et en avril.'), 'autre');
  });

  it('reads "Résultats" and "L’expérimentation" from their figures', () => {
    const figures = 'En six mois : 1 200 utilisateurs, 3 400 dossiers déposés et +35 % de demandes complètes.';
    assert.equal(classifyHeading('Résultats'), 'autre');
    assert.equal(classifyHeading('Résultats', figures), 'impact');
    assert.equal(classifyHeading('Résultats', 'Le projet n’a pas abouti à un service.'), 'autre');
    assert.equal(classifyHeading('L’expérimentation', figures), 'impact');
    assert.equal(classifyHeading('L’expérimentation', 'Nous testerons le service avec trois communes volontaires du Cantal.'), 'strategie');
  });

  it('decides "Contexte et problématique" from the text', () => {
    assert.equal(classifyHeading('Contexte et problématique'), 'contexte');
    assert.equal(
      classifyHeading('Contexte et problématique', 'Depuis la loi de 2019, le ministère pilote ce dispositif lancé par le Président.'),
      'contexte',
    );
    assert.equal(classifyHeading('Contexte/problème', PROBLEM_TEXT), 'probleme');
  });

  it('normalises headings', () => {
    assert.equal(normalizeHeading('🔍 **2. Le Problème visé :**'), 'probleme vise');
    assert.equal(normalizeHeading('L’ENJEU'), 'enjeu');
  });
});

describe('sections in parseFiche', () => {
  it('classifies vague headings from the text of their section', () => {
    const doc = parseFiche(
      [
        '# Mon Chantier Facile',
        '',
        '## Le gaspillage des dossiers',
        '',
        PROBLEM_TEXT,
        '',
        '## Mon Chantier Facile, le guichet des artisans',
        '',
        SOLUTION_TEXT,
        '',
        '## Investigation',
        '',
        'L’investigation doit permettre de mesurer le temps perdu par les artisans.',
        '',
        '## L’équipe',
        '',
        'Deux agents et une coache, qui manquent de temps : un problème difficile.',
        '',
      ].join('\n'),
    );
    assert.deepEqual(
      doc.sections.map((s) => s.kind),
      ['autre', 'probleme', 'solution', 'strategie', 'autre'],
    );
  });

  it('looks at the first blocks of a section only', () => {
    const prose = 'a'.repeat(400) + '\n\n' + 'b'.repeat(400) + '\n\n' + 'c'.repeat(400);
    const blocks = [
      { start: 0, end: 400 },
      { start: 402, end: 802 },
      { start: 804, end: 1204 },
    ];
    const text = sectionText(blocks, prose);
    assert.ok(text.length <= SECTION_TEXT_LIMIT + blocks.length, String(text.length));
    assert.ok(text.startsWith('a'.repeat(400)));
    assert.ok(!text.includes('c'));
  });
});

describe('bold lines as sections (section-manquante)', () => {
  it('boldLine() equals the BOLD_LINE expression on any trimmed line', () => {
    const parts = fc.array(fc.constantFrom('**', '__', '*', '_', 'Problème', 'a', ' ', ':', '\n', 'é'), { maxLength: 12 }).map((p) => p.join('').trim());
    fc.assert(
      fc.property(parts, (line) => {
        assert.deepEqual(boldLine(line)?.[2], BOLD_LINE.exec(line)?.[2], JSON.stringify(line));
      }),
      { numRuns: 20000, seed: 20261204 },
    );
  });
});
