import type { UseCaseContext } from '../context';
import { currentCycle } from '../cycles/current-cycle';
import type { Cycle } from '../cycles/cycle';
import { ensureWeeklyDigest } from '../digest/digest-job';
import { UserError } from '../errors';
import { translate } from '../i18n/translate';
import { literal, messages, type Reply } from '../reply';
import { cycleChartAttachment } from './cycle-chart-attachment';
import { chartDataOf } from './cycle-chart-data';
import { type CycleStats, cycleStats } from './cycle-stats';
import { statsText } from './stats-text';

async function chosenCycle(ctx: UseCaseContext, name: string | undefined): Promise<{ cycle: Cycle; current: boolean }> {
  const latest = await currentCycle(ctx.ports, ctx.community);
  if (name === undefined) return { cycle: latest, current: true };
  const cycles = await ctx.ports.cycles.list(ctx.community);
  const wanted = name.trim().toLowerCase();
  const found = cycles.find((cycle) => cycle.name.toLowerCase() === wanted);
  if (!found) {
    const names = cycles.map((cycle) => literal(cycle.name)).join(', ');
    throw new UserError('stats.unknownCycle', { cycle: literal(name), names });
  }
  return { cycle: found, current: found.sequence === latest.sequence };
}

/** Reads every record the figures need; the figures themselves come from the pure `cycleStats`. */
export async function loadCycleStats(ctx: UseCaseContext, name: string | undefined): Promise<CycleStats> {
  const { cycle, current } = await chosenCycle(ctx, name);
  const { ports, community } = ctx;
  const [enrolments, binomes, waitlist, checkIns, pauses, fitConcerns, reports, feedback] = await Promise.all([
    ports.enrolments.listByCommunity(community),
    ports.binomes.listByCommunity(community),
    ports.waitlist.list(community),
    ports.checkIns.listByCommunity(community),
    ports.pauses.listByCommunity(community),
    ports.fitConcerns.listByCommunity(community),
    ports.reports.listByCommunity(community),
    ports.feedback.listAnswers(community, cycle.sequence),
  ]);
  return cycleStats({
    cycle,
    current,
    now: ports.clock.now(),
    enrolments,
    binomes,
    waitlist,
    checkIns,
    pauses,
    fitConcerns,
    reports,
    feedback,
  });
}

/**
 * `/mentorat-admin stats`: the current cycle's figures, or a named one's, with their chart as a PNG.
 * The figures matter more than the picture: a chart that cannot be drawn leaves the text, saying so.
 */
export async function showStats(ctx: UseCaseContext, name: string | undefined): Promise<Reply> {
  const stats = await loadCycleStats(ctx, name);
  await ensureWeeklyDigest(ctx.ports, ctx.community, ctx.programme);
  const text = statsText(stats, ctx.programme, ctx.locale);
  const chart = await cycleChartAttachment(ctx, chartDataOf(stats, ctx.locale)).catch(() => undefined);
  if (!chart) return messages(`${text}\n\n${translate(ctx.locale, 'stats.chartUnavailable')}`);
  return { kind: 'messages', messages: [{ text, attachments: [chart] }] };
}
