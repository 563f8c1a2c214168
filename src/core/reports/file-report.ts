import { type Binome, isActiveBinome, isMemberOf } from '../binomes/binome';
import { HOUR_MS } from '../calendar';
import type { UseCaseContext } from '../context';
import { StoreUnavailableError, UserError } from '../errors';
import { fieldError } from '../forms/field-error';
import { validateForm } from '../forms/form-schema';
import type { RawFormValues } from '../forms/form-types';
import { foldForMatching, parseRawValues } from '../forms/raw-input';
import { translate } from '../i18n/translate';
import { namesOf } from '../people';
import { literal, type Reply } from '../reply';
import { lastEvent, type Report, referenceOf, withEvent } from './report';
import { scheduleDeadline } from './report-deadlines';
import { REPORT_JOBS, tellAbout } from './report-events';
import { buildReportForm } from './report-form';
import { scheduleRetention } from './report-retention';
import { routeOf } from './report-routing';

const NO_BINOME = new Set(['aucun', 'aucune', 'none', 'no', 'non', '-', 'programme', 'program']);

async function requireEnrolled(ctx: UseCaseContext) {
  const enrolment = await ctx.ports.enrolments.find(ctx.actor.id);
  if (enrolment?.status !== 'active') throw new UserError('report.notEnrolled');
  return enrolment;
}

export async function openReportForm(ctx: UseCaseContext): Promise<Reply> {
  await requireEnrolled(ctx);
  return { kind: 'form', form: buildReportForm(ctx.programme), initial: {} };
}

type BinomeChoice =
  | { readonly ok: true; readonly binome?: Binome }
  | { readonly ok: false; readonly key: 'report.form.error.whichBinome' | 'report.form.error.unknownBinome'; readonly names: string };

/** The binôme concerned: the only one, the one whose other member is named, or none when asked. */
async function chooseBinome(ctx: UseCaseContext, typed: string | undefined): Promise<BinomeChoice> {
  const me = ctx.actor.id.userId;
  const mine = (await ctx.ports.binomes.listByCommunity(ctx.community)).filter(
    (binome) => isActiveBinome(binome) && isMemberOf(binome, me),
  );
  const partnerOf = (binome: Binome) => (binome.mentee === me ? binome.mentor : binome.mentee);
  const wanted = foldForMatching((typed ?? '').replace(/^@/, ''));
  if (NO_BINOME.has(wanted)) return { ok: true };
  // Names are read only when needed: most people have one binôme and type none (10,000 enrolments cost 300 ms).
  if (wanted === '' && mine.length <= 1) return { ok: true, ...(mine[0] ? { binome: mine[0] } : {}) };
  const names = namesOf(await ctx.ports.enrolments.listByCommunity(ctx.community));
  const listed = mine.map((binome) => literal(names.get(partnerOf(binome)) ?? partnerOf(binome))).join(', ');
  if (wanted === '') {
    if (mine.length <= 1) return { ok: true, ...(mine[0] ? { binome: mine[0] } : {}) };
    return { ok: false, key: 'report.form.error.whichBinome', names: listed };
  }
  const found = mine.filter((binome) => {
    const partner = partnerOf(binome);
    return foldForMatching(partner) === wanted || foldForMatching(names.get(partner) ?? '') === wanted;
  });
  if (found.length === 1) return { ok: true, binome: found[0] };
  return { ok: false, key: 'report.form.error.unknownBinome', names: listed || translate(ctx.locale, 'report.form.noBinomes') };
}

/**
 * `/mentorat signaler`: stored first (with a reference claimed for good), then handed to the job
 * layer for delivery; the reporter learns the reference and what happens next at once. If the
 * store fails on the way, what was written is taken back and the person is told nothing was saved.
 */
export async function submitReport(ctx: UseCaseContext, raw: RawFormValues): Promise<Reply> {
  await requireEnrolled(ctx);
  const form = buildReportForm(ctx.programme);
  const values = parseRawValues(form, raw);
  const validation = validateForm(form, values);
  const rejected = (errors: ReturnType<typeof fieldError>[]): Reply => ({
    kind: 'form-rejected',
    form,
    values,
    errors,
    messages: [{ text: translate(ctx.locale, 'report.rejected') }],
  });
  if (!validation.ok) return rejected(validation.errors);
  const choice = await chooseBinome(ctx, validation.values.binome as string | undefined);
  if (!choice.ok) return rejected([fieldError('binome', choice.key, { names: choice.names })]);

  const now = ctx.ports.clock.now();
  const recent = (await ctx.ports.reports.listByReporter(ctx.actor.id)).filter(
    (report) => now.getTime() - Date.parse(report.createdAt) < HOUR_MS,
  );
  const limit = ctx.programme.reports.maxPerHour;
  if (recent.length >= limit) throw new UserError('report.tooMany', { count: limit });

  const category = String(validation.values.category);
  const route = routeOf(ctx.programme, category, choice.binome, ctx.actor.id.userId);
  // Nothing is written yet if the claim fails, but the reporter must still hear "not saved", not "try later".
  const number = await ctx.ports.reports.claimNumber(ctx.community, now).catch((error: unknown) => {
    throw new StoreUnavailableError('claiming a report number', { cause: error, messageKey: 'report.notSaved' });
  });
  const filed = fileRecord(ctx, {
    number,
    category,
    binome: choice.binome,
    route,
    description: String(validation.values.description),
    contact: validation.values.contact === true,
    now,
  });
  await storeAndSchedule(ctx, filed);
  // The daily purge is planned once per community; a failure here only delays it to the next report.
  await scheduleRetention(ctx.ports, ctx.community).catch(() => undefined);
  const next = translate(ctx.locale, route.to === 'referent' ? 'report.filed.toReferent' : 'report.filed.toCoordinators');
  return {
    kind: 'messages',
    messages: [
      {
        text: [
          translate(ctx.locale, 'report.filed', { reference: filed.reference }),
          next,
          translate(ctx.locale, 'report.filed.private', { reference: filed.reference }),
        ].join('\n\n'),
      },
    ],
  };
}

interface Filing {
  readonly number: number;
  readonly category: string;
  readonly binome: Binome | undefined;
  readonly route: ReturnType<typeof routeOf>;
  readonly description: string;
  readonly contact: boolean;
  readonly now: Date;
}

function fileRecord(ctx: UseCaseContext, filing: Filing): Report {
  const at = filing.now.toISOString();
  const base: Report = {
    schemaVersion: 1,
    community: ctx.community,
    reference: referenceOf(filing.number),
    number: filing.number,
    category: filing.category,
    ...(filing.binome ? { binomeId: filing.binome.id } : {}),
    reporter: ctx.actor.id.userId,
    reporterLocale: ctx.locale,
    description: filing.description,
    contact: filing.contact,
    status: 'received',
    route: filing.route.to,
    recipients: [],
    ...(filing.route.to === 'coordinators' && filing.route.because === 'category' && filing.binome?.referent
      ? { concerns: filing.binome.referent }
      : {}),
    conversation: [],
    notes: [],
    history: [],
    createdAt: at,
    updatedAt: at,
  };
  const filed = withEvent(
    base,
    { kind: 'filed', actor: ctx.actor.id.userId, ...(filing.route.to === 'referent' ? { to: filing.route.referent } : {}) },
    filing.now,
  );
  return filing.route.to === 'referent' ? filed : withEvent(filed, { kind: 'escalated', detail: filing.route.because }, filing.now);
}

async function storeAndSchedule(ctx: UseCaseContext, report: Report): Promise<void> {
  const { ports } = ctx;
  try {
    await ports.reports.create(report);
    await scheduleDeadline(ports, ctx.programme, report);
    await tellAbout(ports, report, lastEvent(report));
  } catch (error) {
    // Nothing half-written: a stored report without its delivery would never be heard.
    await Promise.allSettled([
      ports.reports.remove(report),
      ports.queue.cancel(report.community, REPORT_JOBS.deadline, report.reference),
      ...report.history.flatMap((event) => [
        ports.queue.cancel(report.community, REPORT_JOBS.post, `${report.reference}|${event.n}`),
        ...(event.to ? [ports.queue.cancel(report.community, REPORT_JOBS.dm, `${report.reference}|${event.n}|${event.to}`)] : []),
      ]),
    ]);
    throw new StoreUnavailableError('filing a report', { cause: error, messageKey: 'report.notSaved' });
  }
}
