import { createHash } from 'node:crypto';

/**
 * Button ids carry everything needed to act on a press, so a button still works after a
 * restart: which command and action, who may press it, and the action's arguments.
 * Discord limits a custom id to 100 characters.
 */
export const MAX_BUTTON_ID_LENGTH = 100;
const VERSION = 'b1';

/**
 * The owner of a button posted in a shared space (the coordination space): anyone may press it,
 * and the action itself decides, through its own policy; only actions a command lists in
 * `sharedActions` accept it.
 */
export const SHARED_OWNER = '*';

export interface ButtonTarget {
  readonly commandId: string;
  readonly action: string;
  /**
   * Who may press it. Encoded, a person's id stays as it is when short and plain (Discord and Slack
   * ids); any other (a terminal name in Arabic, 32 letters that percent-encode to 192 characters)
   * becomes its digest, so the id fits whoever the person is. Decoded, it is that token: compare it
   * with `isButtonOwner`.
   */
  readonly owner: string;
  readonly args: readonly string[];
}

const PLAIN_OWNER = /^[A-Za-z0-9_-]{1,20}$/;
const DIGEST_MARK = '~';

/**
 * `~` and the first 16 characters of the id's SHA-256 in base64url (96 bits): nobody can make up
 * an id with the digest of someone else's.
 */
export function ownerToken(owner: string): string {
  if (owner === SHARED_OWNER || PLAIN_OWNER.test(owner)) return owner;
  return DIGEST_MARK + createHash('sha256').update(owner, 'utf8').digest('base64url').slice(0, 16);
}

/** Whether this person may press a button whose decoded owner is `token` (a shared button answers no: its action decides). */
export function isButtonOwner(token: string, userId: string): boolean {
  return token !== SHARED_OWNER && ownerToken(userId) === token;
}

export function encodeButtonId(target: ButtonTarget): string {
  const parts = [VERSION, target.commandId, target.action, ownerToken(target.owner), ...target.args].map(encodeURIComponent);
  const id = parts.join('|');
  if (id.length > MAX_BUTTON_ID_LENGTH) throw new Error(`button id longer than ${MAX_BUTTON_ID_LENGTH} characters: ${id}`);
  return id;
}

export function decodeButtonId(id: string): ButtonTarget | undefined {
  const parts = id.split('|').map((part) => {
    try {
      return decodeURIComponent(part);
    } catch {
      return undefined;
    }
  });
  const [version, commandId, action, owner, ...args] = parts;
  if (version !== VERSION || !commandId || !action || !owner || args.some((arg) => arg === undefined)) return undefined;
  return { commandId, action, owner, args: args as string[] };
}
