/** Creating and editing messages the way Discord does: limits, attachments kept by id, ephemeral flag. */
import { z } from 'zod';
import { fail, invalidFormBody, parseWith } from './fake-rest.js';
import type { FakeWorld, StoredMessage } from './fake-state.js';
import type { FakeAttachment, FakeInteraction, FakeMessage } from './types.js';

export const EPHEMERAL = 64;

export const messageBodySchema = z.object({
  content: z.string().nullish(),
  embeds: z.array(z.unknown()).nullish(),
  components: z.array(z.unknown()).nullish(),
  flags: z.number().int().nullish(),
  allowed_mentions: z.unknown().optional(),
  attachments: z.array(z.object({ id: z.union([z.string(), z.number()]) })).nullish(),
  /** up to 25 characters; Discord answers 50035 beyond */
  nonce: z.union([z.string().max(25), z.number().int()]).nullish(),
  enforce_nonce: z.boolean().nullish(),
});
export type MessageBody = z.infer<typeof messageBodySchema>;

export function parseMessageBody(json: unknown): MessageBody {
  return parseWith(messageBodySchema, json ?? {});
}

/** Discord's limit on a component's custom_id, which also routes the interaction back. */
export const MAX_CUSTOM_ID = 100;

/**
 * Custom ids in a message's rows: at most 100 characters, and none twice in one message (Discord
 * could not tell which was used). Refused with 50035 like any invalid body.
 */
function checkCustomIds(components: unknown[]): void {
  const seen = new Set<string>();
  components.forEach((row, rowIndex) => {
    const inner = (row as { components?: unknown }).components;
    (Array.isArray(inner) ? inner : []).forEach((component, index) => {
      const customId = (component as { custom_id?: unknown }).custom_id;
      if (typeof customId !== 'string') return;
      const path = ['components', rowIndex, 'components', index, 'custom_id'];
      if (customId.length > MAX_CUSTOM_ID) {
        invalidFormBody([{ path, code: 'BASE_TYPE_MAX_LENGTH', message: `Must be ${MAX_CUSTOM_ID} or fewer in length.` }]);
      }
      if (seen.has(customId))
        invalidFormBody([{ path, code: 'COMPONENT_CUSTOM_ID_DUPLICATED', message: 'Component custom id cannot be duplicated' }]);
      seen.add(customId);
    });
  });
}

function checkLimits(body: MessageBody): void {
  checkCustomIds(body.components ?? []);
  if ((body.content ?? '').length > 2000) {
    invalidFormBody([{ path: ['content'], code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 2000 or fewer in length.' }]);
  }
  if ((body.embeds ?? []).length > 10) {
    invalidFormBody([{ path: ['embeds'], code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 10 or fewer in length.' }]);
  }
}

export interface NewMessage {
  channelId: string;
  guildId: string | null;
  body: MessageBody;
  files: FakeAttachment[];
  interaction?: FakeInteraction;
  /** a deferred reply starts empty */
  deferred?: boolean;
}

export function createMessage(world: FakeWorld, input: NewMessage): StoredMessage {
  const { body, files, interaction } = input;
  checkLimits(body);
  const empty = !body.content && !body.embeds?.length && !body.components?.length && files.length === 0;
  if (empty && !input.deferred) fail(400, 50006, 'Cannot send an empty message');
  const flags = body.flags ?? 0;
  const message: FakeMessage = {
    id: world.snowflake(),
    channelId: input.channelId,
    authorId: world.botUserId,
    content: body.content ?? '',
    components: body.components ?? [],
    embeds: body.embeds ?? [],
    attachments: files,
    flags,
    ephemeral: (flags & EPHEMERAL) !== 0,
    edited: false,
  };
  if (interaction) message.interactionUserId = interaction.userId;
  if (body.nonce !== undefined && body.nonce !== null) message.nonce = String(body.nonce);
  if (body.allowed_mentions !== undefined) message.allowedMentions = body.allowed_mentions;
  return world.storeMessage({
    message,
    guildId: input.guildId,
    timestamp: new Date().toISOString(),
    editedTimestamp: null,
    type: interaction?.type === 2 ? 20 : 0,
    deferred: input.deferred ?? false,
    ...(interaction
      ? { interaction: { id: interaction.id, type: interaction.type, userId: interaction.userId, guildId: input.guildId ?? '0' } }
      : {}),
  });
}

/** Fields present replace; new files are appended to the attachments listed in `attachments` (all kept when absent). */
export function editMessage(world: FakeWorld, stored: StoredMessage, body: MessageBody, files: FakeAttachment[]): StoredMessage {
  checkLimits(body);
  const { message } = stored;
  if (body.content !== undefined) message.content = body.content ?? '';
  if (body.components !== undefined) message.components = body.components ?? [];
  if (body.embeds !== undefined) message.embeds = body.embeds ?? [];
  if (body.allowed_mentions !== undefined) message.allowedMentions = body.allowed_mentions;
  let kept = message.attachments;
  if (body.attachments !== undefined) {
    const keep = new Set((body.attachments ?? []).map((attachment) => String(attachment.id)));
    kept = kept.filter((attachment) => keep.has(world.attachmentId(attachment)));
  }
  message.attachments = [...kept, ...files];
  if (stored.deferred) {
    // Filling a deferred reply completes it; it is not an edit.
    stored.deferred = false;
  } else {
    message.edited = true;
    stored.editedTimestamp = new Date().toISOString();
  }
  return stored;
}

export function storedOrFail(world: FakeWorld, message: FakeMessage | undefined): StoredMessage {
  const stored = message ? world.messages.get(message.id) : undefined;
  if (!stored || stored.message.deleted) return fail(404, 10008, 'Unknown Message');
  return stored;
}
