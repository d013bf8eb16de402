import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import { CliError, describeFsError } from './errors';

/**
 * Replaces the content of `file` atomically: writes a temporary file in the same folder (same
 * permissions), then renames it over the original, so a reader never sees half a file and a
 * crash leaves the original intact. Follows a symbolic link to write its target.
 */
export async function writeAtomic(file: string, content: string | Uint8Array, display: string): Promise<void> {
  let target = file;
  let temporary: string | undefined;
  try {
    target = await fs.realpath(file);
    const { mode } = await fs.stat(target);
    temporary = path.join(
      path.dirname(target),
      `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
    );
    const handle = await fs.open(temporary, 'wx', mode & 0o7777);
    try {
      await handle.writeFile(content);
      await handle.chmod(mode & 0o7777); // the umask may have narrowed the mode at creation
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temporary, target);
    temporary = undefined;
  } catch (error) {
    throw new CliError(`Impossible d’écrire « ${display} » : ${describeFsError(error)}. Fichier laissé intact.`);
  } finally {
    if (temporary !== undefined) {
      await fs.rm(temporary, { force: true }).catch(() => undefined);
    }
  }
}
