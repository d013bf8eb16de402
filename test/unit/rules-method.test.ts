import * as assert from 'node:assert/strict';
import { assertFindings, assertFixed, fiche, findingsOf, withSolution } from '../helpers/rules';

// The rules of the whole method (issue 4). Sentences in quotes marked "réel" come from real fiches of
// the beta.gouv.fr corpus: they must not fire (or must fire, when so stated).

const PROBLEME = 'Chaque année, 300 000 familles renoncent à une aide à laquelle elles ont droit.';
const SOLUTION = 'Grâce à Mon Aide, les familles reçoivent leur aide en moins d’un mois, par défaut.';
const STRATEGIE = 'Six mois avec trois communes volontaires de la Drôme, puis les départements voisins.';

/** A fiche whose Stratégie is `strategie`, the other sections being clean. */
function withStrategie(strategie: string, heading = 'Stratégie'): string {
  return fiche({ Problème: PROBLEME, Solution: SOLUTION, [heading]: strategie });
}

/** A fiche whose Problème is `probleme`. */
function withProbleme(probleme: string): string {
  return fiche({ Problème: probleme, Solution: SOLUTION, Stratégie: STRATEGIE });
}

/** A fiche with an Impact section. */
function withImpact(impact: string, heading = 'Impact'): string {
  return fiche({ Problème: PROBLEME, Solution: SOLUTION, Stratégie: STRATEGIE, [heading]: impact });
}

describe('rules of the whole method', () => {
  describe('consigne-non-remplacee', () => {
    it('flags the template’s prompts (réel)', () => {
      assertFindings(withSolution('Décris ta solution en quelques lignes ? Qui seront les bénéficiaires ?'), 'consigne-non-remplacee', [
        'Décris ta solution en quelques lignes ? Qui seront les bénéficiaires ?',
      ]);
      assertFindings(withStrategie('Objectif **d’usage** à 6 mois : quel usage chiffré visez-vous ?'), 'consigne-non-remplacee', ['quel usage chiffré visez-vous ?']);
      assertFindings(fiche({ Contexte: 'Quel est le contexte de ta Startup d’Etat ?' }), 'consigne-non-remplacee', ['Quel est le contexte de ta Startup d’Etat ?']);
    });
    it('is the only report on a prompt: its verbs are not the writer’s tense (réel : agreste, data-rh)', () => {
      const text = withSolution('Grâce à Mon Aide, les familles demandent leurs aides. Qui seront les bénéficiaires ?\n\nLes caisses seront prévenues.');
      assertFindings(text, 'consigne-non-remplacee', ['Qui seront les bénéficiaires ?']);
      assertFindings(text, 'temps-futur', ['seront']);
      assert.equal(findingsOf(text, 'temps-futur')[0].start, text.lastIndexOf('seront'));
    });
    it('flags draft markers and placeholders', () => {
      assertFindings(
        withSolution('TODO : chiffrer. Grâce à [Nom], XXX familles. Lorem ipsum dolor sit amet. Oui (chiffres à préciser).'),
        'consigne-non-remplacee',
        ['TODO', '[Nom]', 'XXX', 'Lorem ipsum dolor sit amet.', '(chiffres à préciser)'],
      );
    });
    it('removes a prompt that fills its paragraph, and the blank line after it', () => {
      const text = withSolution('Décris ta solution en quelques lignes ?\n\nGrâce à Mon Aide, tout change.');
      assertFixed(text, 'consigne-non-remplacee', text.replace('Décris ta solution en quelques lignes ?\n\n', ''));
    });
    it('keeps the label before a prompt', () => {
      const text = withStrategie('Objectif **d’usage** à 6 mois : quel usage chiffré visez-vous ?');
      assertFixed(text, 'consigne-non-remplacee', text.replace(' quel usage chiffré visez-vous ?', ''));
    });
    it('replaces "[Nom]" by the name of the service', () => {
      const text = withSolution('Grâce à [Nom], tout change.');
      assertFixed(text, 'consigne-non-remplacee', text.replace('[Nom]', 'Mon Aide'));
    });
    it('does not flag prose that looks like a prompt (réel)', () => {
      assertFindings(
        withSolution('Le plus souvent, une fiche papier à compléter et à renvoyer par mail. Qui en souffre ? Les familles.'),
        'consigne-non-remplacee',
        [],
      );
      assertFindings(withStrategie('Objectif d’usage à 6 mois : Lancement de la version beta et utilisation par 25% de postes.'), 'consigne-non-remplacee', []);
    });
  });

  describe('section-vide', () => {
    it('flags a heading with nothing, or only a comment, under it', () => {
      assertFindings(fiche({ Contexte: '', Problème: PROBLEME }), 'section-vide', ['Contexte']);
      assertFindings(fiche({ Risques: '<!-- Le pire scénario. -->', Problème: PROBLEME }), 'section-vide', ['Risques']);
      assertFindings(fiche({ Impact: '### Indicateurs\n', Problème: PROBLEME }), 'section-vide', ['Impact']);
    });
    it('accepts sub-headings with text, pictures and the fiche’s title', () => {
      assertFindings(fiche({ Impact: '### Indicateurs\n\nLe délai moyen.' }), 'section-vide', []);
      assertFindings(fiche({ Prototype: '![Schéma](https://exemple.fr/schema.png)' }), 'section-vide', []);
      assertFindings('# Mon Aide\n\n## Problème\n\nTexte.\n', 'section-vide', []);
    });
    it('accepts a heading that carries its own text (réel)', () => {
      assertFindings(
        fiche({ 'Hypothèses de solutions qui se profilent : reprise du projet en interne': '', Problème: PROBLEME }),
        'section-vide',
        [],
      );
    });
  });

  describe('probleme-solutionnisme', () => {
    it('flags a problem stated as a missing tool or a technology', () => {
      assertFindings(withProbleme('Il n’existe aucune plateforme pour centraliser les offres de stage.'), 'probleme-solutionnisme', ['aucune plateforme']);
      assertFindings(
        withProbleme('L’arrivée de l’intelligence artificielle générative est porteuse de promesses pour les agents publics.'),
        'probleme-solutionnisme',
        ['arrivée de l’intelligence artificielle générative'],
      );
    });
    it('reports once per paragraph (réel)', () => {
      assertFindings(
        withProbleme('Manque d’outils collaboratifs : les acteurs publics manquent d’outils adaptés pour échanger.'),
        'probleme-solutionnisme',
        ['Manque d’outils'],
      );
    });
    it('does not flag a technology mentioned in passing (réel)', () => {
      for (const sentence of [
        'Chaque produit numérique de l’État tente de recréer son propre "backend IA" (gestion de modèles, infrastructure GPU), ce qui génère des coûts redondants.',
        'Avant MediaTech, les équipes souhaitant développer une application basée sur des données publiques (moteur de recherche, chatbot, outil d’analyse, etc.) devaient :',
        'Intégration lente ou couteuse des fonctionnalités avancées, comme l’intelligence artificielle.',
      ]) {
        assertFindings(withProbleme(sentence), 'probleme-solutionnisme', []);
      }
    });
  });

  describe('probleme-cote-agent', () => {
    it('flags a problem of agents only', () => {
      assertFindings(withProbleme('Les agents instructeurs ressaisissent chaque dossier dans trois logiciels.'), 'probleme-cote-agent', ['Problème']);
    });
    it('accepts a problem that names the users too (réel)', () => {
      assertFindings(
        withProbleme(
          'Le circuit de signature des conventions est particulièrement lourd et chronophage pour les agents des DEETS. Les porteurs de projets peinent à trouver toutes les informations nécessaires.',
        ),
        'probleme-cote-agent',
        [],
      );
      assertFindings(withProbleme(PROBLEME), 'probleme-cote-agent', []);
    });
    it('looks at all the Problème sections together', () => {
      const text = fiche({ Problème: 'Les agents ressaisissent tout.', 'Problème (suite)': 'Les familles attendent quatre mois.', Solution: SOLUTION });
      assertFindings(text, 'probleme-cote-agent', []);
    });
  });

  describe('solution-intention', () => {
    it('flags intentions, once per paragraph', () => {
      assertFindings(withSolution('Le service vise à faciliter l’accès des familles aux aides.'), 'solution-intention', ['vise à']);
      assertFindings(withSolution('Mon Aide a pour objectif de simplifier. Nous souhaitons aussi aider.'), 'solution-intention', ['a pour objectif']);
      assertFindings(withSolution('L’objectif est de créer un outil.\n\nMon Aide ambitionne d’ouvrir les données.'), 'solution-intention', ['L’objectif est', 'ambitionne']);
    });
    it('does not flag the aims of an investigation, nor users’ wishes (réel)', () => {
      assertFindings(
        withSolution('L’investigation vise à identifier les principaux irritants dans le parcours de recherche des agents.'),
        'solution-intention',
        [],
      );
      assertFindings(withSolution('Les familles qui le souhaitent reçoivent un rappel par SMS.'), 'solution-intention', []);
    });
  });

  describe('promesse-non-mesurable', () => {
    it('flags an opening sentence with no figure, delay or target', () => {
      assertFindings(withSolution('Mon Aide est un outil innovant qui simplifie les démarches. Les familles sont ravies.'), 'promesse-non-mesurable', [
        'Mon Aide est un outil innovant qui simplifie les démarches.',
      ]);
    });
    it('accepts the method’s model sentence and a target user', () => {
      assertFindings(
        withSolution('Grâce à Welcome in France, obtenez votre permis de travail en ligne en moins de 3 mois pour vous installer dans une commune rurale.'),
        'promesse-non-mesurable',
        [],
      );
      assertFindings(withSolution('Grâce à Mon Aide, les familles reçoivent leur aide.'), 'promesse-non-mesurable', []);
    });
    it('skips a lone link, a bold line or a prompt before the opening, and a list (réel)', () => {
      assertFindings(
        withSolution('[Voir la vidéo de présentation du produit](https://exemple.fr)\n\n**Centralisez les informations**\n\nMon Aide est un outil.'),
        'promesse-non-mesurable',
        ['Mon Aide est un outil.'],
      );
      assertFindings(withSolution('- Un souci constant d’ergonomie ;\n- un suivi des candidatures.'), 'promesse-non-mesurable', []);
    });
  });

  describe('dependance-externe', () => {
    it('flags a release that waits for a text, a tender or works', () => {
      assertFindings(withStrategie('Le service ouvre une fois le décret publié.'), 'dependance-externe', ['décret']);
      assertFindings(withStrategie('Nous sommes en attente de l’attribution du marché public.'), 'dependance-externe', ['marché public']);
      assertFindings(withStrategie('Ouverture dès la publication de l’arrêté.'), 'dependance-externe', ['arrêté']);
    });
    it('does not flag a text or works mentioned without waiting (réel)', () => {
      for (const sentence of [
        'Identifier des anomalies ou incohérences dans les marchés publics (achats hors marché, erreurs d’imputation).',
        'Le Textile et l’Alimentaire sont les premiers secteurs à bénéficier de ces travaux.',
        'La loi impose un stage de seconde depuis 2023.',
      ]) {
        assertFindings(withStrategie(sentence), 'dependance-externe', []);
      }
    });
  });

  describe('deploiement-national', () => {
    it('flags a national roll-out from the start', () => {
      assertFindings(withStrategie('Le service est déployé dès son lancement sur l’ensemble du territoire.'), 'deploiement-national', [
        'sur l’ensemble du territoire',
      ]);
      assertFindings(withStrategie('Déploiement national en 2025.'), 'deploiement-national', ['Déploiement national']);
    });
    it('accepts a national horizon after a first perimeter (réel)', () => {
      for (const sentence of [
        'Fort de cette première phase expérimentale, l’outil sera par la suite déployé au niveau national.',
        'En utilisant cette expérience pilote comme base de référence, l’objectif est ensuite de généraliser et d’étendre cette approche à l’ensemble du territoire.',
        'Six mois avec deux préfectures volontaires et dix employeurs partenaires, puis un passage à l’échelle national.',
      ]) {
        assertFindings(withStrategie(sentence), 'deploiement-national', []);
      }
    });
  });

  describe('premiers-usagers-absents', () => {
    it('flags a Stratégie with no first users, partners or volunteers', () => {
      assertFindings(withStrategie('Le service sera lancé à l’automne puis amélioré au fil des retours.'), 'premiers-usagers-absents', ['Stratégie']);
    });
    it('accepts a named perimeter, named partners or a Premiers utilisateurs section (réel)', () => {
      assertFindings(withStrategie('Département de l’Oise', 'Territoire d’expérimentation'), 'premiers-usagers-absents', []);
      assertFindings(
        withStrategie('CartoBio s’appuie sur la collaboration avec les Organismes Certificateurs pour constituer sa base de données géographique.'),
        'premiers-usagers-absents',
        [],
      );
      assertFindings(withStrategie('Octobre 2023 : lancement auprès de 40 établissements.'), 'premiers-usagers-absents', []);
      const text = fiche({ Problème: PROBLEME, Solution: SOLUTION, Stratégie: 'Lancement à l’automne.', 'Premiers utilisateurs': 'Les familles de Valence.' });
      assertFindings(text, 'premiers-usagers-absents', []);
    });
    it('leaves a fiche still in investigation alone (réel)', () => {
      assertFindings(
        withStrategie('Une investigation produit menée en 2024 a démontré la pertinence d’un test produit.'),
        'premiers-usagers-absents',
        [],
      );
    });
  });

  describe('passage-echelle-absent', () => {
    it('flags a Stratégie that stops at the first perimeter', () => {
      assertFindings(withStrategie('Six mois avec deux communes volontaires.'), 'passage-echelle-absent', ['Stratégie']);
    });
    it('accepts any way to scale up (réel)', () => {
      for (const sentence of [
        STRATEGIE,
        'Après preuve du concept par le prototype, nous comptons lancer une solution pérenne début 2021 en étendant la cible progressivement.',
        'Nous avons des usagers pilotes, et des services mutualisés pour pouvoir embarquer de nouveaux produits.',
      ]) {
        assertFindings(withStrategie(sentence), 'passage-echelle-absent', []);
      }
      assertFindings(withStrategie('Objectifs pour juin 2026 : 200 000 diagnostics.', 'Stratégie d’accélération'), 'passage-echelle-absent', []);
    });
  });

  describe('questionnaire-en-ligne', () => {
    it('flags online questionnaires and surveys (réel)', () => {
      assertFindings(withImpact('Nous mesurerons la satisfaction avec un questionnaire en ligne.'), 'questionnaire-en-ligne', ['questionnaire en ligne']);
      assertFindings(
        withImpact('La satisfaction des utilisateurs (mesure de satisfaction par sondage en ligne à l’issue de la démarche).'),
        'questionnaire-en-ligne',
        ['sondage'],
      );
    });
    it('accepts calls, visits and interviews (réel)', () => {
      assertFindings(withImpact('Nous appelons dix familles chaque mois et en rencontrons cinq.'), 'questionnaire-en-ligne', []);
      assertFindings(withImpact('Une campagne de qualification des besoins (questionnaire + entretiens) a été lancée.'), 'questionnaire-en-ligne', []);
      assertFindings(withImpact('- NPS > 5'), 'questionnaire-en-ligne', []);
    });
  });

  describe('mesures-insuffisantes', () => {
    it('flags fewer than three measures', () => {
      assertFindings(withImpact('Le nombre de visites sur le site.'), 'mesures-insuffisantes', ['Impact']);
      assertFindings(withImpact('Les familles sont plus sereines.'), 'mesures-insuffisantes', ['Impact']);
    });
    it('accepts three measures, in a list or in a sentence (réel)', () => {
      assertFindings(withImpact('- Délai moyen de versement\n- Part des familles qui renoncent\n- Dix appels par mois'), 'mesures-insuffisantes', []);
      assertFindings(
        withImpact('Des indicateurs pour mesurer la montée en puissance du commun (nombre de vues, de contributions, de km linéaires couverts).'),
        'mesures-insuffisantes',
        [],
      );
      assertFindings(
        withImpact('- Nombre d’arborescences analysées\n- Volume de données analysé\n- Quantité de CO2 économisée', 'Notre mesure d’impact et les objectifs'),
        'mesures-insuffisantes',
        [],
      );
    });
    it('accepts a link to a dashboard of indicators (réel)', () => {
      assertFindings(withImpact('Voir les tableaux de bord des indicateurs d’impact de Monitorfish.'), 'mesures-insuffisantes', []);
    });
  });

  describe('phrase-longue', () => {
    const long =
      'Le service, qui s’adresse aux familles qui ont des enfants de moins de trois ans et qui cherchent une place en crèche dans leur commune ou dans une commune voisine, permet de déposer une demande unique qui est ensuite transmise à toutes les crèches.';
    it('flags a sentence over 35 words, with its count', () => {
      assertFindings(withSolution(`${long} Elle est simple.`), 'phrase-longue', [long]);
      assert.match(findingsOf(withSolution(long), 'phrase-longue')[0].message, /Phrase de 44 mots/);
    });
    it('does not merge sentences at abbreviations, numbers or line breaks (réel)', () => {
      const twenty = 'les familles de la Drôme reçoivent leur aide au logement en moins d’un mois, par défaut, sans rien demander à personne';
      assertFindings(withSolution(`M. Dupont, p. ex. ${twenty}. Cf. Annexe 3.5 : ${twenty}.`), 'phrase-longue', []);
      assertFindings(
        withSolution(
          'Beaucoup de temps perdus pour la gestion des permis de visite (estimation : 40 000 heures chaque année, équivalent d’1M€)\nAccueil parloir qui peut manquer de fluidité avec les permis de visite cartonnés\nUn risque de sécurité qui semble limité',
        ),
        'phrase-longue',
        [],
      );
    });
    it('counts list items as sentences of their own', () => {
      const item = '- les familles de la Drôme reçoivent leur aide au logement en moins d’un mois, par défaut, sans rien demander';
      assertFindings(withSolution(`${item}\n${item}\n${item}`), 'phrase-longue', []);
    });
  });

  describe('sigle-non-defini', () => {
    it('flags an acronym never spelled out, once', () => {
      assertFindings(withSolution('Les OPCO financent la formation. Les OPCO paient.'), 'sigle-non-defini', ['OPCO']);
    });
    it('accepts an acronym spelled out once, anywhere (réel)', () => {
      assertFindings(withSolution('La DPM instruit. La Direction des pêches maritimes (DPM) signe.'), 'sigle-non-defini', []);
      assertFindings(withSolution('La DPM (Direction des pêches maritimes) signe.'), 'sigle-non-defini', []);
      assertFindings(withSolution('Dans le domaine alimentaire (Toxi-infection alimentaire collective TIAC), le produit est déployé.'), 'sigle-non-defini', []);
    });
    it('ignores common acronyms, roman numerals, names, shouted text, code and links (réel)', () => {
      assertFindings(
        withSolution(
          'La CAF verse le RSA aux PME, au XIXe siècle comme au chapitre XIV. MON SERVICE SÉCURISÉ aide. Le porteur est Sébastien VANÇON. Voir `DPM` et le [FAST](https://beta.gouv.fr/fast/).',
        ),
        'sigle-non-defini',
        [],
      );
      assertFindings(withSolution('Grâce à RDV Solidarités, les familles prennent rendez-vous.', 'RDV Solidarités'), 'sigle-non-defini', []);
      assertFindings(fiche({ 'La DPM': 'Texte.' }), 'sigle-non-defini', []);
    });
  });
});

describe('strategy rules on a plain first perimeter (CLI fixture wording)', () => {
  it('counts "deux caisses d’allocations familiales" as first users and "l’ouvrir à tous" as the scale-up', () => {
    const text = withSolution('Grâce à Mon Aide, tout change par défaut.').replace(
      'Six mois avec trois communes volontaires.',
      "Nous testons le service avec deux caisses d'allocations familiales avant de l'ouvrir à tous.",
    );
    assert.deepEqual(findingsOf(text, 'premiers-usagers-absents'), []);
    assert.deepEqual(findingsOf(text, 'passage-echelle-absent'), []);
  });
});
