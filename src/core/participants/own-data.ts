import { spaceKeysOf } from '../binomes/binome-spaces';
import { leaveBinomes } from '../binomes/dissolve';
import { confirmationButtons, confirmedArgs } from '../confirmation';
import type { UseCaseContext } from '../context';
import { translate } from '../i18n/translate';
import { programmeText } from '../programme/content';
import type { Reply } from '../reply';

/** Everything stored about the person acting, one section per store, as a JSON file. */
export async function exportOwnData(ctx: UseCaseContext): Promise<Reply> {
  const sections: Record<string, unknown> = {};
  for (const holder of ctx.ports.personalData) {
    sections[holder.section] = (await holder.exportFor(ctx.actor.id)) ?? null;
  }
  const chatData = ctx.ports.chat.personalData;
  if (chatData) {
    sections[chatData.section] = await chatData.exportFor(ctx.actor.id, await spaceKeysOf(ctx.ports, ctx.community, ctx.actor.id.userId));
  }
  const document = {
    exportedAt: ctx.ports.clock.now().toISOString(),
    participant: ctx.actor.id,
    ...sections,
  };
  const nothing = Object.values(sections).every((section) => section === null || (Array.isArray(section) && section.length === 0));
  return {
    kind: 'messages',
    messages: [
      {
        text: `${translate(ctx.locale, nothing ? 'myData.nothingStored' : 'myData.ready')}\n\n${programmeText(ctx.programme.texts.dataNotice, ctx.programme, ctx.locale)}`,
        attachments: [
          { name: 'mentorat-mes-donnees.json', mimeType: 'application/json', content: `${JSON.stringify(document, null, 2)}\n` },
        ],
      },
    ],
  };
}

export function requestErasure(ctx: UseCaseContext): Promise<Reply> {
  const { locale } = ctx;
  return Promise.resolve({
    kind: 'messages',
    messages: [
      {
        text: translate(locale, 'erase.confirm.question'),
        buttons: confirmationButtons(ctx, translate(locale, 'erase.confirm.yes')),
      },
    ],
  });
}

/** Erases from every holder; running it again finds nothing and says so, without failing. */
export async function confirmErasure(ctx: UseCaseContext, args: readonly string[]): Promise<Reply> {
  confirmedArgs(ctx, args);
  // Read first: the binômes naming the spaces are erased below.
  const spaceKeys = await spaceKeysOf(ctx.ports, ctx.community, ctx.actor.id.userId);
  // The other members of their binômes are told before the binômes are forgotten.
  await leaveBinomes(ctx.ports, ctx.community, ctx.programme, ctx.actor.id.userId, 'erasure');
  let erasedSomething = false;
  for (const holder of ctx.ports.personalData) {
    if (await holder.eraseFor(ctx.actor.id)) erasedSomething = true;
  }
  if (await ctx.ports.chat.personalData?.eraseFor(ctx.actor.id, spaceKeys)) erasedSomething = true;
  return {
    kind: 'messages',
    replacesOriginal: true,
    messages: [{ text: translate(ctx.locale, erasedSomething ? 'erase.done' : 'erase.nothingStored') }],
  };
}
