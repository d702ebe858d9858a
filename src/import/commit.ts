/**
 * The all-or-nothing write: staged files are moved into place one rename each, keeping every file
 * they replace until all have moved; if one move fails, the moves already made are undone. If
 * undoing fails too, the staging folder (with the previous versions) is kept and named, with the
 * files that could not be put back, so that no text is ever lost.
 */
import { existsSync } from 'node:fs';
import { mkdir, rename, rmdir } from 'node:fs/promises';
import path from 'node:path';
import { relative } from './changes.ts';
import { ImportError } from './errors.ts';

/**
 * How the commit touches the disk, replaceable by tests only (to make a write or an undo fail);
 * not part of what an editor asks for, so not part of the ImportRequest.
 */
export interface FileOperations {
  /** Called before each file is moved into place; tests throw from it to simulate a failed write. */
  beforeMove?: ((target: string) => void | Promise<void>) | undefined;
  /** Moves one file (default: fs rename); tests use it to make undoing a move fail. */
  rename?: ((from: string, to: string) => Promise<void>) | undefined;
}

export interface Move {
  target: string;
  /** The staged file to move into place; undefined deletes the target. */
  staged?: string | undefined;
  /** Where the replaced file was kept, once it was. */
  backup?: string | undefined;
}

/**
 * The write failed and so did putting some files back: the staging folder, which holds the
 * previous versions, is kept (and named in the message) rather than deleted.
 */
export class UndoFailedError extends ImportError {
  readonly staging: string;
  readonly notRestored: readonly string[];
  constructor(message: string, staging: string, notRestored: readonly string[], options: { cause?: unknown } = {}) {
    super(message, undefined, options);
    this.staging = staging;
    this.notRestored = notRestored;
  }
}

/**
 * Moves staged files into place (or deletes targets whose `staged` is undefined), keeping each
 * replaced file in `backups` until all have moved. Undoes every finished step if one fails; if
 * undoing fails too, throws UndoFailedError naming the files not restored and where their
 * previous versions are (the staging folder, `backups`' parent, must then be kept).
 */
export async function commit(moves: Move[], backups: string, files: FileOperations = {}): Promise<void> {
  const move = files.rename ?? rename;
  const done: { move: Move; placed: boolean; backedUp: boolean; createdDir?: string | undefined }[] = [];
  try {
    for (const [index, item] of moves.entries()) {
      const step: (typeof done)[number] = { move: item, placed: false, backedUp: false };
      done.push(step);
      await files.beforeMove?.(item.target);
      step.createdDir = await mkdir(path.dirname(item.target), { recursive: true });
      if (existsSync(item.target)) {
        item.backup = path.join(backups, String(index));
        await move(item.target, item.backup);
        step.backedUp = true;
      }
      if (item.staged) {
        await move(item.staged, item.target);
        step.placed = true;
      }
    }
  } catch (error) {
    const written = `could not write ${relative(moves[done.length - 1]?.target ?? '')} (${(error as Error).message})`;
    // Each undo step is tried on its own, so that one failure does not keep the others from running.
    const notRestored: string[] = [];
    for (const step of done.reverse()) {
      const target = relative(step.move.target);
      if (step.placed) {
        try {
          await move(step.move.target, step.move.staged!);
        } catch (undoError) {
          // With a backup, restoring it below replaces the new file anyway.
          if (!step.backedUp) notRestored.push(`${target} (the new file could not be removed: ${(undoError as Error).message})`);
        }
      }
      if (step.backedUp) {
        try {
          await move(step.move.backup!, step.move.target);
        } catch (undoError) {
          notRestored.push(`${target} (its previous version is ${relative(step.move.backup!)}: ${(undoError as Error).message})`);
        }
      }
      if (step.createdDir) await removeEmptyDirs(step.createdDir, path.dirname(step.move.target));
    }
    if (notRestored.length > 0) {
      const staging = path.dirname(backups);
      throw new UndoFailedError(
        `${written}, and ${notRestored.length === 1 ? '1 file' : `${notRestored.length} files`} could not be put back: ${notRestored.join('; ')}. ` +
          `The staging folder ${relative(staging)}${path.sep} was kept: it holds the previous versions (backup${path.sep}) and the new files. ` +
          'Restore those files from it by hand, check with `npm run check`, then delete the folder.',
        staging,
        notRestored,
        { cause: error },
      );
    }
    throw new ImportError(`${written}; every file written so far was put back, so the content is as it was.`, undefined, { cause: error });
  }
}

/** Removes `deepest` and its parents up to and including `top`, while they are empty. */
async function removeEmptyDirs(top: string, deepest: string): Promise<void> {
  for (let dir = deepest; dir.startsWith(top); dir = path.dirname(dir)) {
    try {
      await rmdir(dir);
    } catch {
      return;
    }
  }
}
