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
  readonly owner: string;
  readonly args: readonly string[];
}

export function encodeButtonId(target: ButtonTarget): string {
  const parts = [VERSION, target.commandId, target.action, target.owner, ...target.args].map(encodeURIComponent);
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
