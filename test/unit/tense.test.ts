import * as assert from 'node:assert/strict';
import { applyEdits } from '../../server/src/core';
import { findTenseHits, type TenseHit } from '../../server/src/core/tense';
import { assertFindings, assertFixed, findingsOf, withSolution } from '../helpers/rules';

function hits(text: string, serviceName?: string): TenseHit[] {
  return findTenseHits(text, 0, text.length, { serviceName });
}

/** The flagged words of a sentence, as "kind:text". */
function flagged(text: string, serviceName?: string): string[] {
  return hits(text, serviceName).map((hit) => `${hit.kind}:${hit.text}`);
}

/** The sentence after the preferred fix of every hit. */
function fixed(text: string, serviceName?: string): string {
  return applyEdits(text, hits(text, serviceName).flatMap((hit) => hit.fixes[0]?.edits ?? []));
}

/** The sentence after the alternative (second) fix of its only hit. */
function alternative(text: string): string {
  const [hit] = hits(text);
  return applyEdits(text, hit.fixes[1]?.edits ?? []);
}

describe('tense engine', () => {
  describe('detection', () => {
    it('finds the simple future', () => assert.deepEqual(flagged('Le service permettra de gagner du temps.'), ['futur:permettra']));
    it('finds the conditional', () => assert.deepEqual(flagged('Il permettrait de gagner du temps.'), ['conditionnel:permettrait']));
    it('finds the periphrastic future', () => assert.deepEqual(flagged('Il va permettre de gagner.'), ['futur:va permettre']));
    it('includes the negation in a periphrastic span', () => assert.deepEqual(flagged('Ils ne vont pas pouvoir tricher.'), ['futur:ne vont pas pouvoir']));
    it('finds the future of the auxiliaries', () => assert.deepEqual(flagged('Ils seront là et auront fini.'), ['futur:seront', 'futur:auront']));
    it('finds modal conditionals', () => assert.deepEqual(flagged('Elle pourrait réduire les délais.'), ['conditionnel:pourrait']));
    it('finds a verb the lexicon lacks, hyphenated', () => assert.deepEqual(flagged('Ils co-construiront le service.'), ['futur:co-construiront']));
    it('finds a neologism through the regular -er fallback', () => assert.deepEqual(flagged('Il dématérialisera tout.'), ['futur:dématérialisera']));
    it('finds a capitalised form at the start of a sentence or list item', () => assert.deepEqual(flagged('Pourra être utilisé.'), ['futur:Pourra']));
    it('finds "aura" as a verb after a subject', () => assert.deepEqual(flagged('L’investigation aura lieu en juin.'), ['futur:aura']));
    it('finds "l’aura" after a subject pronoun', () => assert.deepEqual(flagged('Il l’aura fait.'), ['futur:aura']));
    it('reads a comma insertion in a periphrastic future', () => assert.deepEqual(flagged('Elle va, entre autres, donner accès.'), ['futur:va, entre autres, donner']));
    it('finds questions with inversion', () => assert.deepEqual(flagged('Comment allez-vous mesurer ?'), ['futur:allez-vous mesurer']));
  });

  describe('rewrites', () => {
    it('"permettra" → "permet"', () => assert.equal(fixed('Il permettra de gagner.'), 'Il permet de gagner.'));
    it('keeps the negation', () => assert.equal(fixed('Il ne permettra pas de frauder.'), 'Il ne permet pas de frauder.'));
    it('keeps the elision', () => assert.equal(fixed('Il n’aura pas à venir.'), 'Il n’a pas à venir.'));
    it('undoes an elision the present no longer needs', () => assert.equal(fixed('Il n’ira pas.'), 'Il ne va pas.'));
    it('elides before "est"', () => assert.equal(fixed('Ce ne sera pas cher.'), 'Ce n\'est pas cher.'));
    it('"Ce sera" → "C’est", with the document’s apostrophe', () => assert.equal(fixed('Ce sera l’outil.'), 'C’est l’outil.'));
    it('drops the euphonic t after a consonant', () => assert.equal(fixed('Permettra-t-il de gagner ?'), 'Permet-il de gagner ?'));
    it('keeps the euphonic t after a vowel', () => assert.equal(fixed('Aura-t-il le temps ?'), 'A-t-il le temps ?'));
    it('pronominal verbs', () => assert.equal(fixed('Il s’appuiera sur la base.'), 'Il s’appuie sur la base.'));
    it('periphrastic with a clitic', () => assert.equal(fixed('Cela va nous permettre de gagner.'), 'Cela nous permet de gagner.'));
    it('periphrastic with negation', () => assert.equal(fixed('Ils ne vont pas pouvoir tricher.'), 'Ils ne peuvent pas tricher.'));
    it('periphrastic with negation and clitic', () => assert.equal(fixed('Il ne va pas nous aider.'), 'Il ne nous aide pas.'));
    it('periphrastic elision of "ne"', () => assert.equal(fixed('Il ne va pas être prêt.'), 'Il n\'est pas prêt.'));
    it('"va falloir" → "faut"', () => assert.equal(fixed('Il va falloir agir.'), 'Il faut agir.'));
    it('"va y aller" → "y va"', () => assert.equal(fixed('Il va y aller.'), 'Il y va.'));
    it('"sera" → "est", "auront" → "ont"', () => assert.equal(fixed('Il sera là et ils auront fini.'), 'Il est là et ils ont fini.'));
    it('irregular verbs', () => assert.equal(fixed('Ils iront, elle verra, vous obtiendrez, il mettra.'), 'Ils vont, elle voit, vous obtenez, il met.'));
    it('keeps capitalisation', () => assert.equal(fixed('Pourra être utilisé.'), 'Peut être utilisé.'));
    it('the nearest subject pronoun decides between persons', () => {
      assert.equal(fixed('J’aimerais venir.'), 'J’aime venir.');
      assert.equal(fixed('Tu aimerais venir.'), 'Tu aimes venir.');
    });
    it('modal conditional: assertive present first', () => assert.equal(fixed('Elle pourrait réduire les délais.'), 'Elle réduit les délais.'));
    it('modal conditional: the modal’s present as alternative', () => assert.equal(alternative('Elle pourrait réduire les délais.'), 'Elle peut réduire les délais.'));
    it('"devraient gagner" → "gagnent"', () => assert.equal(fixed('Ils devraient gagner du temps.'), 'Ils gagnent du temps.'));
    it('modal future: the modal’s present first', () => assert.equal(fixed('Ils pourront venir.'), 'Ils peuvent venir.'));
    it('hyphenated compound', () => assert.equal(fixed('Ils co-construiront le service.'), 'Ils co-construisent le service.'));
    it('neologisms', () => assert.equal(fixed('Il dématérialisera et géolocalisera.'), 'Il dématérialise et géolocalise.'));
    it('spelling changes of the regular fallback', () => {
      assert.equal(fixed('Nous emploierons et ils nettoieront.'), 'Nous employons et ils nettoient.');
      assert.equal(fixed('Nous commencerons et nous mangerons.'), 'Nous commençons et nous mangeons.');
    });
    it('"sortira" → "sort", not "sortit"', () => assert.equal(fixed('Il sortira.'), 'Il sort.'));
  });

  describe('no false findings', () => {
    const clean = [
      'L’aura de la ministre aide le projet.',
      'Son aura est grande.',
      'Les pucerons, les forgerons, les ailerons, les biberons.',
      'Agora et MIrAI aident les agents.',
      'La plateforme Aura aide les agents.',
      'Gérez vos dossiers, transférez-les.',
      'Nous collaborons avec les agents.',
      'Le trait et l’extrait du casier.',
      'Allez voir la page.',
      'Vous allez bien ?',
      'Ils vont dîner.',
      'Le va-et-vient cesse.',
      'Il va à Paris.',
      'Le robot va chercher les données.',
      'Les environs, les patrons, l’opéra, la caméra, extra, Sahara.',
      'The platform will be available for users.',
      'Avant, il fallait trois mois et on attendait.',
      'Aura permet de gagner du temps.',
    ];
    for (const text of clean) {
      it(text, () => assert.deepEqual(flagged(text), []));
    }
    it('the fiche’s own name', () => assert.deepEqual(flagged('Avec Sera, les agents gagnent.', 'Sera'), []));
  });
});

describe('temps-futur and temps-conditionnel rules', () => {
  it('flag the Solution only', () => {
    const text = withSolution('Grâce à Mon Aide, les familles recevront leur aide.');
    assertFindings(text, 'temps-futur', ['recevront']);
    assertFindings(text, 'temps-conditionnel', []);
  });
  it('say what to do in French', () => {
    const [finding] = findingsOf(withSolution('Grâce à Mon Aide, le service permettra de gagner.'), 'temps-futur');
    assert.equal(finding.message, '« permettra » est au futur : décrivez le service au présent (« permet »).');
    assert.equal(finding.severity, 'warning');
  });
  it('fix the future', () => {
    const text = withSolution('Grâce à Mon Aide, les familles recevront leur aide et ne vont pas attendre.');
    assertFixed(text, 'temps-futur', text.replace('recevront', 'reçoivent').replace('ne vont pas attendre', 'n\'attendent pas'));
  });
  it('fix the conditional, assertively', () => {
    const text = withSolution('Grâce à Mon Aide, les familles pourraient recevoir leur aide.');
    assertFixed(text, 'temps-conditionnel', text.replace('pourraient recevoir', 'reçoivent'));
    const [finding] = findingsOf(text, 'temps-conditionnel');
    assert.match(finding.message, /« reçoivent », ou « peuvent recevoir »/);
  });
  it('ignore the Problème section', () => {
    assertFindings(withSolution('Grâce à Mon Aide, les familles reçoivent leur aide.'), 'temps-futur', []);
  });
});
