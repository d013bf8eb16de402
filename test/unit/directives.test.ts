import * as assert from 'node:assert/strict';
import { analyze, applyEdits, suppressionFixes } from '../../server/src/core';
import { withSolution } from '../helpers/rules';

const ids = (text: string): string[] => analyze(text).findings.map((f) => f.ruleId);

describe('in-file control comments', () => {
  const base = withSolution('Grâce à Mon Aide, les familles reçoivent l’aide par défaut.\n\nC’est le Uber des aides sociales.');

  it('the base text has the finding the comments act on', () => {
    assert.ok(ids(base).includes('idee-diluee'));
  });

  it('fiche-ignore on the line above covers the next non-blank line', () => {
    const text = base.replace('C’est le Uber', '<!-- fiche-ignore idee-diluee: analogie assumée -->\n\nC’est le Uber');
    assert.ok(!ids(text).includes('idee-diluee'));
  });

  it('fiche-ignore at the end of a line covers that line only', () => {
    const text = base.replace('aides sociales.', 'aides sociales. <!-- fiche-ignore idee-diluee -->');
    assert.ok(!ids(text).includes('idee-diluee'));
    const other = base.replace('par défaut.', 'par défaut. <!-- fiche-ignore idee-diluee -->');
    assert.ok(ids(other).includes('idee-diluee'));
  });

  it('fiche-ignore for another rule does not hide this one', () => {
    const text = base.replace('C’est le Uber', '<!-- fiche-ignore temps-futur -->\nC’est le Uber');
    assert.ok(ids(text).includes('idee-diluee'));
  });

  it('fiche-disable / fiche-enable open and close a region; no id means every rule', () => {
    const region = base.replace('C’est le Uber des aides sociales.', '<!-- fiche-disable -->\nC’est le Uber des aides sociales.\n<!-- fiche-enable -->\n\nLe Airbnb des crèches.');
    const found = analyze(region).findings.filter((f) => f.ruleId === 'idee-diluee').map((f) => region.slice(f.start, f.end));
    assert.deepEqual(found, ['Le Airbnb des crèches']);
  });

  it('ignores comments inside code blocks', () => {
    const text = base.replace('C’est le Uber', '```\n<!-- fiche-disable -->\n```\n\nC’est le Uber');
    assert.ok(ids(text).includes('idee-diluee'));
  });

  it('writes "ignorer ici" and "désactiver dans ce fichier" fixes that silence the finding', () => {
    const result = analyze(base);
    const finding = result.findings.find((f) => f.ruleId === 'idee-diluee')!;
    const { ignore, disable } = suppressionFixes(result.document, finding);
    const ignored = applyEdits(base, ignore.edits);
    assert.match(ignored, /aides sociales\. <!-- fiche-ignore idee-diluee -->/);
    assert.ok(!ids(ignored).includes('idee-diluee'));
    const disabled = applyEdits(base, disable.edits);
    assert.match(disabled, /^---\ntitle: Mon Aide\n---\n<!-- fiche-disable idee-diluee -->\n\n/);
    assert.ok(!ids(disabled).includes('idee-diluee'));
  });

  it('puts "ignorer ici" above a heading', () => {
    const text = withSolution('Les familles reçoivent leur aide.');
    const result = analyze(text);
    const finding = result.findings.find((f) => f.ruleId === 'grace-a-absent')!;
    const fixed = applyEdits(text, suppressionFixes(result.document, finding).ignore.edits);
    assert.match(fixed, /<!-- fiche-ignore grace-a-absent -->\n## Solution/);
    assert.ok(!ids(fixed).includes('grace-a-absent'));
    assert.equal(analyze(fixed).document.sections.find((s) => s.kind === 'solution')?.title, 'Solution');
  });

  it('keeps a comment at the end of a heading out of the section title', () => {
    const text = withSolution('Texte.').replace('## Solution', '## Solution <!-- fiche-ignore grace-a-absent -->');
    assert.equal(analyze(text).document.sections.find((s) => s.kind === 'solution')?.title, 'Solution');
  });
});
