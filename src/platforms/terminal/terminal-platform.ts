import type { Locale } from '../../core/i18n/locale';
import type { CommunityRef } from '../../core/identity';
import type {
  ArchiveSpaceResult,
  ChatPlatform,
  DeliveryOptions,
  DeliveryResult,
  OpenSpaceResult,
  PrivateSpaceRequest,
} from '../../core/ports';
import type { OutgoingMessage } from '../../core/reply';
import { SHARED_OWNER } from '../../dispatch/button-id';
import type { KeyValueStore } from '../../store/key-value-store';
import { deliverPortMessage } from '../shared/port-message';
import { channelName } from '../space-name';
import { pressHint } from './press-hint';
import type { TerminalButtons } from './session-buttons';
import { createTerminalDeliveries } from './terminal-deliveries';
import { createTerminalFiles, isBinary, type TerminalFiles } from './terminal-files';
import { createTerminalPersonalData } from './terminal-personal-data';
import { createTerminalSpaces } from './terminal-spaces';
import { labels, type Transcript } from './transcript';

/**
 * Whether a name is someone in this terminal: a person who acted in the session, or one the
 * programme knows (enrolled, named référent or coordinator), even if they never typed since a restart.
 */
export type KnownUser = (community: CommunityRef, userId: string) => Promise<boolean>;

/**
 * The chat-platform port in a terminal: everything is printed, labelled with who would see it.
 * With the session's `buttons`, a message's buttons are shown with the `/press` hint and pressable
 * by its recipient (a DM) or every member (a space); without it (printing only), they are left out.
 * Platform groups (`memberRoles`) do not exist here: spaces hold the people named.
 */
export function createTerminalPlatform(
  transcript: Transcript,
  isKnown: KnownUser,
  store: KeyValueStore,
  buttons?: TerminalButtons,
  files: TerminalFiles = createTerminalFiles(),
): ChatPlatform {
  const spaces = createTerminalSpaces(store);
  const deliveries = createTerminalDeliveries(store);

  /** Prints the message, and offers its buttons to those who see it. */
  function show(label: string, message: OutgoingMessage, owner: string, seenBy: readonly string[], locale: Locale | undefined): void {
    const delivered = deliverPortMessage(message, owner);
    // Without the session (printing only), a saved file is named in the programme's first language.
    const shown = (message.attachments ?? []).map((file) => (isBinary(file) ? files.save(file, locale ?? 'fr') : `(${file.name})`));
    const hint = locale === undefined ? '' : pressHint(delivered.buttons, locale);
    transcript.block(label, [`${message.text}${hint}`, ...shown].join('\n'));
    buttons?.offer(seenBy, delivered.buttons);
  }

  /**
   * A keyed message is recorded just before it is printed, and one that may have been printed is
   * looked up first: a process killed between the two loses that message rather than printing it
   * twice (at most once, as Discord and Slack look in the channel before sending again).
   */
  async function printOnce(community: CommunityRef, options: DeliveryOptions | undefined, print: () => void): Promise<void> {
    if (options) {
      if (options.mayHaveBeenSent && (await deliveries.delivered(community, options.key))) return;
      await deliveries.record(community, options.key);
    }
    print();
  }

  return {
    platform: 'terminal',
    personalData: createTerminalPersonalData(spaces, deliveries),
    async sendDirectMessage(
      community: CommunityRef,
      userId: string,
      message: OutgoingMessage,
      options?: DeliveryOptions,
    ): Promise<DeliveryResult> {
      if (!(await isKnown(community, userId))) return { ok: false, reason: 'unreachable' };
      await printOnce(community, options, () => show(labels.dm(userId), message, userId, [userId], buttons?.localeOf(userId)));
      return { ok: true };
    },
    async openPrivateSpace(community: CommunityRef, request: PrivateSpaceRequest): Promise<OpenSpaceResult> {
      const existing = await spaces.find(community, request.key);
      if (existing) return { ok: true, space: { id: existing.key, name: existing.name }, created: false };
      for (const member of request.memberIds) {
        if (!(await isKnown(community, member))) return { ok: false, reason: 'unreachable', detail: member };
      }
      const taken = await spaces.names(community);
      const base = channelName(request.name);
      let name = base;
      for (let suffix = 2; taken.has(name); suffix += 1) name = `${base.slice(0, 76)}-${suffix}`;
      await spaces.save(community, { key: request.key, name, members: [...request.memberIds] });
      return { ok: true, space: { id: request.key, name }, created: true };
    },
    async postInSpace(
      community: CommunityRef,
      spaceId: string,
      message: OutgoingMessage,
      options?: DeliveryOptions,
    ): Promise<DeliveryResult> {
      const space = await spaces.find(community, spaceId);
      // An archived space is read-only, as on Discord and Slack: nobody, the bot included, writes there.
      if (!space || space.archived) return { ok: false, reason: 'unreachable' };
      await printOnce(community, options, () =>
        show(labels.space(space.name, space.members), message, SHARED_OWNER, space.members, buttons?.localeOf()),
      );
      return { ok: true };
    },
    async removeFromSpace(community: CommunityRef, spaceId: string, userId: string): Promise<DeliveryResult> {
      const space = await spaces.find(community, spaceId);
      if (!space) return { ok: false, reason: 'unreachable' };
      if (space.members.includes(userId)) {
        await spaces.save(community, { ...space, members: space.members.filter((member) => member !== userId) });
      }
      return { ok: true };
    },
    async archiveSpace(community: CommunityRef, spaceId: string): Promise<ArchiveSpaceResult> {
      const space = await spaces.find(community, spaceId);
      if (!space) return { ok: false, reason: 'unreachable' };
      if (!space.archived) await spaces.save(community, { ...space, archived: true });
      return { ok: true };
    },
  };
}
