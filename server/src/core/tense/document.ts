import type { Block, FicheDocument, Report, Section } from '../types';
import { findInBlocks, type Match } from '../text';
import { TEMPLATE_PROMPTS, mayHoldPrompt } from '../rules/consigne-non-remplacee';
import type { TenseHit } from './hit';
import { findTenseHits } from './scan';

/** Tense hits per document: both tense rules share one scan of the same sections. */
const cache = new WeakMap<FicheDocument, TenseHit[]>();

/** Future and conditional forms in the prose blocks of `sections` (sub-headings skipped). */
export function tenseHitsOf(document: FicheDocument, sections: readonly Section[]): TenseHit[] {
  let hits = cache.get(document);
  if (!hits) {
    hits = [];
    const context = { serviceName: document.name?.value };
    for (const section of sections) {
      for (const block of section.blocks) {
        if (block.type !== 'heading') {
          const prompts = templatePrompts(document, block);
          const found = findTenseHits(document.prose, block.start, block.end, context);
          hits.push(...(prompts.length === 0 ? found : found.filter((hit) => !prompts.some((p) => p.start <= hit.start && hit.end <= p.end))));
        }
      }
    }
    cache.set(document, hits);
  }
  return hits;
}

/**
 * The template's prompts left in a block ("Qui seront les bénéficiaires ?"): `consigne-non-remplacee`
 * reports them (its fix removes them); their verbs are not the writer's tense.
 */
function templatePrompts(document: FicheDocument, block: Block): Match[] {
  return mayHoldPrompt(document.prose, block) ? findInBlocks(document, [block], TEMPLATE_PROMPTS) : [];
}

/** The rule report of a hit, with a short French message saying what to do. */
export function tenseReport(hit: TenseHit): Report {
  const [best, ...others] = hit.suggestions.map((suggestion) => suggestion.replace(/,$/, ''));
  const what =
    hit.form === 'proche'
      ? `« ${hit.text} » est un futur proche`
      : hit.kind === 'futur'
        ? `« ${hit.text} » est au futur`
        : `« ${hit.text} » est au conditionnel`;
  const todo = hit.kind === 'futur' ? 'décrivez le service au présent' : 'affirmez-le au présent';
  const suggestion =
    best === undefined ? '' : others.length > 0 && hit.kind === 'conditionnel' ? ` (« ${best} », ou « ${others[0]} »)` : ` (« ${best} »)`;
  return { start: hit.start, end: hit.end, message: `${what} : ${todo}${suggestion}.`, fixes: hit.fixes.length > 0 ? hit.fixes : undefined };
}
