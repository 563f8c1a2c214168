import type { Binome } from '../binomes/binome';
import { formatDate } from '../i18n/format-date';
import type { Locale } from '../i18n/locale';
import { translate } from '../i18n/translate';
import type { Programme } from '../programme/programme-schema';
import { type Button, literal, type MarkupText, mention } from '../reply';
import type { Report, ReportStatus } from './report';

export const REPORT_COMMANDS = {
  take: 'mentorat.report-take',
  reply: 'mentorat.report-reply',
  note: 'mentorat.report-note',
  resolve: 'mentorat.report-resolve',
  escalate: 'mentorat.report-escalate',
} as const;

export function categoryLabel(programme: Programme, category: string, locale: Locale): string {
  return programme.reports.categories.find((candidate) => candidate.id === category)?.label[locale] ?? category;
}

export const statusLabel = (status: ReportStatus, locale: Locale): string => translate(locale, `report.status.${status}`);

/** Quoted, line by line, so that what was typed never becomes markup. */
export function quoted(text: string): MarkupText {
  return text
    .split('\n')
    .map((line) => `> ${literal(line)}`)
    .join('\n');
}

function binomeLine(binome: Binome | undefined, locale: Locale): string {
  return binome
    ? translate(locale, 'report.view.binome', { mentee: mention(binome.mentee), mentor: mention(binome.mentor) })
    : translate(locale, 'report.view.noBinome');
}

/** The whole report, as those handling it see it (never shown to anyone else). */
export function handlingView(report: Report, binome: Binome | undefined, programme: Programme, locale: Locale): MarkupText {
  const lines = [
    translate(locale, 'report.view.title', { reference: report.reference }),
    translate(locale, 'report.view.category', { category: literal(categoryLabel(programme, report.category, locale)) }),
    report.reporter
      ? translate(locale, 'report.view.reporter', { person: mention(report.reporter) })
      : translate(locale, 'report.view.reporterErased'),
    binomeLine(binome, locale),
    translate(locale, report.contact ? 'report.view.contactYes' : 'report.view.contactNo'),
    translate(locale, 'report.view.status', {
      status: statusLabel(report.status, locale),
      date: formatDate(report.createdAt, locale, programme.timeZone),
    }),
    report.handler
      ? translate(locale, 'report.view.handler', { person: mention(report.handler) })
      : translate(locale, 'report.view.noHandler'),
  ];
  const text = report.description ? ['', quoted(report.description)] : ['', translate(locale, 'report.view.textErased')];
  return [...lines, ...text].join('\n');
}

/** The conversation and (for handlers) the notes, oldest first. */
export function threadView(report: Report, locale: Locale, withNotes: boolean, timeZone: string): MarkupText {
  const entries = [
    ...report.conversation.map((message) => ({
      at: message.at,
      line: translate(locale, message.from === 'reporter' ? 'report.thread.fromReporter' : 'report.thread.fromHandler', {
        date: formatDate(message.at, locale, timeZone),
      }),
      text: message.text,
    })),
    ...(withNotes
      ? report.notes.map((note) => ({
          at: note.at,
          line: translate(locale, 'report.thread.note', { person: mention(note.author), date: formatDate(note.at, locale, timeZone) }),
          text: note.text,
        }))
      : []),
  ].sort((a, b) => a.at.localeCompare(b.at));
  return entries.map((entry) => `${entry.line}\n${quoted(entry.text)}`).join('\n');
}

/** Buttons on a report delivered to those who handle it. */
export function handlingButtons(report: Report, locale: Locale): Button[] {
  const args = [report.reference];
  const button = (action: keyof typeof REPORT_COMMANDS, style: Button['style'] = 'secondary'): Button => ({
    action,
    label: translate(locale, `report.button.${action}`),
    style,
    args,
    command: REPORT_COMMANDS[action],
  });
  const untaken = report.status === 'received' || !report.handler;
  return [
    ...(untaken ? [button('take', 'primary')] : []),
    button('reply'),
    button('note'),
    button('resolve', 'danger'),
    button('escalate'),
  ];
}

/** The reporter's own button under a message from a handler. */
export function reporterButtons(report: Report, locale: Locale): Button[] {
  return [
    {
      action: 'reply',
      label: translate(locale, 'report.button.reply'),
      style: 'primary',
      args: [report.reference],
      command: REPORT_COMMANDS.reply,
    },
  ];
}
