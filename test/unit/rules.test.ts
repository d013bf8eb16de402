import * as assert from 'node:assert/strict';
import { analyze, rules } from '../../server/src/core';
import { assertFindings, assertFixed, fiche, findingsOf, withSolution } from '../helpers/rules';

describe('rules', () => {
  it('rule ids sort the same by code units as by localeCompare (the engine breaks ties with the former)', () => {
    const ids = rules.map((rule) => rule.id);
    assert.ok(ids.every((id) => /^[a-z]+(?:-[a-z]+)*$/.test(id)));
    assert.deepEqual([...ids].sort(), [...ids].sort((a, b) => a.localeCompare(b)));
  });
  describe('grace-a-absent', () => {
    it('flags a Solution that never says "Grâce à <Nom>"', () => {
      assertFindings(withSolution('Nous créons une plateforme pour les familles.'), 'grace-a-absent', ['Solution']);
    });
    it('accepts "Grâce à <Nom>", the fiche’s name or a generic reference', () => {
      assertFindings(withSolution('Grâce à Mon Aide, les familles reçoivent leur aide.'), 'grace-a-absent', []);
      assertFindings(withSolution('Les familles, grâce à mon aide, reçoivent leur aide.'), 'grace-a-absent', []);
      assertFindings(withSolution('Grâce à ce site, les familles reçoivent leur aide.'), 'grace-a-absent', []);
    });
    it('inserts "Grâce à <Nom>, " and lower-cases a common first word', () => {
      const text = withSolution('Les familles reçoivent leur aide.');
      assertFixed(text, 'grace-a-absent', text.replace('Les familles', 'Grâce à Mon Aide, les familles'));
    });
    it('keeps a name that opens the paragraph capitalised', () => {
      const text = withSolution('Paris et Lyon testent le service.');
      assertFixed(text, 'grace-a-absent', text.replace('Paris', 'Grâce à Mon Aide, Paris'));
    });
    it('accepts a name that looks like a domain, so its own fix is stable', () => {
      const text = withSolution('Les familles reçoivent leur aide.', 'cartes.gouv.fr');
      assertFixed(text, 'grace-a-absent', text.replace('Les familles', 'Grâce à cartes.gouv.fr, les familles'));
    });
    it('recognises its own insertion of a long name (over 80 characters), so fixing is stable', () => {
      const name = 'accompagnement numérique des familles dans leurs démarches de demande de logement social en ligne';
      const text = withSolution('Les familles reçoivent leur aide.', name);
      assertFixed(text, 'grace-a-absent', text.replace('Les familles', `Grâce à ${name}, les familles`));
    });
    it('offers no fix without a name', () => {
      const [finding] = findingsOf(withSolution('Les familles reçoivent leur aide.', null), 'grace-a-absent');
      assert.equal(finding.fixes, undefined);
    });
  });

  describe('nom-absent', () => {
    it('flags a fiche with no name anywhere', () => {
      assert.equal(findingsOf(withSolution('Les familles reçoivent leur aide.', null), 'nom-absent').length, 1);
    });
    it('accepts a title, a level-1 heading or a name in the Solution', () => {
      assert.equal(findingsOf(withSolution('Texte.'), 'nom-absent').length, 0);
      assert.equal(findingsOf('# Mon Aide\n\n' + withSolution('Texte.', null), 'nom-absent').length, 0);
      assert.equal(findingsOf(withSolution('Grâce à Mon Aide, tout change.', null), 'nom-absent').length, 0);
    });
  });

  describe('nom-generique', () => {
    it('flags "grâce à ce site" and replaces it with the name', () => {
      const text = withSolution('Grâce à ce site, les familles reçoivent leur aide.');
      assertFindings(text, 'nom-generique', ['ce site']);
      assertFixed(text, 'nom-generique', text.replace('ce site', 'Mon Aide'));
    });
    it('flags "notre application" and "cette plateforme"', () => {
      assertFindings(
        withSolution('Grâce à notre application, tout change. Grâce à cette plateforme, rien ne se perd.'),
        'nom-generique',
        ['notre application', 'cette plateforme'],
      );
    });
    it('accepts a generic word followed by the name', () => {
      assertFindings(withSolution('Grâce à la plateforme Mon Aide, tout change.'), 'nom-generique', []);
    });
  });

  describe('idee-diluee', () => {
    it('flags analogies and piles of features', () => {
      assertFindings(
        withSolution('Nous faisons le Uber de la formation professionnelle, avec 43 fonctionnalités de réseau social tout-en-un.'),
        'idee-diluee',
        ['le Uber de la', '43 fonctionnalités', 'réseau social', 'tout-en-un'],
      );
    });
    it('does not flag brands used plainly', () => {
      assertFindings(withSolution('Les usagers prennent rendez-vous sur Doctolib ou via Google Agenda.'), 'idee-diluee', []);
    });
  });

  describe('nouveaute-absente', () => {
    it('flags a Solution that breaks no old rule', () => {
      assertFindings(withSolution('Grâce à Mon Aide, les familles déposent leur dossier en ligne.'), 'nouveaute-absente', ['Solution']);
    });
    it('accepts a broken rule', () => {
      for (const phrase of ['plutôt que de se déplacer', 'sans avoir à fournir de justificatif', 'a posteriori', 'par défaut', 'à posteriori']) {
        assertFindings(withSolution(`Grâce à Mon Aide, les familles reçoivent l’aide ${phrase}.`), 'nouveaute-absente', []);
      }
    });
  });

  describe('probleme-non-quantifie', () => {
    const problem = (body: string): string => fiche({ Problème: body, Solution: 'Grâce à Mon Aide, tout change désormais.' });
    it('flags a Problème without any figure', () => {
      assertFindings(problem('Beaucoup de familles renoncent à leurs droits.'), 'probleme-non-quantifie', ['Problème']);
    });
    it('accepts digits and figures in words', () => {
      for (const body of ['300 000 familles renoncent.', 'Des milliers de familles renoncent.', 'La moitié des familles renonce.', '30 % des familles.']) {
        assertFindings(problem(body), 'probleme-non-quantifie', []);
      }
    });
    it('looks at all the Problème sections together', () => {
      const text = fiche({ Problème: 'Les familles renoncent.', 'Qui est concerné par ce problème ?': '3 millions de familles.' });
      assertFindings(text, 'probleme-non-quantifie', []);
    });
  });

  describe('section-manquante', () => {
    it('reports each missing essential section once', () => {
      const text = fiche({ Contexte: 'Un dispositif ancien.' });
      assert.deepEqual(
        findingsOf(text, 'section-manquante').map((f) => f.message),
        [
          'Section « Problème » manquante : ajoutez-la à la fiche.',
          'Section « Solution » manquante : ajoutez-la à la fiche.',
          'Section « Stratégie » manquante : ajoutez-la à la fiche.',
        ],
      );
    });
    it('counts sections named by a bold line or a sub-heading, not a bold word in a sentence (réel : expresso, data-foncier)', () => {
      const bold = fiche({ 'Ma fiche': '**Problème**\n\n3 millions.\n\n__Solution :__\n\nUn guichet.\n\n**Stratégie** : trois communes.' });
      assert.deepEqual(
        findingsOf(bold, 'section-manquante').map((f) => f.message),
        ['Section « Stratégie » manquante : ajoutez-la à la fiche.'],
      );
      const nested = fiche({ Problème: '3 millions.\n\n### Solution\n\nUn guichet.', Stratégie: 'Trois communes.' });
      assert.deepEqual(findingsOf(nested, 'section-manquante'), []);
    });
    it('inserts the skeleton as its own block in CRLF text', () => {
      const text = fiche({ Problème: '3 millions.', Stratégie: 'Trois communes.' }).replace(/\n/g, '\r\n');
      const [finding] = findingsOf(text, 'section-manquante');
      const edit = finding.fixes![0].edits[0];
      const out = text.slice(0, edit.start) + edit.newText + text.slice(edit.end);
      assert.match(out, /3 millions\.\r\n\r\n## Solution\r\n\r\n<!--[^]*-->\r\n\r\n## Stratégie/);
    });
    it('inserts the skeleton where the section belongs', () => {
      const text = fiche({ Problème: '3 millions de familles.', Stratégie: 'Trois communes.' });
      const [finding] = findingsOf(text, 'section-manquante');
      assert.equal(finding.message, 'Section « Solution » manquante : ajoutez-la après « Problème ».');
      const fixed = analyze(text).findings.filter((f) => f.ruleId === 'section-manquante');
      assert.equal(fixed.length, 1);
      const out = text.slice(0, finding.fixes![0].edits[0].start) + finding.fixes![0].edits[0].newText + text.slice(finding.fixes![0].edits[0].start);
      assert.match(out, /## Problème\n\n3 millions de familles\.\n\n## Solution\n\n<!--[^]*-->\n\n## Stratégie/);
      assert.equal(findingsOf(out, 'section-manquante').length, 0);
    });
  });

  describe('registry', () => {
    it('has unique kebab-case ids and complete metadata', () => {
      const ids = rules.map((rule) => rule.id);
      assert.equal(new Set(ids).size, ids.length);
      for (const rule of rules) {
        assert.match(rule.id, /^[a-z]+(-[a-z]+)*$/);
        assert.ok(rule.description.length > 10 && !rule.description.includes('TODO'), rule.id);
        assert.ok(rule.explanation.length > 80 && !rule.explanation.includes('TODO'), rule.id);
        assert.ok(['error', 'warning', 'information', 'hint'].includes(rule.defaultSeverity));
      }
    });
    it('has the contract ids of the product issue', () => {
      for (const id of ['temps-futur', 'temps-conditionnel', 'grace-a-absent', 'nom-absent', 'nom-generique', 'idee-diluee', 'nouveaute-absente', 'probleme-non-quantifie', 'section-manquante']) {
        assert.ok(rules.some((rule) => rule.id === id), id);
      }
    });
  });
});
