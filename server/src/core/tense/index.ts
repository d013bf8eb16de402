/**
 * The French tense engine: finds future and conditional verb forms in prose and rewrites them
 * to the present indicative. Pure (no Node built-ins); the lexicon is bundled data.
 */
export { findTenseHits } from './scan';
export type { TenseContext, TenseHit } from './hit';
export { lexiconInfo, loadLexicon } from './lexicon';
export { readWord } from './forms';
export type { WordReading } from './forms';
