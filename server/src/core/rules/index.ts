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

/** Every rule, in the order findings are produced and documented. One module per rule. */
export const rules: readonly Rule[] = [
  sectionManquante,
  nomAbsent,
  problemeNonQuantifie,
  graceAAbsent,
  nomGenerique,
  tempsFutur,
  tempsConditionnel,
  ideeDiluee,
  nouveauteAbsente,
];

export const ruleIds: ReadonlySet<string> = new Set(rules.map((rule) => rule.id));

/** The rule with this id, if any. */
export function getRule(id: string): Rule | undefined {
  return rules.find((rule) => rule.id === id);
}
