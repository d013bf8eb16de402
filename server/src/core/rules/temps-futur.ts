import type { Rule } from '../types';

// PLACEHOLDER: being written (reports nothing yet).
const rule: Rule = {
  id: 'temps-futur',
  sections: 'fiche',
  defaultSeverity: 'warning',
  fixable: false,
  description: 'TODO',
  explanation: 'TODO',
  check: () => [],
};

export default rule;
