import { isActiveBinome } from '../binomes/binome';
import type { UseCaseContext } from '../context';
import { csvCell } from '../csv-cell';
import { formatDate } from '../i18n/format-date';
import type { Locale } from '../i18n/locale';
import { translate } from '../i18n/translate';
import { mention, messages, type Reply } from '../reply';
import { EVENT_DETAILS, isOpen, type Report, type ReportStatus } from './report';
import { findVisibleReport } from './report-access';
import { updateReport } from './report-store';
import { categoryLabel, handlingButtons, handlingView, quoted, reporterButtons, statusLabel, threadView } from './report-texts';
import { reportAccess } from './report-visibility';

/** Lines listed in chat; the rest are counted (the CSV holds them all). */
const LISTED = 25;

const openFirst = (a: Report, b: Report) => Number(isOpen(b)) - Number(isOpen(a)) || b.number - a.number;

function line(ctx: UseCaseContext, report: Report, withHandler: boolean): string {
  const parts = [
    `**${report.reference}**`,
    categoryLabel(ctx.programme, report.category, ctx.locale),
    statusLabel(report.status, ctx.locale),
    formatDate(report.createdAt, ctx.locale, ctx.programme.timeZone),
  ];
  if (withHandler) parts.push(report.handler ? mention(report.handler) : translate(ctx.locale, 'report.list.untaken'));
  return `- ${parts.join(' · ')}`;
}

async function recordShown(ctx: UseCaseContext, report: Report): Promise<void> {
  await updateReport(ctx.ports, ctx.community, report.reference, (stored) => ({
    report: stored,
    events: [{ kind: 'shown', actor: ctx.actor.id.userId, detail: 'command' }],
  }));
}

/** One report, as its reader may see it: the reporter their text, status and conversation; handlers everything but the history. */
async function showOne(ctx: UseCaseContext, typed: string): Promise<Reply> {
  const { report, access } = await findVisibleReport(ctx, typed);
  const binome = report.binomeId ? await ctx.ports.binomes.find(ctx.community, report.binomeId) : undefined;
  await recordShown(ctx, report);
  const handling = access === 'handling';
  const thread = threadView(report, ctx.locale, handling, ctx.programme.timeZone);
  const head = handling
    ? handlingView(report, binome, ctx.programme, ctx.locale)
    : [
        translate(ctx.locale, 'report.view.title', { reference: report.reference }),
        translate(ctx.locale, 'report.view.status', {
          status: statusLabel(report.status, ctx.locale),
          date: formatDate(report.createdAt, ctx.locale, ctx.programme.timeZone),
        }),
        ...(report.description ? ['', quoted(report.description)] : []),
      ].join('\n');
  const resolution = report.resolution ? `\n\n${translate(ctx.locale, 'report.view.resolution')}\n${quoted(report.resolution)}` : '';
  const text = [head, thread ? `\n${thread}` : '', resolution].join('');
  const buttons = isOpen(report) ? (handling ? handlingButtons(report, ctx.locale) : reporterButtons(report, ctx.locale)) : [];
  return { kind: 'messages', messages: [{ text, buttons }] };
}

/** `/mentorat mes-signalements`: my reports, or one of them. */
export async function showMyReports(ctx: UseCaseContext, reference: string | undefined): Promise<Reply> {
  if (reference) return showOne(ctx, reference);
  const mine = (await ctx.ports.reports.listByReporter(ctx.actor.id)).filter((report) => !report.purgedAt).sort(openFirst);
  if (mine.length === 0) return messages(translate(ctx.locale, 'report.mine.none'));
  return messages(
    [
      translate(ctx.locale, 'report.mine.title'),
      ...mine.map((report) => line(ctx, report, false)),
      '',
      translate(ctx.locale, 'report.mine.hint'),
    ].join('\n'),
  );
}

/** `/mentorat suivi`: the binômes I follow, and the reports I handle or may take, open first. */
export async function showFollowUp(ctx: UseCaseContext, reference: string | undefined): Promise<Reply> {
  if (reference) return showOne(ctx, reference);
  const me = ctx.actor.id.userId;
  const viewer = { userId: me, roles: ctx.actor.roles };
  const [binomes, reports] = await Promise.all([
    ctx.ports.binomes.listByCommunity(ctx.community),
    ctx.ports.reports.listByCommunity(ctx.community),
  ]);
  const followed = binomes.filter((binome) => isActiveBinome(binome) && binome.referent === me);
  const pairs = new Map(binomes.map((binome) => [binome.id, binome]));
  // A coordinator sees here only what was given to them; `/mentorat-admin signalements` lists the rest.
  const mine = reports
    .filter(
      (report) =>
        !report.purgedAt &&
        (report.handler === me ||
          report.recipients.includes(me) ||
          (reportAccess(viewer, report, pairs.get(report.binomeId ?? '')) === 'handling' &&
            report.route === 'coordinators' &&
            !report.handler)),
    )
    .sort(openFirst);
  const binomeLines = followed.map((binome) =>
    translate(ctx.locale, 'report.followUp.binome', {
      mentee: mention(binome.mentee),
      mentor: mention(binome.mentor),
      date: formatDate(binome.createdAt, ctx.locale, ctx.programme.timeZone),
    }),
  );
  return messages(
    [
      translate(ctx.locale, 'report.followUp.binomes', { count: followed.length }),
      ...binomeLines,
      '',
      translate(ctx.locale, 'report.followUp.reports', { count: mine.filter(isOpen).length }),
      ...mine.slice(0, LISTED).map((report) => line(ctx, report, true)),
      ...(mine.length > 0 ? ['', translate(ctx.locale, 'report.followUp.hint')] : []),
    ].join('\n'),
  );
}

export interface ReportFilters {
  readonly status?: ReportStatus;
  readonly category?: string;
}

const CSV_HEADER = [
  'reference',
  'category',
  'status',
  'route',
  'binome',
  'handler',
  'contact',
  'created_at',
  'resolved_at',
  'messages',
  'notes',
];

/** The CSV for coordinators: every report's facts and counts, never a text nor the reporter. */
export function reportsToCsv(reports: readonly Report[]): string {
  const rows = reports.map((report) =>
    [
      report.reference,
      report.category,
      report.status,
      report.route,
      report.binomeId ?? '',
      report.handler ?? '',
      report.contact ? 'yes' : 'no',
      report.createdAt,
      report.resolvedAt ?? '',
      report.conversation.length,
      report.notes.length,
    ]
      .map((cell) => csvCell(cell))
      .join(','),
  );
  return [CSV_HEADER.join(','), ...rows].join('\n').concat('\n');
}

/** `/mentorat-admin signalements`: counts by status and category, the list, and a CSV without texts. */
export async function listReports(ctx: UseCaseContext, filters: ReportFilters): Promise<Reply> {
  const [reports, binomes] = await Promise.all([
    ctx.ports.reports.listByCommunity(ctx.community),
    ctx.ports.binomes.listByCommunity(ctx.community),
  ]);
  const pairs = new Map(binomes.map((binome) => [binome.id, binome]));
  const viewer = { userId: ctx.actor.id.userId, roles: ctx.actor.roles };
  const all = reports.filter((report) => reportAccess(viewer, report, pairs.get(report.binomeId ?? '')) === 'handling');
  const shown = all
    .filter(
      (report) => (!filters.status || report.status === filters.status) && (!filters.category || report.category === filters.category),
    )
    .sort(openFirst);
  const byStatus = (status: ReportStatus) => all.filter((report) => report.status === status).length;
  const counts = translate(ctx.locale, 'report.admin.counts', {
    total: all.length,
    received: byStatus('received'),
    inProgress: byStatus('in-progress'),
    resolved: byStatus('resolved'),
  });
  const categories = ctx.programme.reports.categories
    .map((category) => ({ label: category.label[ctx.locale], count: all.filter((report) => report.category === category.id).length }))
    .filter((entry) => entry.count > 0)
    .map((entry) => `${entry.label} : ${entry.count}`);
  const body =
    shown.length === 0
      ? translate(ctx.locale, 'report.admin.none')
      : shown
          .slice(0, LISTED)
          .map((report) => line(ctx, report, true))
          .join('\n');
  const more = shown.length > LISTED ? [translate(ctx.locale, 'report.admin.more', { count: shown.length - LISTED })] : [];
  return {
    kind: 'messages',
    messages: [
      {
        text: [counts, categories.join(' · '), '', body, ...more, '', translate(ctx.locale, 'report.admin.hint')]
          .filter((part, index) => index !== 1 || part)
          .join('\n'),
        attachments: [{ name: 'signalements.csv', mimeType: 'text/csv', content: reportsToCsv(shown) }],
      },
    ],
  };
}

/** What an event's code means, in words (`dm` → "by direct message"); an unknown code stays as it is. */
function detailLabel(detail: string, locale: Locale): string {
  const known = EVENT_DETAILS.find((code) => code === detail);
  return known ? `(${translate(locale, `report.detail.${known}`)})` : `(${detail})`;
}

/** `/mentorat-admin signalement reference:…`: the whole report with its history, for coordinators. */
export async function showReportHistory(ctx: UseCaseContext, typed: string): Promise<Reply> {
  const reply = await showOne(ctx, typed);
  const { report } = await findVisibleReport(ctx, typed);
  const history = report.history.map((event) =>
    translate(ctx.locale, 'report.history.line', {
      date: formatDate(event.at, ctx.locale, ctx.programme.timeZone),
      time: event.at.slice(11, 16),
      event: translate(ctx.locale, `report.event.${event.kind}`),
      who: event.actor ? mention(event.actor) : translate(ctx.locale, 'report.history.nobody'),
      detail: [event.detail ? detailLabel(event.detail, ctx.locale) : '', event.to ? mention(event.to) : ''].filter(Boolean).join(' '),
    }),
  );
  if (reply.kind !== 'messages') return reply;
  return { ...reply, messages: [...reply.messages, { text: [translate(ctx.locale, 'report.history.title'), ...history].join('\n') }] };
}
