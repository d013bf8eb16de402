import type { Rule } from '../types';
import sectionManquante from './section-manquante';
import nomAbsent from './nom-absent';
import problemeNonQuantifie from './probleme-non-quantifie';
import graceAAbsent from './grace-a-absent';
import nomGenerique from './nom-generique';
import tempsFutur from './temps-futur';
import tempsConditionnel from './temps-conditionnel';
import ideeDiluee from './idee-diluee';
import nouveauteAbsente from './nouveaute-absente';
import sectionVide from './section-vide';
import consigneNonRemplacee from './consigne-non-remplacee';
import problemeSolutionnisme from './probleme-solutionnisme';
import problemeCoteAgent from './probleme-cote-agent';
import solutionIntention from './solution-intention';
import promesseNonMesurable from './promesse-non-mesurable';
import dependanceExterne from './dependance-externe';
import deploiementNational from './deploiement-national';
import premiersUsagersAbsents from './premiers-usagers-absents';
import passageEchelleAbsent from './passage-echelle-absent';
import questionnaireEnLigne from './questionnaire-en-ligne';
import mesuresInsuffisantes from './mesures-insuffisantes';
import phraseLongue from './phrase-longue';
import sigleNonDefini from './sigle-non-defini';

/** Every rule, in the order findings are produced and documented. One module per rule. */
export const rules: readonly Rule[] = [
  sectionManquante,
  sectionVide,
  consigneNonRemplacee,
  nomAbsent,
  problemeNonQuantifie,
  problemeSolutionnisme,
  problemeCoteAgent,
  graceAAbsent,
  nomGenerique,
  tempsFutur,
  tempsConditionnel,
  solutionIntention,
  promesseNonMesurable,
  ideeDiluee,
  nouveauteAbsente,
  dependanceExterne,
  deploiementNational,
  premiersUsagersAbsents,
  passageEchelleAbsent,
  questionnaireEnLigne,
  mesuresInsuffisantes,
  phraseLongue,
  sigleNonDefini,
];

export const ruleIds: ReadonlySet<string> = new Set(rules.map((rule) => rule.id));

/** The rule with this id, if any. */
export function getRule(id: string): Rule | undefined {
  return rules.find((rule) => rule.id === id);
}
