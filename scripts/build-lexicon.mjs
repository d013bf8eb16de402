#!/usr/bin/env node
// Builds server/src/core/tense/data/lexicon-fr.json from Debian's hunspell-fr-comprehensive
// (MPL-2.0, Dicollecte/Grammalecte lexicon). Usage: `npm run lexicon` (downloads the package
// with `apt-get download`, no root needed) or `node scripts/build-lexicon.mjs --from <dir>`
// where <dir> holds an unpacked package (usr/share/hunspell/fr.{aff,dic}) or the .deb itself.
//
// Every future and conditional form is a future stem plus a fixed ending, so the index keeps,
// per verb lemma, its future stem(s) and its present-indicative row, both as patterns relative
// to the infinitive; verbs sharing the same patterns are grouped. Word lists that guard the
// run-time heuristics (homograph nouns, known words that the prefix and regular-`-er` fallbacks
// would misread) are computed here from the whole expanded dictionary.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync, mkdirSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE = 'hunspell-fr-comprehensive';
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'server/src/core/tense/data');
const tablePath = join(root, 'test/labels/tense-table.tsv');
/** Rows of the rewrite table (written beside the labels), filled by `build`. */
let table = [];

/** Frequent verbs of fiches and every conjugation pattern worth checking, all persons of both tenses. */
const TABLE_VERBS = [
  'être', 'avoir', 'aller', 'faire', 'pouvoir', 'devoir', 'vouloir', 'savoir', 'falloir', 'valoir', 'permettre',
  'mettre', 'prendre', 'venir', 'tenir', 'obtenir', 'voir', 'prévoir', 'recevoir', 'envoyer', 'appeler', 'jeter',
  'acheter', 'céder', 'employer', 'payer', 'commencer', 'manger', 'finir', 'sortir', 'partir', 'repartir', 'fuir',
  'courir', 'mourir', 'conquérir', 'dire', 'écrire', 'lire', 'croire', 'connaître', 'vivre', 'suivre', 'résoudre',
  'peindre', 'joindre', 'vaincre', 'asseoir', 'accueillir', 'offrir', 'ouvrir', 'appuyer', 'géolocaliser',
  'coconstruire', 'simplifier', 'accélérer', 'créer', 'gérer', 'transférer', 'collaborer', 'réduire', 'gagner',
  'accompagner', 'faciliter', 'cueillir', 'boire', 'plaire', 'rire', 'conclure', 'coudre', 'moudre', 'haïr',
];

/** Endings of the future and the conditional, by tense and person. */
const ENDINGS = {
  ifut: { '1sg': 'ai', '2sg': 'as', '3sg': 'a', '1pl': 'ons', '2pl': 'ez', '3pl': 'ont' },
  cond: { '1sg': 'ais', '2sg': 'ais', '3sg': 'ait', '1pl': 'ions', '2pl': 'iez', '3pl': 'aient' },
};
const PERSONS = ['1sg', '2sg', '3sg', '1pl', '2pl', '3pl'];
const ALL_ENDINGS = ['ai', 'as', 'a', 'ons', 'ez', 'ont', 'ais', 'ait', 'ions', 'iez', 'aient'];

/**
 * Glued prefixes tried before a known future form when a word is not in the lexicon
 * ("cogérera" → co + gérera). Written into the data so the engine and this script agree.
 */
const PREFIXES = [
  'co', 're', 'ré', 'dé', 'dés', 'pré', 'auto', 'sur', 'sous', 'inter', 'multi', 'télé', 'micro',
  'cyber', 'e', 'éco', 'bio', 'contre', 'anti', 'méta', 'hyper', 'super', 'post', 'pro', 'trans',
  'cross', 'omni', 'mono', 'poly', 'sur', 'semi', 'néo', 'ré', 'in', 'im', 'dis', 'mé', 'mis',
];

/** Regular first-group fallback for words the lexicon lacks ("dématérialisera"). */
const FALLBACK = /^([a-zàâäçéèêëîïôöûüùÿœæ]{3,})er(ai|as|a|ons|ez|ont|ais|ait|ions|iez|aient)$/;

function main() {
  const args = process.argv.slice(2);
  const fromIndex = args.indexOf('--from');
  const report = args.includes('--report');
  let work;
  let cleanup = () => {};
  if (fromIndex >= 0) {
    work = args[fromIndex + 1];
  } else {
    work = mkdtempSync(join(tmpdir(), 'fiche-lexicon-'));
    cleanup = () => rmSync(work, { recursive: true, force: true });
    console.log(`Téléchargement de ${PACKAGE} (apt-get download)…`);
    execFileSync('apt-get', ['download', PACKAGE], { cwd: work, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  try {
    const { dir, version } = unpack(work);
    const aff = readFileSync(join(dir, 'usr/share/hunspell/fr.aff'), 'utf8');
    const dic = readFileSync(join(dir, 'usr/share/hunspell/fr.dic'), 'utf8');
    const data = build(parseAff(aff), parseDic(dic), version, report);
    mkdirSync(outDir, { recursive: true });
    const json = JSON.stringify(data, null, 0).replace(/\],\[/g, '],\n[') + '\n';
    writeFileSync(join(outDir, 'lexicon-fr.json'), json);
    writeFileSync(join(outDir, 'NOTICE.md'), notice(version));
    writeFileSync(tablePath, tableHeader(version) + table.map((row) => row.join('\t')).join('\n') + '\n');
    console.log(
      `lexicon-fr.json : ${data.counts.verbs} verbes, ${data.counts.groups} groupes, ` +
        `${(Buffer.byteLength(json) / 1024).toFixed(0)} Ko (${PACKAGE} ${version}).`,
    );
  } finally {
    cleanup();
  }
}

/** Finds or unpacks the package in `work`; returns the unpacked root and the package version. */
function unpack(work) {
  if (existsSync(join(work, 'usr/share/hunspell/fr.aff'))) {
    const version = existsSync(join(work, 'VERSION')) ? readFileSync(join(work, 'VERSION'), 'utf8').trim() : 'unknown';
    return { dir: work, version };
  }
  const deb = readdirSync(work).find((name) => name.startsWith(PACKAGE) && name.endsWith('.deb'));
  if (!deb) {
    throw new Error(`Aucun paquet ${PACKAGE} dans ${work}`);
  }
  const version = execFileSync('dpkg-deb', ['-f', join(work, deb), 'Version'], { encoding: 'utf8' }).trim();
  const dir = join(work, 'x');
  execFileSync('dpkg', ['-x', join(work, deb), dir]);
  return { dir, version };
}

/** Suffix rules by flag: { strip, add, cond (RegExp), morph }. Prefix rules are elisions: skipped. */
function parseAff(text) {
  const rules = new Map();
  for (const line of text.split('\n')) {
    const parts = line.split(/\s+/);
    if (parts[0] !== 'SFX' || parts.length < 4) {
      continue;
    }
    const [, flag, strip, addField, cond, ...morph] = parts;
    if (/^[YN]$/.test(strip) && /^\d+$/.test(addField)) {
      rules.set(flag, []);
      continue;
    }
    const add = addField.split('/')[0];
    rules.get(flag).push({
      strip: strip === '0' ? '' : strip,
      add: add === '0' ? '' : add,
      cond: new RegExp(`${cond === '.' ? '' : cond}$`),
      morph: morph.join(' '),
    });
  }
  return rules;
}

/** Dictionary entries: { word, flags: string[], morph }. Flags are two characters (FLAG long). */
function parseDic(text) {
  const entries = [];
  for (const line of text.split('\n').slice(1)) {
    if (!line.trim()) {
      continue;
    }
    const space = line.indexOf(' ');
    const head = space < 0 ? line : line.slice(0, space);
    const morph = space < 0 ? '' : line.slice(space + 1);
    const slash = head.indexOf('/');
    const word = slash < 0 ? head : head.slice(0, slash);
    const flagText = slash < 0 ? '' : head.slice(slash + 1);
    const flags = [];
    for (let i = 0; i + 1 < flagText.length; i += 2) {
      flags.push(flagText.slice(i, i + 2));
    }
    entries.push({ word, flags, morph });
  }
  return entries;
}

/** Every form of an entry with its morphology (the bare word only when it needs no affix). */
function expand(entry, rules) {
  const forms = [];
  if (!entry.flags.includes('()')) {
    forms.push({ form: entry.word, morph: entry.morph });
  }
  for (const flag of entry.flags) {
    for (const rule of rules.get(flag) ?? []) {
      if (entry.word.endsWith(rule.strip) && rule.cond.test(entry.word)) {
        forms.push({ form: entry.word.slice(0, entry.word.length - rule.strip.length) + rule.add, morph: rule.morph });
      }
    }
  }
  return forms;
}

function tagsOf(morph) {
  return morph.split(/\s+/).map((tag) => tag.replace(/!$/, ''));
}

/** Builds the index: verb groups, homographs and the exclusion lists. */
function build(rules, entries, version, report) {
  const verbEntries = new Map(); // lemma -> [{ entry, forms }]
  const otherReadings = new Map(); // form -> Set of non-future readings (pos tags)
  for (const entry of entries) {
    const isVerb = /\bpo:v\d/.test(entry.morph);
    const forms = expand(entry, rules);
    if (isVerb) {
      if (!verbEntries.has(entry.word)) {
        verbEntries.set(entry.word, []);
      }
      verbEntries.get(entry.word).push({ entry, forms });
    }
    for (const { form, morph } of forms) {
      const tags = tagsOf(`${entry.morph} ${morph}`);
      if (tags.includes('po:ifut') || tags.includes('po:cond')) {
        continue;
      }
      const reading = readingOf(tags);
      if (!otherReadings.has(form)) {
        otherReadings.set(form, new Set());
      }
      otherReadings.get(form).add(reading);
    }
  }

  const groups = new Map();
  const tableSources = new Map(); // lemma -> { present, forms } for the rewrite table
  const futureForms = new Map(); // form -> lemma
  const stemsByLemma = new Map();
  const lemmaByStem = new Map();
  const traps = [];
  let verbCount = 0;
  for (const [lemma, list] of verbEntries) {
    const ordered = preferUsual(list);
    if (ordered !== list) {
      traps.push(lemma);
    }
    const stems = [];
    for (const { forms } of ordered) {
      for (const stem of futureStems(lemma, forms, futureForms)) {
        if (!stems.includes(stem)) {
          stems.push(stem);
        }
      }
    }
    const present = presentRow(lemma, ordered[0].forms);
    if (stems.length === 0) {
      continue;
    }
    tableSources.set(lemma, { present, forms: ordered[0].forms });
    verbCount++;
    stemsByLemma.set(lemma, stems);
    for (const stem of stems) {
      if (lemmaByStem.has(stem) && report) {
        console.log(`stem collision: ${stem} ${lemmaByStem.get(stem)} ${lemma}`);
      }
      lemmaByStem.set(stem, lemma);
    }
    const key = `${stems.map((stem) => pattern(lemma, [stem])).join('|')}#${pattern(lemma, present)}`;
    if (!groups.has(key)) {
      groups.set(key, []);
    }
    groups.get(key).push(lemma);
  }

  // Future/conditional forms that are also other words: the engine needs their other readings.
  const homographs = {};
  for (const [form] of futureForms) {
    const readings = otherReadings.get(form);
    if (readings) {
      homographs[form] = [...readings].sort().join(' ');
    }
  }

  const knownStems = new Set([...stemsByLemma.values()].flat());
  const isKnownFuture = (word) => futureForms.has(word);
  const prefixHit = (word) => {
    for (const prefix of PREFIXES) {
      if (word.length > prefix.length + 3 && word.startsWith(prefix) && isKnownFuture(word.slice(prefix.length))) {
        return true;
      }
    }
    return false;
  };
  const prefixExclusions = [];
  const fallbackExclusions = [];
  for (const [form] of otherReadings) {
    if (futureForms.has(form)) {
      continue;
    }
    if (prefixHit(form)) {
      prefixExclusions.push(form);
    } else if (FALLBACK.test(form)) {
      fallbackExclusions.push(form);
    }
  }

  if (report) {
    console.log('traps (usual conjugation chosen first):', traps.join(' '));
    console.log('homographs:', Object.keys(homographs).length);
    console.log(JSON.stringify(homographs, null, 0));
    console.log('prefix exclusions:', prefixExclusions.length, prefixExclusions.slice(0, 200).join(' '));
    console.log('fallback exclusions:', fallbackExclusions.length, fallbackExclusions.slice(0, 200).join(' '));
    console.log('stems:', knownStems.size, 'future forms:', futureForms.size);
  }

  const sortedGroups = [...groups.entries()]
    .sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]))
    .map(([key, lemmas]) => {
      const [future, present] = key.split('#');
      return [future, present, lemmas.sort().join(' ')];
    });
  table = rewriteTable(tableSources);
  return {
    source: {
      package: PACKAGE,
      version,
      upstream: 'Dicollecte / Grammalecte, dictionnaire « toutes variantes » 7.0',
      license: 'MPL-2.0',
      url: 'https://packages.debian.org/bookworm/hunspell-fr-comprehensive',
    },
    format:
      'groups: [future stem patterns "strip:add" separated by "|", present row "strip:1sg,2sg,3sg,1pl,2pl,3pl", lemmas]; ' +
      'a pattern removes `strip` characters from the end of the infinitive and appends `add`.',
    counts: { verbs: verbCount, groups: sortedGroups.length, futureForms: futureForms.size },
    endings: ENDINGS,
    prefixes: [...new Set(PREFIXES)].sort((a, b) => b.length - a.length || a.localeCompare(b)),
    homographs,
    prefixExclusions: prefixExclusions.sort(),
    fallbackExclusions: fallbackExclusions.sort(),
    groups: sortedGroups,
  };
}

/**
 * The rewrite table: "pronoun + future/conditional form" → "pronoun + present", taken from the
 * expanded source (not from the compact index), for TABLE_VERBS and every 97th other verb.
 */
function rewriteTable(sources) {
  const pronouns = ['je', 'tu', 'il', 'nous', 'vous', 'ils'];
  const lemmas = [...sources.keys()].sort();
  const chosen = [...TABLE_VERBS, ...lemmas.filter((lemma, index) => index % 97 === 0 && !lemma.includes('-'))];
  const rows = [];
  for (const lemma of new Set(chosen)) {
    const source = sources.get(lemma);
    if (!source) {
      throw new Error(`Verbe de la table absent du lexique : ${lemma}`);
    }
    for (const tense of ['ifut', 'cond']) {
      PERSONS.forEach((person, index) => {
        const form = source.forms.find(({ morph }) => tagsOf(morph).includes(`po:${tense}`) && tagsOf(morph).includes(`po:${person}`));
        const present = source.present[index];
        if (!form || !present) {
          return;
        }
        rows.push([withPronoun(pronouns[index], form.form), withPronoun(pronouns[index], present), lemma, `${tense === 'ifut' ? 'futur' : 'conditionnel'} ${person}`]);
      });
    }
  }
  return rows;
}

function withPronoun(pronoun, form) {
  return pronoun === 'je' && /^[aeiouyéèêàâîôûh]/.test(form) ? `j'${form}` : `${pronoun} ${form}`;
}

function tableHeader(version) {
  return (
    `# Rewrite table generated by scripts/build-lexicon.mjs from ${PACKAGE} ${version} (expanded forms,\n` +
    '# not the compact index): form <TAB> expected present <TAB> lemma <TAB> tense and person.\n'
  );
}

/** A short reading tag for a non-future form: "nom", "adj", "v:ipre"… */
function readingOf(tags) {
  const verbTense = tags.find((tag) => /^po:(ipre|iimp|ipsi|spre|simp|impe|infi|ppre|ppas)$/.test(tag));
  if (verbTense && tags.some((tag) => /^po:v\d/.test(tag))) {
    return `v:${verbTense.slice(3)}`;
  }
  const pos = tags.find((tag) => tag.startsWith('po:'));
  return pos ? pos.slice(3) : 'autre';
}

/**
 * Orders a lemma's entries with the usual conjugation first. The source also lists rare
 * second-group readings of sortir, ressortir, repartir and fuir ("il sortit" = "obtient",
 * juridique); taking them first would rewrite "sortira" as "sortit" instead of "sort".
 */
function preferUsual(list) {
  if (list.length < 2) {
    return list;
  }
  const group = (item) => Number(/\bpo:v(\d)/.exec(item.entry.morph)[1]);
  const hasV2 = list.some((item) => group(item) === 2);
  const hasV3 = list.some((item) => group(item) === 3);
  if (!hasV2 || !hasV3) {
    return list;
  }
  return [...list].sort((a, b) => (group(a) === 3 ? 0 : 1) - (group(b) === 3 ? 0 : 1));
}

/** Future stems of a verb entry, checked against every person of both tenses. */
function futureStems(lemma, forms, futureForms) {
  const stems = [];
  for (const { form, morph } of forms) {
    const tags = tagsOf(morph);
    const tense = tags.includes('po:ifut') ? 'ifut' : tags.includes('po:cond') ? 'cond' : undefined;
    if (!tense) {
      continue;
    }
    for (const person of PERSONS) {
      if (!tags.includes(`po:${person}`)) {
        continue;
      }
      const ending = ENDINGS[tense][person];
      if (!form.endsWith(ending)) {
        throw new Error(`${lemma}: ${form} (${tense} ${person}) ne finit pas par -${ending}`);
      }
      const stem = form.slice(0, form.length - ending.length);
      if (!stems.includes(stem)) {
        stems.push(stem);
      }
      if (!futureForms.has(form)) {
        futureForms.set(form, lemma);
      }
    }
  }
  return stems;
}

/**
 * Present indicative row (first form per person; empty string for a defective person). Forms
 * with a glued pronoun ("vas-y") are skipped.
 */
function presentRow(lemma, forms) {
  const row = PERSONS.map(() => '');
  const hyphens = lemma.split('-').length;
  for (const { form, morph } of forms) {
    const tags = tagsOf(morph);
    if (!tags.includes('po:ipre')) {
      continue;
    }
    PERSONS.forEach((person, index) => {
      if (tags.includes(`po:${person}`) && row[index] === '' && form.split('-').length === hyphens) {
        row[index] = form;
      }
    });
  }
  return row;
}

/** "strip:add1,add2…": remove `strip` characters from the lemma, append each add. */
function pattern(lemma, forms) {
  let common = lemma.length;
  for (const form of forms) {
    if (form === '') {
      continue;
    }
    let i = 0;
    while (i < common && i < form.length && form[i] === lemma[i]) {
      i++;
    }
    common = i;
  }
  return `${lemma.length - common}:${forms.map((form) => (form === '' ? '-' : form.slice(common))).join(',')}`;
}

function notice(version) {
  return `# lexicon-fr.json — provenance and licence

\`lexicon-fr.json\` is derived data generated by \`scripts/build-lexicon.mjs\` (\`npm run lexicon\`)
from the Debian package **${PACKAGE} ${version}** (files \`fr.aff\` and \`fr.dic\`), the French
"toutes variantes" dictionary of Dicollecte / Grammalecte, version 7.0, by Olivier R. and the
Dicollecte contributors — https://grammalecte.net/

The source files are licensed under the **Mozilla Public License, v. 2.0**:

> This Source Code Form is subject to the terms of the Mozilla Public License, v. 2.0. If a copy
> of the MPL was not distributed with this file, You can obtain one at http://mozilla.org/MPL/2.0/.

\`lexicon-fr.json\` is therefore a Covered Software file under the MPL-2.0 (the rest of
fiche-produit keeps its own licence; the MPL is file-based). Its source form is the Debian
package named above plus \`scripts/build-lexicon.mjs\`, which regenerates it byte for byte.
What was kept: for each verb, its future stem(s) and its present-indicative row; the future and
conditional forms that are also other words; lists of known words that the run-time fallbacks
must not misread.
`;
}

main();
