import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Locale } from '../../core/i18n/locale';
import { translate } from '../../core/i18n/translate';
import type { Attachment } from '../../core/reply';

/** Where the terminal saves the files it cannot show when nothing else is configured (TERMINAL_FILES_DIR). */
export const DEFAULT_TERMINAL_FILES_DIR = 'data/exports';

/**
 * A terminal cannot show an image: a binary file (a chart's PNG) is written to a folder and the
 * transcript says where, with its size. Written synchronously, so the line that names the file is
 * printed where the message is, in order, and the file is there when it is read.
 * A file of the same name replaces the earlier one (the stats of a cycle, drawn again).
 */
export interface TerminalFiles {
  /** The line that stands for a binary file in the transcript, once saved. */
  save(file: Attachment & { readonly content: Uint8Array }, locale: Locale): string;
}

export function createTerminalFiles(directory: string = DEFAULT_TERMINAL_FILES_DIR): TerminalFiles {
  return {
    save(file, locale) {
      mkdirSync(directory, { recursive: true });
      // The name comes from the core; only its last segment is used, so nothing lands outside the folder.
      const target = path.join(directory, path.basename(file.name));
      writeFileSync(target, file.content);
      const kilobytes = Math.max(1, Math.round(file.content.byteLength / 1024));
      const name = path.basename(file.name);
      return file.image
        ? translate(locale, 'terminal.imageSaved', { name, width: file.image.width, height: file.image.height, kilobytes, path: target })
        : translate(locale, 'terminal.fileSaved', { name, kilobytes, path: target });
    },
  };
}

export function isBinary(file: Attachment): file is Attachment & { readonly content: Uint8Array } {
  return typeof file.content !== 'string';
}
