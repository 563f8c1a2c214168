import { isActiveBinome } from '../binomes/binome';
import type { UseCaseContext } from '../context';
import { UserError } from '../errors';
import { translate } from '../i18n/translate';
import { namesOf, personIdFrom, personLabel } from '../people';
import { mention, messages, type Reply } from '../reply';

export type ReferentAction = 'list' | 'add' | 'remove';

async function loads(ctx: UseCaseContext): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const binome of await ctx.ports.binomes.listByCommunity(ctx.community)) {
    if (isActiveBinome(binome) && binome.referent) counts.set(binome.referent, (counts.get(binome.referent) ?? 0) + 1);
  }
  return counts;
}

async function listReferents(ctx: UseCaseContext): Promise<Reply> {
  const { locale, programme } = ctx;
  const fromConfig = programme.access.referents.users;
  const fromChat = (await ctx.ports.referents.list(ctx.community))
    .map((referent) => referent.userId)
    .filter((id) => !fromConfig.includes(id));
  const followed = await loads(ctx);
  const names = namesOf(await ctx.ports.enrolments.listByCommunity(ctx.community));
  const line = (id: string, source: 'config' | 'chat') =>
    translate(locale, 'referents.entry', {
      person: personLabel(id, names),
      count: followed.get(id) ?? 0,
      source: translate(locale, source === 'config' ? 'referents.source.config' : 'referents.source.chat'),
    });
  const lines =
    fromConfig.length + fromChat.length === 0
      ? [translate(locale, 'referents.none')]
      : [
          translate(locale, 'referents.title', { count: fromConfig.length + fromChat.length }),
          ...fromConfig.map((id) => line(id, 'config')),
          ...fromChat.map((id) => line(id, 'chat')),
        ];
  if (programme.access.referents.roles.length > 0) {
    lines.push('', translate(locale, 'referents.roles', { roles: programme.access.referents.roles.join(', ') }));
  }
  return messages(lines.join('\n'));
}

/** `/mentorat-admin referents`: who follows binômes, and adding or removing one. */
export async function manageReferents(
  ctx: UseCaseContext,
  input: { readonly action: ReferentAction; readonly person?: string },
): Promise<Reply> {
  if (input.action === 'list') return listReferents(ctx);
  if (!input.person) throw new UserError('referents.personRequired');
  const { ports, community, locale, programme } = ctx;
  const userId = personIdFrom(await ports.enrolments.listByCommunity(community), input.person, community.platform);
  const inConfig = programme.access.referents.users.includes(userId);
  if (input.action === 'add') {
    if (inConfig) return messages(translate(locale, 'referents.alreadyInConfig', { person: mention(userId) }));
    const added = await ports.referents.add({
      schemaVersion: 1,
      community,
      userId,
      addedAt: ports.clock.now().toISOString(),
      addedBy: ctx.actor.id.userId,
    });
    return messages(translate(locale, added ? 'referents.added' : 'referents.alreadyAdded', { person: mention(userId) }));
  }
  if (inConfig) throw new UserError('referents.removeFromConfig', { person: mention(userId) });
  const removed = await ports.referents.remove(community, userId);
  if (!removed) return messages(translate(locale, 'referents.notAReferent', { person: mention(userId) }));
  const still = (await loads(ctx)).get(userId) ?? 0;
  const text = translate(locale, 'referents.removed', { person: mention(userId) });
  return messages(still > 0 ? `${text}\n${translate(locale, 'referents.stillFollows', { count: still })}` : text);
}
