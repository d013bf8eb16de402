/** Exit codes of fiche-lint (a public contract, documented in docs/cli.md). */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

/**
 * A user-facing error (bad option, missing or unreadable file…): printed as its French message,
 * without a stack trace, and ends with exit code 2.
 */
export class CliError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliError';
  }
}

/** A short French explanation of a Node file-system error, for messages to users. */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'fichier ou dossier introuvable';
    case 'EACCES':
    case 'EPERM':
      return 'permission refusée';
    case 'EISDIR':
      return 'c’est un dossier, pas un fichier';
    case 'ENOTDIR':
      return 'un élément du chemin n’est pas un dossier';
    case 'EROFS':
      return 'système de fichiers en lecture seule';
    case 'ENOSPC':
      return 'plus de place sur le disque';
    case 'ELOOP':
      return 'trop de liens symboliques (boucle ?)';
    case 'EMFILE':
    case 'ENFILE':
      return 'trop de fichiers ouverts';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
