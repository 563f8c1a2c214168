import type { Command, RawOptions } from '../core/command';

export interface OptionReaders {
  /** A `user` option: the person's id where the platform gives one, else the name as typed. */
  person(typed: string): string;
  /** Any other option; as typed when absent. */
  text?(typed: string): string;
}

/** The options of a command typed as text (Slack, the terminal), each read the platform's way and trimmed. */
export function readTypedOptions(command: Command, options: RawOptions, readers: OptionReaders): RawOptions {
  const read: Record<string, string> = {};
  for (const [key, value] of Object.entries(options)) {
    const declared = command.options.find((option) => option.key === key);
    const reader = declared?.kind === 'user' ? readers.person : (readers.text ?? ((typed: string) => typed));
    read[key] = reader(value).trim();
  }
  return read;
}
