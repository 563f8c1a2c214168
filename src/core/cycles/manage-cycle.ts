import { isActiveBinome } from '../binomes/binome';
import { confirmationButtons, confirmedArgs } from '../confirmation';
import type { UseCaseContext } from '../context';
import { UserError } from '../errors';
import { formatDate } from '../i18n/format-date';
import { translate } from '../i18n/translate';
import { literal, messages, type Reply } from '../reply';
import { scheduleCycleClose } from './close-cycle-job';
import { currentCycle } from './current-cycle';
import { academicYearName, type Cycle, type CycleState, cycleNameSchema } from './cycle';

export const CYCLE_ACTIONS = ['open-next', 'close-enrolment', 'close'] as const;
export type CycleAction = (typeof CYCLE_ACTIONS)[number];

/** The state each action needs the current cycle in, and the one it leaves it in. */
const MOVES = {
  'close-enrolment': { from: ['enrolment-open'], to: 'enrolment-closed' },
  // Closing without first closing enrolment is allowed: a cycle ends when coordinators say so.
  close: { from: ['enrolment-open', 'enrolment-closed'], to: 'closed' },
} as const satisfies Record<Exclude<CycleAction, 'open-next'>, { from: readonly CycleState[]; to: CycleState }>;

const canMove = (cycle: Cycle, action: keyof typeof MOVES): boolean => (MOVES[action].from as readonly CycleState[]).includes(cycle.state);

interface CycleCounts {
  readonly enrolled: number;
  readonly binomes: number;
  readonly waiting: number;
}

async function countsOf(ctx: UseCaseContext, cycle: Cycle): Promise<CycleCounts> {
  const { ports, community } = ctx;
  const [enrolments, binomes, waitlist] = await Promise.all([
    ports.enrolments.listByCommunity(community),
    ports.binomes.listByCommunity(community),
    ports.waitlist.list(community),
  ]);
  return {
    enrolled: enrolments.filter((enrolment) => enrolment.status === 'active').length,
    binomes: binomes.filter((binome) => binome.cycle === cycle.sequence && isActiveBinome(binome)).length,
    // A closed cycle has nobody waiting in it: its waiting list carries over to the next.
    waiting: cycle.state === 'closed' ? 0 : waitlist.length,
  };
}

function day(ctx: UseCaseContext, iso: string): string {
  return formatDate(iso, ctx.locale, ctx.programme.timeZone);
}

/** What coordinators read of a cycle: its name, state and dates, its counts, and what comes next. */
async function describeCycle(ctx: UseCaseContext, cycle: Cycle): Promise<string> {
  const { locale } = ctx;
  const counts = await countsOf(ctx, cycle);
  const lines = [
    translate(locale, 'cycle.show.title', { name: literal(cycle.name), state: translate(locale, `cycle.state.${cycle.state}`) }),
    translate(locale, 'cycle.show.opened', { date: day(ctx, cycle.openedAt) }),
  ];
  if (cycle.enrolmentClosedAt) lines.push(translate(locale, 'cycle.show.enrolmentClosed', { date: day(ctx, cycle.enrolmentClosedAt) }));
  if (cycle.closedAt) lines.push(translate(locale, 'cycle.show.closed', { date: day(ctx, cycle.closedAt) }));
  lines.push(translate(locale, 'cycle.show.counts', { ...counts }), '', translate(locale, `cycle.meaning.${cycle.state}`));
  return lines.join('\n');
}

/** `/mentorat-admin cycle` without an action: the current cycle. */
export async function showCycle(ctx: UseCaseContext): Promise<Reply> {
  return messages(await describeCycle(ctx, await currentCycle(ctx.ports, ctx.community)));
}

/** The name a new cycle takes: the one typed, else the academic year after the current cycle's. */
function nextName(ctx: UseCaseContext, typed: string | undefined, cycles: readonly Cycle[]): string {
  const parsed = typed === undefined ? undefined : cycleNameSchema.safeParse(typed);
  if (parsed && !parsed.success) throw new UserError('cycle.open.badName', { name: literal(typed ?? '') });
  let name = parsed?.data ?? academicYearName(ctx.ports.clock.now());
  if (!parsed) {
    // Closing in June and opening in July stays in one academic year: take the next free one.
    for (let year = Number.parseInt(name, 10); cycles.some((cycle) => cycle.name === name); year += 1) name = `${year + 1}-${year + 2}`;
  }
  if (cycles.some((cycle) => cycle.name === name)) throw new UserError('cycle.open.nameTaken', { name: literal(name) });
  return name;
}

/** Asks before moving the cycle on; the button carries the cycle and, for a new one, its name. */
export async function requestCycleAction(ctx: UseCaseContext, action: CycleAction, typedName?: string): Promise<Reply> {
  const { locale, ports, community } = ctx;
  const cycle = await currentCycle(ports, community);
  let question: string;
  const args = [action, String(cycle.sequence)];
  if (action === 'open-next') {
    if (cycle.state !== 'closed') throw new UserError('cycle.open.notClosed', { name: literal(cycle.name) });
    const name = nextName(ctx, typedName, await ports.cycles.list(community));
    question = translate(locale, 'cycle.question.open-next', { name: literal(name), previous: literal(cycle.name) });
    args.push(name);
  } else {
    if (!canMove(cycle, action))
      throw new UserError('cycle.move.wrongState', {
        name: literal(cycle.name),
        state: translate(locale, `cycle.state.${cycle.state}`),
      });
    const counts = await countsOf(ctx, cycle);
    question = translate(locale, `cycle.question.${action}`, { name: literal(cycle.name), ...counts });
  }
  return {
    kind: 'messages',
    messages: [{ text: question, buttons: confirmationButtons(ctx, translate(locale, `cycle.button.${action}`), args) }],
  };
}

/** The "yes" button: acts only if the cycle is still the one asked about, in the state asked about. */
export async function confirmCycleAction(ctx: UseCaseContext, args: readonly string[]): Promise<Reply> {
  const [action, sequenceText, name] = confirmedArgs(ctx, args);
  const { ports, community, locale } = ctx;
  const cycle = await currentCycle(ports, community);
  if (String(cycle.sequence) !== sequenceText) throw new UserError('cycle.changedMeanwhile', { name: literal(cycle.name) });
  const now = ports.clock.now().toISOString();
  const by = ctx.actor.id.userId;
  const done = (text: string): Reply => ({ kind: 'messages', replacesOriginal: true, messages: [{ text }] });

  if (action === 'open-next' && name !== undefined) {
    if (cycle.state !== 'closed') throw new UserError('cycle.changedMeanwhile', { name: literal(cycle.name) });
    if ((await ports.cycles.list(community)).some((other) => other.name === name))
      throw new UserError('cycle.open.nameTaken', { name: literal(name) });
    const next: Cycle = {
      schemaVersion: 1,
      community,
      sequence: cycle.sequence + 1,
      name,
      state: 'enrolment-open',
      openedAt: now,
      openedBy: by,
    };
    // Two coordinators pressing "open" at once: the number is claimed once, the other is told.
    if (!(await ports.cycles.add(next))) throw new UserError('cycle.changedMeanwhile', { name: literal(cycle.name) });
    return done(`${translate(locale, 'cycle.done.open-next', { name: literal(name) })}\n\n${await describeCycle(ctx, next)}`);
  }
  if (action !== 'close-enrolment' && action !== 'close') throw new UserError('confirm.expired');
  const move = MOVES[action];
  if (!canMove(cycle, action)) throw new UserError('cycle.changedMeanwhile', { name: literal(cycle.name) });
  const moved: Cycle =
    action === 'close' ? { ...cycle, state: move.to, closedAt: now, closedBy: by } : { ...cycle, state: move.to, enrolmentClosedAt: now };
  await ports.cycles.save(moved);
  if (action === 'close-enrolment') return done(`${translate(locale, 'cycle.done.close-enrolment', { name: literal(cycle.name) })}`);

  const counts = await countsOf(ctx, cycle);
  const participants = await scheduleCycleClose(ctx.ports, community, ctx.programme, moved);
  return done(translate(locale, 'cycle.done.close', { name: literal(cycle.name), binomes: counts.binomes, participants }));
}
