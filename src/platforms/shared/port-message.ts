import type { OutgoingMessage } from '../../core/reply';
import { encodeButtonId, type SHARED_OWNER } from '../../dispatch/button-id';
import type { DeliveredMessage } from '../../dispatch/dispatcher';

/**
 * A message the bot sends by itself (a DM, a post in a space), ready for an adapter: its buttons
 * get platform ids naming their command and who may press them (the DM's recipient, or anyone
 * in a shared space, the action then deciding). A button that names no command is dropped.
 */
export function deliverPortMessage(message: OutgoingMessage, owner: string | typeof SHARED_OWNER): DeliveredMessage {
  const buttons = (message.buttons ?? []).flatMap((button) =>
    button.command
      ? [
          {
            id: encodeButtonId({ commandId: button.command, action: button.action, owner, args: button.args }),
            label: button.label,
            style: button.style,
          },
        ]
      : [],
  );
  return { text: message.text, buttons, attachments: message.attachments ?? [] };
}
