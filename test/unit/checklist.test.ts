import * as assert from 'node:assert/strict';
import { analyze, checklist } from '../../server/src/core';
import { withSolution } from '../helpers/rules';

describe('checklist', () => {
  it('summarises each section from the findings in it', () => {
    const text = withSolution('Grâce à Mon Aide, les familles reçoivent l’aide par défaut. C’est le Uber des aides.');
    const list = checklist(analyze(text));
    const solution = list.find((c) => c.kind === 'solution')!;
    const ok = (label: string): boolean | undefined => solution.items.find((i) => i.label === label)?.ok;
    assert.equal(ok('nom'), true);
    assert.equal(ok('nouveauté'), true);
    assert.equal(ok('idée nette'), false);
    assert.match(solution.summary, /^Solution — \d+\/\d+ : /);
    assert.match(solution.summary, /idée nette ✗/);
    const problem = list.find((c) => c.kind === 'probleme')!;
    assert.match(problem.summary, /chiffré ✓/);
  });

  it('leaves out rules turned off', () => {
    const text = withSolution('Grâce à Mon Aide, tout change par défaut.');
    const list = checklist(analyze(text, { rules: { 'nouveaute-absente': 'off' } }), { rules: { 'nouveaute-absente': 'off' } });
    assert.ok(!list.find((c) => c.kind === 'solution')!.items.some((i) => i.label === 'nouveauté'));
  });
});
