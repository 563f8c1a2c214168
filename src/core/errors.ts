import type { MessageKey, MessageParams, ParamsArgument } from './i18n/translate';

/**
 * A failure the user caused or can act on (not enrolled, wrong role, expired button): the
 * dispatcher answers it privately, in the user's language, and logs nothing alarming.
 */
export class UserError<K extends MessageKey = MessageKey> extends Error {
  readonly params: MessageParams;

  /** The parameters are those the message names, checked by the type checker. */
  constructor(
    readonly messageKey: K,
    ...params: ParamsArgument<K>
  ) {
    super(messageKey);
    this.params = (params[0] ?? {}) as MessageParams;
    this.name = 'UserError';
  }
}

/** The store could not be reached: shown as "temporarily unavailable", never as "not found". */
export class StoreUnavailableError extends Error {
  /** What the person is told instead of the general "temporarily unavailable" (e.g. "your report was not saved"). */
  readonly messageKey: MessageKey | undefined;

  constructor(operation: string, options: { cause: unknown; messageKey?: MessageKey }) {
    super(`store unavailable during ${operation}`, { cause: options.cause });
    this.name = 'StoreUnavailableError';
    this.messageKey = options.messageKey;
  }
}

/** A stored record no longer matches its schema: a bug or a manual edit, never the user's fault. */
export class CorruptRecordError extends Error {
  constructor(key: string, problems: string) {
    super(`stored record ${key} is invalid: ${problems}`);
    this.name = 'CorruptRecordError';
  }
}
