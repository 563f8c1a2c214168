/** Interaction callbacks (types 4, 5, 6, 7, 9) and the interaction webhook: @original, follow-ups. No bot token on these. */
import { z } from 'zod';
import type { InteractionHub } from './fake-interactions.js';
import { createMessage, editMessage, parseMessageBody, storedOrFail } from './fake-messages.js';
import { messagePayload } from './fake-payloads.js';
import { fail, parseWith, type RestRequest, type Route, route } from './fake-rest.js';
import { type FakeWorld, type StoredMessage, snowflakeTime } from './fake-state.js';
import type { FakeInteraction } from './types.js';

const callbackSchema = z.object({ type: z.number().int(), data: z.unknown().optional() });
const modalSchema = z.object({ custom_id: z.string().max(100), title: z.string().max(45), components: z.array(z.unknown()).min(1).max(5) });
const deferSchema = z.object({ flags: z.number().int().nullish() }).nullish();

/** Discord's interaction tokens work for 15 minutes. */
export const INTERACTION_TOKEN_LIFETIME_MS = 15 * 60_000;

export function interactionRoutes(
  world: FakeWorld,
  hub: InteractionHub,
  port: () => number,
  tokenLifetimeMs = INTERACTION_TOKEN_LIFETIME_MS,
): Route[] {
  const payload = (stored: StoredMessage) => messagePayload(world, port(), stored);

  const callback = (request: RestRequest) => {
    const interaction = hub.byId(request.params.id ?? '');
    if (!interaction || interaction.token !== request.params.token) return fail(404, 10062, 'Unknown interaction');
    if (interaction.callbacks.length > 0) return fail(400, 40060, 'Interaction has already been acknowledged.');
    const { type, data } = parseWith(callbackSchema, request.body.json);
    const files = request.body.files;
    const inChannel = { channelId: interaction.channelId, guildId: interaction.dm ? null : interaction.guildId, interaction };
    let resource: StoredMessage | undefined;
    switch (type) {
      case 4:
        resource = createMessage(world, { ...inChannel, body: parseMessageBody(data), files });
        interaction.original = resource.message;
        break;
      case 5: {
        const flags = parseWith(deferSchema, data)?.flags ?? 0;
        resource = createMessage(world, { ...inChannel, body: { flags }, files: [], deferred: true });
        interaction.original = resource.message;
        break;
      }
      case 6:
      case 7: {
        // A modal submit may be acknowledged with 6 (it just closes the modal); anything else needs a message to update.
        const closesModal = type === 6 && interaction.type === 5;
        if (!interaction.sourceMessage && !closesModal) {
          return fail(400, 50035, 'Invalid Form Body', { type: { _errors: [{ code: 'INTERACTION_NO_MESSAGE' }] } });
        }
        if (type === 7) {
          resource = editMessage(world, storedOrFail(world, interaction.sourceMessage), parseMessageBody(data), files);
          interaction.original = resource.message;
        }
        break;
      }
      case 9: {
        if (interaction.type === 5) return fail(400, 50035, 'Invalid Form Body', { type: { _errors: [{ code: 'MODAL_FROM_MODAL' }] } });
        const modal = parseWith(modalSchema, data);
        interaction.modal = { customId: modal.custom_id, title: modal.title, components: modal.components };
        break;
      }
      default:
        return fail(400, 50035, 'Invalid Form Body', {
          type: { _errors: [{ code: 'BASE_TYPE_CHOICES', message: `Value ${type} is not valid` }] },
        });
    }
    interaction.callbacks.push({ type, data, attachments: files });
    hub.acknowledged(interaction);
    if (request.query.get('with_response') !== 'true') return { status: 204 };
    return {
      status: 200,
      body: {
        interaction: {
          id: interaction.id,
          type: interaction.type,
          ...(resource
            ? {
                response_message_id: resource.message.id,
                response_message_loading: type === 5,
                response_message_ephemeral: resource.message.ephemeral,
              }
            : {}),
        },
        resource: { type, ...(resource && type !== 5 ? { message: payload(resource) } : {}) },
      },
    };
  };

  const webhook = (request: RestRequest): FakeInteraction => {
    const interaction = hub.byToken(request.params.token ?? '');
    if (request.params.appId !== world.applicationId || !interaction) return fail(404, 10015, 'Unknown Webhook');
    // Past its lifetime the token is refused with 401 (the bot's own token stays valid: discord.js sends none here).
    if (Date.now() - snowflakeTime(interaction.id) > tokenLifetimeMs) return fail(401, 50027, 'Invalid Webhook Token');
    return interaction;
  };

  /** '@original' is the reply, or after a deferred update (6) the component's message; else a follow-up. */
  const target = (request: RestRequest): { interaction: FakeInteraction; stored: StoredMessage } => {
    const interaction = webhook(request);
    const messageId = request.params.messageId;
    if (messageId === '@original') {
      if (!interaction.original && interaction.callbacks.at(-1)?.type === 6) interaction.original = interaction.sourceMessage;
      return { interaction, stored: storedOrFail(world, interaction.original) };
    }
    return {
      interaction,
      stored: storedOrFail(
        world,
        interaction.followUps.find((message) => message.id === messageId),
      ),
    };
  };

  const followUp = (request: RestRequest) => {
    const interaction = webhook(request);
    if (interaction.callbacks.length === 0) return fail(404, 10015, 'Unknown Webhook');
    const body = parseMessageBody(request.body.json);
    const stored = createMessage(world, {
      channelId: interaction.channelId,
      guildId: interaction.dm ? null : interaction.guildId,
      interaction,
      body,
      files: request.body.files,
    });
    interaction.followUps.push(stored.message);
    return request.query.get('wait') === 'true' ? { status: 200, body: payload(stored) } : { status: 204 };
  };

  const base = '/webhooks/:appId/:token';
  return [
    route('POST', '/interactions/:id/:token/callback', callback, false),
    route('POST', base, followUp, false),
    route('GET', `${base}/messages/:messageId`, (request) => ({ status: 200, body: payload(target(request).stored) }), false),
    route(
      'PATCH',
      `${base}/messages/:messageId`,
      (request) => {
        const edited = editMessage(world, target(request).stored, parseMessageBody(request.body.json), request.body.files);
        return { status: 200, body: payload(edited) };
      },
      false,
    ),
    route(
      'DELETE',
      `${base}/messages/:messageId`,
      (request) => {
        target(request).stored.message.deleted = true;
        return { status: 204 };
      },
      false,
    ),
  ];
}
