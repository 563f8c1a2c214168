import { type Binome, isActiveBinome, isMemberOf } from '../binomes/binome';
import { confirmationButtons, confirmedArgs } from '../confirmation';
import type { UseCaseContext } from '../context';
import { UserError } from '../errors';
import { translate } from '../i18n/translate';
import { pairLabel } from '../matching/proposal-view';
import { localeOf, namesOf } from '../people';
import { type Button, mention, type Reply } from '../reply';
import { coordinationSpaceRequest } from '../reports/report-routing';
import { hasMet } from './check-in';
import type { FitConcern } from './fit-concern';

export const NOT_A_FIT_COMMAND = 'mentorat.not-a-fit';
/** The coordinators' buttons live on `/mentorat-admin binomes`: coordinators only, by audience and by check. */
export const PAIRS_COMMAND = 'admin.pairs';

async function myActiveBinomes(ctx: UseCaseContext): Promise<Binome[]> {
  const me = ctx.actor.id.userId;
  return (await ctx.ports.binomes.listByCommunity(ctx.community)).filter((binome) => isActiveBinome(binome) && isMemberOf(binome, me));
}

const otherMember = (binome: Binome, me: string) => (binome.mentee === me ? binome.mentor : binome.mentee);

/** The question, once the binôme is known: refused politely before any "we met". */
async function askAbout(ctx: UseCaseContext, binome: Binome, replacesOriginal: boolean): Promise<Reply> {
  const { ports, community, locale } = ctx;
  if (!hasMet(await ports.checkIns.listForBinome(community, binome.id))) throw new UserError('fit.notMetYet');
  const said = (await ports.fitConcerns.listForBinome(community, binome.id)).some((concern) => concern.by === ctx.actor.id.userId);
  if (said) throw new UserError('fit.alreadySaid');
  const other = mention(otherMember(binome, ctx.actor.id.userId));
  return {
    kind: 'messages',
    replacesOriginal,
    messages: [
      {
        text: translate(locale, binome.referent ? 'fit.confirm.question' : 'fit.confirm.questionNoReferent', { other }),
        buttons: confirmationButtons(ctx, translate(locale, 'fit.confirm.yes'), [binome.id]),
      },
    ],
  };
}

/**
 * `/mentorat pas-compatible`: a member says privately that their binôme does not work. With
 * several binômes, a button per binôme asks which one first.
 */
export async function requestNotAFit(ctx: UseCaseContext): Promise<Reply> {
  const binomes = await myActiveBinomes(ctx);
  if (binomes.length === 0) throw new UserError('fit.noBinome');
  const [only] = binomes;
  if (binomes.length === 1 && only) return askAbout(ctx, only, false);
  const names = namesOf(await ctx.ports.enrolments.listByCommunity(ctx.community));
  const me = ctx.actor.id.userId;
  return {
    kind: 'messages',
    messages: [
      {
        text: translate(ctx.locale, 'fit.choose'),
        buttons: binomes.map(
          (binome): Button => ({
            action: 'choose',
            label: translate(ctx.locale, 'fit.button.with', { name: names.get(otherMember(binome, me)) ?? otherMember(binome, me) }),
            style: 'secondary',
            args: [binome.id],
          }),
        ),
      },
    ],
  };
}

async function findMine(ctx: UseCaseContext, binomeId: string | undefined): Promise<Binome> {
  const binome = (await myActiveBinomes(ctx)).find((candidate) => candidate.id === binomeId);
  if (!binome) throw new UserError('fit.binomeEnded');
  return binome;
}

export async function chooseNotAFit(ctx: UseCaseContext, args: readonly string[]): Promise<Reply> {
  return askAbout(ctx, await findMine(ctx, args[0]), true);
}

/**
 * "Yes": the concern is stored once, the référent told privately (once), the coordinators get a
 * post with dissolve and keep buttons (once). The other member is told nothing.
 */
export async function confirmNotAFit(ctx: UseCaseContext, args: readonly string[]): Promise<Reply> {
  const [binomeId] = confirmedArgs(ctx, args);
  const binome = await findMine(ctx, binomeId);
  const { ports, community, programme, locale } = ctx;
  if (!hasMet(await ports.checkIns.listForBinome(community, binome.id))) throw new UserError('fit.notMetYet');
  const me = ctx.actor.id.userId;
  const concern: FitConcern = { schemaVersion: 1, community, binomeId: binome.id, by: me, at: ports.clock.now().toISOString() };
  if (!(await ports.fitConcerns.add(concern))) throw new UserError('fit.alreadySaid');

  const names = namesOf(await ports.enrolments.listByCommunity(community));
  const pair = pairLabel(binome, names);
  const key = `fit|${binome.id}|${me}`;
  const referent = binome.referent && !isMemberOf(binome, binome.referent) ? binome.referent : undefined;
  if (referent) {
    const referentLocale = await localeOf(ports, community, programme, referent);
    await ports.chat
      .sendDirectMessage(
        community,
        referent,
        { text: translate(referentLocale, 'fit.referent.dm', { person: mention(me), pair }) },
        { key: `${key}|referent` },
      )
      .catch(() => undefined);
  }
  const posted = await tellCoordinators(ctx, binome, pair, referent);
  const lines = [
    referent ? translate(locale, 'fit.done.referent', { referent: mention(referent) }) : translate(locale, 'fit.done.noReferent'),
  ];
  if (!posted) lines.push(translate(locale, 'fit.done.coordinationUnreachable'));
  return { kind: 'messages', replacesOriginal: true, messages: [{ text: lines.join('\n\n') }] };
}

/** The post in the coordinators' space (the reports' one), in the programme's language. */
async function tellCoordinators(ctx: UseCaseContext, binome: Binome, pair: string, referent: string | undefined): Promise<boolean> {
  const { ports, community, programme } = ctx;
  const locale = programme.defaultLocale;
  const opened = await ports.chat.openPrivateSpace(community, coordinationSpaceRequest(programme)).catch(() => undefined);
  if (!opened?.ok) return false;
  const me = ctx.actor.id.userId;
  const args = [binome.id, me];
  const buttons: Button[] = [
    { action: 'fit-dissolve', label: translate(locale, 'fit.button.dissolve'), style: 'danger', args, command: PAIRS_COMMAND },
    { action: 'fit-keep', label: translate(locale, 'fit.button.keep'), style: 'secondary', args, command: PAIRS_COMMAND },
  ];
  const text = translate(locale, 'fit.coordination.post', {
    person: mention(me),
    pair,
    referent: referent ? mention(referent) : translate(locale, 'fit.noReferent'),
    mentee: mention(binome.mentee),
  });
  const sent = await ports.chat
    .postInSpace(community, opened.space.id, { text, buttons }, { key: `fit|${binome.id}|${me}|coordination` })
    .catch(() => ({ ok: false }) as const);
  return sent.ok;
}
