// What the scan returns: a hit with its rewrites to the present, as plain data.
import type { Fix, TextEdit } from '../types';
import type { Region } from './region';

/** What the scan knows about the fiche. */
export interface TenseContext {
  /** The service's name: its words are never verbs ("Sera", "Agora"). */
  serviceName?: string;
}

/** A future or conditional found in the prose, with its rewrites to the present. */
export interface TenseHit {
  /** Offsets of the flagged words in the text. */
  start: number;
  end: number;
  kind: 'futur' | 'conditionnel';
  /** `simple` ("permettra"), `proche` ("va permettre") or `modal` ("pourrait réduire"). */
  form: 'simple' | 'proche' | 'modal';
  /** The flagged words as written. */
  text: string;
  /** The replacement text of each fix, best first (for messages). */
  suggestions: string[];
  /** Fixes, best first; empty when the verb has no present for that person. */
  fixes: Fix[];
}

/** A hit and the index of the last token it covers (the scan resumes after it). */
export interface FoundHit {
  hit: TenseHit;
  last: number;
}

/** A hit over `region.prose.slice(start, end)`, with no rewrite yet. */
export function emptyHit(region: Region, start: number, end: number, kind: TenseHit['kind'], form: TenseHit['form']): TenseHit {
  return { start, end, kind, form, text: region.prose.slice(start, end), suggestions: [], fixes: [] };
}

/** The fix that puts the flagged words in the present. */
export function presentFix(replacement: string, edits: TextEdit[]): Fix {
  return { title: `Mettre au présent : « ${replacement} »`, edits };
}
