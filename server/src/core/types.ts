// Plain data shared by the core, the server, the CLI and the tests. No behaviour here.

/** Severity of a finding, as in LSP and in the CLI's JSON output. */
export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** A rule's configured level: a severity, or `off`. */
export type RuleLevel = Severity | 'off';

/** Stable ids of the method's section kinds. */
export type SectionKind =
  | 'contexte'
  | 'probleme'
  | 'solution'
  | 'strategie'
  | 'utilisateurs'
  | 'impact'
  | 'risques'
  | 'prototype'
  | 'autre';

/** LSP-style position: 0-based line, UTF-16 code units. */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** A replacement of `text.slice(start, end)` by `newText` (UTF-16 offsets in the original text). */
export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

/** A fix, as data: a title (French, shown in the editor) and its edits. */
export interface Fix {
  title: string;
  edits: TextEdit[];
}

/** What a rule reports, before the engine adds severity and range. Offsets are UTF-16. */
export interface Report {
  start: number;
  end: number;
  message: string;
  /** Fixes, best first: the first one is the preferred quick-fix and the one `--fix` applies. */
  fixes?: Fix[];
}

/** A finding of the engine. */
export interface Finding extends Report {
  ruleId: string;
  severity: Severity;
  range: Range;
}

/** A prose block (paragraph, heading, list item text, table cell) with its offsets. */
export interface Block {
  type: 'heading' | 'paragraph';
  /** Offset of the first character of the block's text in the document. */
  start: number;
  /** Offset just past the block's last character. */
  end: number;
  /** 1 for `#`, 2 for `##`… (headings only). */
  level?: number;
  /** True when the paragraph is inside a list item. */
  inList?: boolean;
}

/** A section of the fiche: a level-1/2 heading and everything until the next one. */
export interface Section {
  kind: SectionKind;
  /** Heading text, without `#`, emphasis markers or trailing colon. */
  title: string;
  /** Heading level (1 or 2), 0 for the preamble before the first heading. */
  level: number;
  /** Offsets of the heading line (start === end for the preamble). */
  headingStart: number;
  headingEnd: number;
  /** Offset just past the end of the section (start of the next section or end of text). */
  end: number;
  /** Prose blocks of the section, heading excluded, in order. Sub-headings are blocks too. */
  blocks: Block[];
}

/** The service's name and where it comes from. */
export interface ServiceName {
  value: string;
  source: 'front-matter' | 'heading' | 'solution';
  start: number;
  end: number;
}

/** An in-file control comment: `<!-- fiche-ignore … -->`, `<!-- fiche-disable … -->`, `<!-- fiche-enable … -->`. */
export interface Directive {
  kind: 'ignore' | 'disable' | 'enable';
  /** Rule ids it names; empty for every rule. */
  rules: string[];
  /** Offsets of the comment. */
  start: number;
  end: number;
  /** For `ignore`: the 0-based line it covers; otherwise the comment's own line. */
  line: number;
}

/** A parsed fiche: the text, its prose mask and its sections. */
export interface FicheDocument {
  text: string;
  /**
   * Same length as `text`; every character that is not prose (front matter, code, HTML,
   * URLs, link targets, Markdown markers of headings) is replaced by a space, newlines kept.
   */
  prose: string;
  sections: Section[];
  name: ServiceName | undefined;
  /** Offset where the body starts (after the front matter). */
  bodyStart: number;
  /** French message when the front matter is not valid YAML. */
  frontMatterError?: string;
  /** In-file control comments, in text order. */
  directives: Directive[];
  /** Converts an offset into an LSP position. */
  positionAt(offset: number): Position;
  /** Converts an LSP position into an offset. */
  offsetAt(position: Position): number;
}

/**
 * A parsed fiche as plain data, without its two functions: what crosses a structured clone (a
 * worker's message). `withPositions` (parse.ts) rebuilds the functions on the other side.
 */
export type FicheData = Omit<FicheDocument, 'positionAt' | 'offsetAt'>;

/** Options of an analysis, already normalised (see `normalizeOptions`). */
export interface AnalysisOptions {
  /** Level per rule id; rules not listed keep their default severity. */
  rules: Record<string, RuleLevel>;
}

/** Result of `analyze`. */
export interface AnalysisResult {
  document: FicheDocument;
  findings: Finding[];
}

/** What a rule sees. */
export interface RuleContext {
  document: FicheDocument;
  /** Sections of the kinds the rule declares (all sections for whole-fiche rules). */
  sections: Section[];
}

/** A rule: its metadata and its check. One module per rule under `core/rules/`. */
export interface Rule {
  /** Stable kebab-case id (a public contract: settings, ignore comments, CI). */
  id: string;
  /** Section kinds it looks at; `fiche` for rules on the whole document. */
  sections: SectionKind[] | 'fiche';
  defaultSeverity: Severity;
  /** True when the rule's reports carry fixes. Tests fail if a non-fixable rule reports one. */
  fixable: boolean;
  /** One line, French. */
  description: string;
  /** Hover text, French Markdown: why (from the method), a bad and a good example. */
  explanation: string;
  check(context: RuleContext): Report[];
}
