import type { Rule } from '../types';
import { findInBlocks, paragraphs } from '../text';

/** Famous services used as an analogy: "le Uber de la formation", "l'Airbnb des …". */
const BRANDS =
  'Uber|Airbnb|Doctolib|Netflix|Tinder|Amazon|Google|Facebook|Blablacar|BlaBlaCar|Leboncoin|Le Bon Coin|Waze|Spotify|Deliveroo|Wikipedia|Wikipédia|LinkedIn|Linkedin|TripAdvisor|Tripadvisor|Booking|Meetic|Instagram|TikTok|Twitter|WhatsApp|Yelp|Zalando|Vinted|Shazam|Duolingo';

const PATTERNS: readonly { pattern: RegExp; message: (m: RegExpExecArray) => string }[] = [
  {
    pattern: new RegExp(String.raw`\b(?:[Ll]e|[Ll]a|[Ll]['’]|[Uu]ne?)\s*(?:${BRANDS})\s+(?:(?:des|du|de)\s+|d['’])[\p{L}-]+`, 'gu'),
    message: (m) => `« ${m[0]} » : une analogie n’est pas une idée. Dites ce que le service change pour l’usager.`,
  },
  {
    pattern: /\b\d+\s+fonctionnalités\b/gu,
    message: (m) => `« ${m[0]} » : une pile de fonctionnalités dilue l’idée. Gardez celle qui brise une règle ancienne.`,
  },
  {
    // No `u` flag here: with `i` and `u` together, V8 tries a leading `\b` ten times slower.
    pattern: /\bréseau social\b/gi,
    message: () => '« réseau social » : une idée diluée. Dites la seule chose que le service change pour l’usager.',
  },
  {
    pattern: /\btout[- ]en[- ]un\b/gi,
    message: (m) => `« ${m[0]} » : un service qui fait tout n’est pas une idée. Gardez l’essentiel.`,
  },
];

const rule: Rule = {
  id: 'idee-diluee',
  sections: ['solution'],
  defaultSeverity: 'warning',
  fixable: false,
  description: 'Idée diluée : analogie (« le Uber de … ») ou pile de fonctionnalités (« 43 fonctionnalités », « réseau social », « tout-en-un »).',
  explanation: [
    '**Une analogie ou une liste de fonctionnalités n’est pas une idée.** La méthode cite « je vais faire le Uber de la',
    'formation professionnelle » et « avec ces 43 fonctionnalités de réseau social… » comme des idées diluées.',
    'L’innovation, c’est une ancienne idée que l’on abandonne : une règle de l’administration que le service brise.',
    '',
    '- À éviter : « Nous créons le Doctolib des démarches administratives, avec 43 fonctionnalités. »',
    '- Mieux : « Grâce à Mon Aide, les aides sont versées par défaut, et contrôlées a posteriori. »',
  ].join('\n'),
  check({ document, sections }) {
    const blocks = paragraphs(sections);
    return PATTERNS.flatMap(({ pattern, message }) =>
      findInBlocks(document, blocks, pattern).map(({ start, end, groups }) => ({ start, end, message: message(groups) })),
    );
  },
};

export default rule;
