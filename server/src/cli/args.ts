import { CliError } from './errors';

export type OutputFormat = 'stylish' | 'json' | 'sarif' | 'github';

export const FORMATS: readonly OutputFormat[] = ['stylish', 'json', 'sarif', 'github'];

/** The command line, parsed. Rule levels are raw strings: `normalizeOptions` checks them. */
export interface CliArgs {
  format: OutputFormat;
  fix: boolean;
  /** `--quiet`: report errors only (warnings and below are neither shown nor counted). */
  quiet: boolean;
  /** `--max-warnings N`: up to N warnings do not fail the run (default: none is tolerated). */
  maxWarnings: number | undefined;
  /** `--rule id=level`, in order (a later one wins). */
  rules: Record<string, string>;
  /** `--config path`, when given. */
  config: string | undefined;
  /** Files, folders and globs, as typed. */
  inputs: string[];
  help: boolean;
  version: boolean;
}

/** Parses `process.argv.slice(2)`. Throws a `CliError` (French message) on a usage error. */
export function parseArgs(argv: readonly string[]): CliArgs {
  const args: CliArgs = {
    format: 'stylish',
    fix: false,
    quiet: false,
    maxWarnings: undefined,
    rules: {},
    config: undefined,
    inputs: [],
    help: false,
    version: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      args.inputs.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      args.inputs.push(arg);
      continue;
    }
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq === -1 ? arg : arg.slice(0, eq);
    const inline = eq === -1 ? undefined : arg.slice(eq + 1);
    const value = (): string => {
      if (inline !== undefined) {
        return inline;
      }
      const next = argv[i + 1];
      if (next === undefined || (next.startsWith('--') && next.length > 2)) {
        throw new CliError(`L’option ${name} attend une valeur.`);
      }
      i++;
      return next;
    };
    const noValue = (): void => {
      if (inline !== undefined) {
        throw new CliError(`L’option ${name} ne prend pas de valeur.`);
      }
    };
    switch (name) {
      case '-h':
      case '--help':
        noValue();
        args.help = true;
        break;
      case '-v':
      case '--version':
        noValue();
        args.version = true;
        break;
      case '--fix':
        noValue();
        args.fix = true;
        break;
      case '-q':
      case '--quiet':
        noValue();
        args.quiet = true;
        break;
      case '--max-warnings':
        args.maxWarnings = parseCount(name, value());
        break;
      case '-f':
      case '--format':
        args.format = parseFormat(value());
        break;
      case '-c':
      case '--config':
        args.config = value();
        break;
      case '-r':
      case '--rule':
        addRule(args.rules, value());
        break;
      default:
        throw new CliError(`Option inconnue : ${name}. Voir fiche-lint --help.`);
    }
  }
  return args;
}

function parseFormat(value: string): OutputFormat {
  const format = value.trim().toLowerCase();
  if ((FORMATS as readonly string[]).includes(format)) {
    return format as OutputFormat;
  }
  throw new CliError(`Format inconnu « ${value} » : valeurs possibles ${FORMATS.join(', ')}.`);
}

/** A non-negative integer (`--max-warnings 0`, `--max-warnings=10`). */
function parseCount(name: string, value: string): number {
  const trimmed = value.trim();
  if (!/^\d+$/.test(trimmed) || !Number.isSafeInteger(Number(trimmed))) {
    throw new CliError(`L’option ${name} attend un nombre entier positif ou nul, pas « ${value} ».`);
  }
  return Number(trimmed);
}

/** `--rule temps-futur=off` (also `temps-futur:off`); several may be comma-separated. */
function addRule(rules: Record<string, string>, value: string): void {
  for (const part of value.split(',')) {
    const match = /^\s*([^=:\s]+)\s*[=:]\s*(\S+)\s*$/.exec(part);
    if (!match) {
      throw new CliError(
        `Option --rule invalide « ${part} » : écrire --rule id-règle=niveau (par exemple --rule temps-futur=off).`,
      );
    }
    rules[match[1]] = match[2];
  }
}

/** The French help text. */
export const HELP = `Usage : fiche-lint [options] <fichiers|dossiers|globs…>

Vérifie des fiches produit beta.gouv.fr (fichiers *.fiche.md) selon la méthode
Startup d'État : Solution au présent, « Grâce à <Nom> », problème chiffré…

Entrées :
  fichier               vérifié quel que soit son nom (ex. fiche.md)
  dossier               parcouru récursivement à la recherche de *.fiche.md
                        (node_modules et .git ignorés)
  glob                  ex. "docs/**/*.md" (entre guillemets)

Options :
  -f, --format <nom>    stylish (par défaut, lisible), json (outillage),
                        sarif (SARIF 2.1.0, analyse de code GitHub)
                        ou github (annotations de GitHub Actions)
      --fix             applique les corrections automatiques dans les fichiers
  -q, --quiet           n'affiche et ne compte que les erreurs
      --max-warnings <n>
                        tolère jusqu'à n avertissements (code de sortie 0)
  -r, --rule <id=niv>   niveau d'une règle : error, warning, information, hint, off
                        (répétable ; l'emporte sur la configuration)
  -c, --config <fich>   fichier de configuration (par défaut : .ficherc.json,
                        cherché depuis le dossier courant puis ses parents)
  -h, --help            affiche cette aide
  -v, --version         affiche la version

Codes de sortie :
  0  aucun avertissement ni erreur
  1  au moins une erreur, ou un avertissement (plus de n avec --max-warnings)
  2  erreur d'utilisation ou de lecture (message sur la sortie d'erreur)

Exemples :
  fiche-lint .
  fiche-lint --fix ma-startup.fiche.md
  fiche-lint --format json --rule nouveaute-absente=off "fiches/**/*.md"
  fiche-lint --format github --max-warnings 10 .
`;
