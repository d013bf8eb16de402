// Rewriting an auxiliary + infinitive phrase as one present verb: "ne" and the clitics before
// it, re-elided for the new verb, then the negation and adverbs moved after it.
import type { InfinitivePhrase } from './infinitive';
import type { Region } from './region';
import { elide, matchCase, startsWithVowelSound, unelide } from './tokens';

/** "ne" + clitics + verb + negation/adverbs, with elisions made right for the new verb. */
export function assembled(region: Region, negStart: number | undefined, phrase: InfinitivePhrase, verb: string): string {
  const words = phrase.clitics.map((clitic) => clitic.text);
  words.push(verb);
  const withNe = negStart !== undefined ? [region.tokens[negStart].text, ...words] : words;
  // Re-elide each clitic for the word that now follows it.
  const parts = withNe.map((word, k) => (k + 1 < withNe.length ? cliticBefore(region, word, withNe[k + 1]) : word));
  let text = '';
  for (const part of parts) {
    text += text === '' || text.endsWith(region.apostrophe) ? part : ` ${part}`;
  }
  for (const moved of phrase.after) {
    text += moved.startsWith(',') ? moved : ` ${moved}`;
  }
  // An insertion moved to the end keeps its closing comma only before more words.
  const infinitiveEnd = region.tokens[phrase.infinitiveEnd].end;
  const following = region.prose.slice(infinitiveEnd, infinitiveEnd + 2);
  return text.endsWith(',') && !/^\s\p{L}/u.test(following) ? text.slice(0, -1) : text;
}

/** A clitic in the form it takes before `next`: "ne" + "est" → "n'", "l'" + "va" → "le ". */
function cliticBefore(region: Region, clitic: string, next: string): string {
  const lower = clitic.toLowerCase();
  const vowel = startsWithVowelSound(next);
  const full = unelide(clitic) ?? clitic;
  if (vowel) {
    const elided = elide(full) ?? (lower === 'la' ? matchCase('l', clitic) : undefined);
    return elided ? `${elided}${region.apostrophe}` : full;
  }
  return full;
}
