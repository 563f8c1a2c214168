import { randomBytes } from 'node:crypto';
import { type ActorFacts, canReach, resolveAccessRoles } from '../core/access';
import { splitMessage } from '../core/chat-limits';
import type { Command } from '../core/command';
import type { Actor, CorePorts, UseCaseContext } from '../core/context';
import { StoreUnavailableError, UserError } from '../core/errors';
import type { RawFormValues } from '../core/forms/form-types';
import type { Locale } from '../core/i18n/locale';
import { translateUnchecked } from '../core/i18n/translate';
import { type CommunityRef, participantIdOf } from '../core/identity';
import type { Responder } from '../core/ports';
import type { ProgrammeDirectory } from '../core/programme/programme-directory';
import type { Programme } from '../core/programme/programme-schema';
import type { Attachment, ButtonStyle, OutgoingMessage, Reply, ReplyOf } from '../core/reply';
import type { Log } from '../infra/log';
import { decodeButtonId, encodeButtonId, isButtonOwner, SHARED_OWNER } from './button-id';

export type Invocation =
  | { readonly type: 'command'; readonly commandId: string; readonly options: Readonly<Record<string, string>> }
  | { readonly type: 'submit'; readonly formId: string; readonly values: RawFormValues }
  | { readonly type: 'press'; readonly buttonId: string };

export interface DispatchRequest {
  readonly community: CommunityRef;
  readonly actor: ActorFacts;
  /** The platform's language for this person, already mapped; undefined means the community's default. */
  readonly locale: Locale | undefined;
  readonly invocation: Invocation;
  readonly responder: Responder;
}

export interface DeliveredButton {
  readonly id: string;
  readonly label: string;
  readonly style: ButtonStyle;
}

/** A message ready for an adapter: at most one chat message long, buttons with their platform ids. */
export interface DeliveredMessage {
  readonly text: string;
  readonly buttons: readonly DeliveredButton[];
  readonly attachments: readonly Attachment[];
}

export type Delivery = ReplyOf<DeliveredMessage>;

export interface DispatchResult {
  readonly locale: Locale;
  readonly delivery: Delivery;
  /** The use case could not run (store unavailable, a bug): nothing was done, what was typed must be kept. */
  readonly failed?: true;
}

/** Where it always was for the adapters; the type itself is the core's (config/ builds one without knowing the dispatcher). */
export type { ProgrammeDirectory } from '../core/programme/programme-directory';

export interface Dispatcher {
  readonly commands: readonly Command[];
  dispatch(request: DispatchRequest): Promise<DispatchResult>;
  /** The programme and roles an adapter needs to render help or forms before dispatching. */
  programmeFor(community: CommunityRef): Programme;
  rolesOf(community: CommunityRef, actor: ActorFacts): Actor['roles'];
}

export interface DispatcherOptions {
  readonly commands: readonly Command[];
  readonly programmes: ProgrammeDirectory;
  readonly ports: CorePorts;
  readonly log: Log;
}

/** The reference a person quotes and the log carries, for an unexpected failure. */
export function errorReference(): string {
  return `ERR-${randomBytes(4).toString('hex').toUpperCase()}`;
}

/** Long texts become several messages; buttons and files stay with the last one. */
function deliverMessages(messages: readonly OutgoingMessage[], commandId: string, owner: string): DeliveredMessage[] {
  return messages.flatMap((message) => {
    const pieces = splitMessage(message.text);
    const buttons = (message.buttons ?? []).map((button) => ({
      id: encodeButtonId({ commandId: button.command ?? commandId, action: button.action, owner, args: button.args }),
      label: button.label,
      style: button.style,
    }));
    return pieces.map((text, index) => {
      const last = index === pieces.length - 1;
      return { text, buttons: last ? buttons : [], attachments: last ? (message.attachments ?? []) : [] };
    });
  });
}

function toDelivery(reply: Reply, commandId: string, owner: string): Delivery {
  switch (reply.kind) {
    case 'messages':
      return {
        kind: 'messages',
        messages: deliverMessages(reply.messages, commandId, owner),
        replacesOriginal: reply.replacesOriginal ?? false,
      };
    case 'form':
      return reply;
    case 'form-rejected':
      return { ...reply, messages: deliverMessages(reply.messages, commandId, owner) };
  }
}

function say(text: string): Delivery {
  return { kind: 'messages', messages: [{ text, buttons: [], attachments: [] }], replacesOriginal: false };
}

/**
 * The one way from a platform event to a use case and back: find the command, check who may
 * run it, run it, and turn every failure into a private answer in the person's language.
 */
export function createDispatcher(options: DispatcherOptions): Dispatcher {
  const { commands, programmes, ports, log } = options;
  const byId = new Map(commands.map((command) => [command.id, command]));

  function rolesOf(community: CommunityRef, actor: ActorFacts) {
    return resolveAccessRoles(programmes.programmeFor(community).access, actor);
  }

  async function run(command: Command, ctx: UseCaseContext, invocation: Invocation): Promise<Reply> {
    switch (invocation.type) {
      case 'command':
        return command.run(ctx, invocation.options, { commands });
      case 'submit':
        if (!command.submit) throw new UserError('command.unknown');
        return command.submit(ctx, invocation.values);
      case 'press': {
        const target = decodeButtonId(invocation.buttonId);
        const action = target && command.actions?.[target.action];
        if (!target || !action) throw new UserError('button.unknown');
        const shared = target.owner === SHARED_OWNER && (command.sharedActions ?? []).includes(target.action);
        if (!shared && !isButtonOwner(target.owner, ctx.actor.id.userId)) throw new UserError('button.notForYou');
        return action(ctx, target.args);
      }
    }
  }

  function commandIdOf(invocation: Invocation): string | undefined {
    switch (invocation.type) {
      case 'command':
        return invocation.commandId;
      case 'submit':
        return invocation.formId;
      case 'press':
        return decodeButtonId(invocation.buttonId)?.commandId;
    }
  }

  async function dispatch(request: DispatchRequest): Promise<DispatchResult> {
    const programme = programmes.programmeFor(request.community);
    const locale = request.locale ?? programme.defaultLocale;
    const commandId = commandIdOf(request.invocation);
    const command = commandId ? byId.get(commandId) : undefined;
    const started = Date.now();
    const logged = { commandId, invocation: request.invocation.type, community: request.community, userId: request.actor.userId };
    try {
      if (!command) throw new UserError(request.invocation.type === 'press' ? 'button.unknown' : 'command.unknown');
      const roles = new Set(resolveAccessRoles(programme.access, request.actor));
      // Référents added in chat hold the role as surely as those named in config.
      if (!roles.has('referent') && (await ports.referents.includes(request.community, request.actor.userId))) roles.add('referent');
      if (!canReach(command.audience, roles)) {
        throw new UserError(command.audience === 'coordinators' ? 'access.coordinatorsOnly' : 'access.referentsOnly');
      }
      const ctx: UseCaseContext = {
        actor: { id: participantIdOf(request.community, request.actor.userId), displayName: request.actor.displayName, roles },
        community: request.community,
        programme,
        locale,
        ports,
        responder: request.responder,
      };
      const reply = await run(command, ctx, request.invocation);
      log.info({ ...logged, outcome: reply.kind, ms: Date.now() - started }, 'interaction handled');
      return { locale, delivery: toDelivery(reply, command.id, request.actor.userId) };
    } catch (error) {
      if (error instanceof UserError) {
        log.info({ ...logged, outcome: 'refused', reason: error.messageKey }, 'interaction refused');
        return { locale, delivery: say(translateUnchecked(locale, error.messageKey, error.params)) };
      }
      const reference = errorReference();
      log.error({ ...logged, reference, err: error }, 'interaction failed');
      const key = error instanceof StoreUnavailableError ? (error.messageKey ?? 'error.storeUnavailable') : 'error.unexpected';
      return { locale, delivery: say(translateUnchecked(locale, key, { reference })), failed: true };
    }
  }

  return { commands, dispatch, programmeFor: (community) => programmes.programmeFor(community), rolesOf };
}
