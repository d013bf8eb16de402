/**
 * The pure analysis core of fiche-produit: text and options in, sections and findings (with
 * their fixes as data) out. No VS Code, no LSP connection, no Node built-ins (lint-enforced).
 */
export * from './types';
export { analyze } from './engine';
export { parseFiche, ficheData, withPositions } from './parse';
export { applyFixes, applyEdits } from './fixes';
export { suppressionFixes } from './directives';
export { normalizeOptions } from './options';
export type { NormalizedOptions } from './options';
export { rules, ruleIds, getRule } from './rules';
export { checklist } from './checklist';
export type { SectionChecklist, ChecklistItem } from './checklist';
