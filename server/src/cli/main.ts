import { analyze } from '../core';
import type { AnalysisOptions } from '../core';
import { HELP, parseArgs } from './args';
import type { CliArgs } from './args';
import { loadConfig } from './config';
import { discoverFiles } from './discover';
import type { InputFile } from './discover';
import { CliError, EXIT_FINDINGS, EXIT_OK, EXIT_USAGE } from './errors';
import { command, formatGithub } from './format-github';
import { formatJson } from './format-json';
import { formatSarif } from './format-sarif';
import { formatStylish } from './format-stylish';
import { fixDocument } from '../core/fix-all';
import { readSource } from './read';
import { countSeverities, errorsOnly } from './report';
import type { FileReport } from './report';
import { writeAtomic } from './write';

/** Where the CLI reads and writes: the real process, or a test double. */
export interface CliEnvironment {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** True when stdout is a terminal and NO_COLOR is unset. */
  colour: boolean;
  version: string;
}

/** Runs fiche-lint and returns its exit code. User errors are printed, never thrown. */
export async function runCli(argv: readonly string[], env: CliEnvironment): Promise<number> {
  try {
    const args = parseArgs(argv);
    if (args.help) {
      env.stdout(HELP);
      return EXIT_OK;
    }
    if (args.version) {
      env.stdout(`${env.version}\n`);
      return EXIT_OK;
    }
    if (args.inputs.length === 0) {
      throw new CliError('Aucun fichier à vérifier. Exemple : fiche-lint ma-fiche.fiche.md (voir fiche-lint --help).');
    }
    return await lintInputs(args, env);
  } catch (error) {
    if (error instanceof CliError) {
      env.stderr(`fiche-lint : ${error.message}\n`);
      return EXIT_USAGE;
    }
    throw error;
  }
}

async function lintInputs(args: CliArgs, env: CliEnvironment): Promise<number> {
  const config = await loadConfig(args.config, args.rules, env.cwd);
  for (const warning of config.warnings) {
    env.stderr(`fiche-lint : attention : ${warning}\n`);
  }
  const { files, errors } = await discoverFiles(args.inputs, env.cwd);
  const reports: FileReport[] = [];
  for (const file of files) {
    try {
      reports.push(await lintFile(file, config.options, args.fix));
    } catch (error) {
      if (!(error instanceof CliError || error instanceof InternalError)) {
        throw error;
      }
      errors.push(error.message);
    }
  }
  for (const error of errors) {
    // In GitHub Actions, a read error becomes an error annotation of the run.
    env.stderr(args.format === 'github' ? `${command('error', [['title', 'fiche-lint']], error)}\n` : `fiche-lint : ${error}\n`);
  }
  const shown = args.quiet ? errorsOnly(reports) : reports;
  const output = format(args, shown, errors, env);
  if (output !== '') {
    env.stdout(output);
  }
  if (errors.length > 0) {
    return EXIT_USAGE;
  }
  const counts = countSeverities(shown);
  const tooManyWarnings = counts.warning > (args.maxWarnings ?? 0);
  if (args.maxWarnings !== undefined && tooManyWarnings) {
    env.stderr(`fiche-lint : ${counts.warning} avertissements, plus que les ${args.maxWarnings} tolérés (--max-warnings).\n`);
  }
  return counts.error > 0 || tooManyWarnings ? EXIT_FINDINGS : EXIT_OK;
}

/** The report in the chosen format ('' when there is nothing to print). */
function format(args: CliArgs, reports: readonly FileReport[], errors: readonly string[], env: CliEnvironment): string {
  switch (args.format) {
    case 'json':
      return formatJson(reports);
    case 'sarif':
      return formatSarif(reports, { version: env.version, cwd: env.cwd, errors });
    case 'github':
      return formatGithub(reports);
    default:
      return reports.length > 0 ? formatStylish(reports, env.colour) : '';
  }
}

/** Reads, analyses and, with `--fix`, fixes and writes one file. */
async function lintFile(file: InputFile, options: AnalysisOptions, fix: boolean): Promise<FileReport> {
  const source = readSource(file.path, file.display);
  if (!fix) {
    return { file, result: analyzeSafely(source.text, options, file), fixed: 0 };
  }
  let outcome;
  try {
    outcome = fixDocument(source.text, options, { eol: source.eol });
  } catch (error) {
    throw new InternalError(file.display, error);
  }
  if (outcome.text !== source.text) {
    await writeAtomic(file.path, (source.bom ? '\uFEFF' : '') + outcome.text, file.display);
  }
  return { file, result: outcome.result, fixed: outcome.text === source.text ? 0 : outcome.applied };
}

function analyzeSafely(text: string, options: AnalysisOptions, file: InputFile) {
  try {
    return analyze(text, options);
  } catch (error) {
    throw new InternalError(file.display, error);
  }
}

/** A bug of the analyser on one file: reported with its stack so that it can be filed. */
export class InternalError extends Error {
  constructor(file: string, cause: unknown) {
    super(
      `erreur interne en analysant « ${file} » (merci de signaler ce bogue) :\n${cause instanceof Error ? (cause.stack ?? cause.message) : String(cause)}`,
    );
    this.name = 'InternalError';
  }
}
