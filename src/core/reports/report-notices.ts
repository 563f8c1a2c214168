import type { Binome } from '../binomes/binome';
import type { Locale } from '../i18n/locale';
import { translate } from '../i18n/translate';
import type { Programme } from '../programme/programme-schema';
import { mention, type OutgoingMessage } from '../reply';
import { ESCALATION_REASONS, type EscalationReason, type Report, type ReportEvent } from './report';
import { handlingButtons, handlingView, quoted, reporterButtons, statusLabel } from './report-texts';

/** The message an event of the conversation added: written in the same change, just before it was dated. */
function messageOf(report: Report, event: ReportEvent, from: 'reporter' | 'handler') {
  return report.conversation.filter((entry) => entry.from === from && entry.at <= event.at).at(-1);
}

/** What the reporter reads about an event: never a note, never who else received it. */
export function reporterNotice(report: Report, event: ReportEvent, locale: Locale): OutgoingMessage | undefined {
  const reference = report.reference;
  switch (event.kind) {
    case 'taken':
      return { text: translate(locale, 'report.notice.taken', { reference, status: statusLabel('in-progress', locale) }) };
    case 'replied': {
      const message = messageOf(report, event, 'handler');
      if (!message) return undefined;
      return {
        text: `${translate(locale, 'report.notice.reply', { reference })}\n${quoted(message.text)}\n\n${translate(locale, 'report.notice.replyHint', { reference })}`,
        buttons: reporterButtons(report, locale),
      };
    }
    case 'resolved':
      return {
        text: [
          translate(locale, 'report.notice.resolved', { reference, status: statusLabel('resolved', locale) }),
          ...(report.resolution ? [quoted(report.resolution)] : []),
        ].join('\n'),
      };
    case 'escalated':
      return { text: translate(locale, 'report.notice.escalated', { reference }) };
    case 'reassigned':
      return { text: translate(locale, 'report.notice.reassigned', { reference }) };
    default:
      return undefined;
  }
}

/** The headline above the report for those who handle it, by what happened. */
function handlingHeadline(report: Report, event: ReportEvent, locale: Locale): string {
  const reference = report.reference;
  switch (event.kind) {
    case 'filed':
      return translate(locale, 'report.handling.new', { reference });
    case 'escalated':
      return translate(locale, `report.handling.escalated.${escalationReason(event.detail)}`, {
        reference,
        person: event.actor ? mention(event.actor) : '',
      });
    case 'taken':
      return translate(locale, 'report.handling.taken', { reference, person: event.actor ? mention(event.actor) : '' });
    case 'reporter-replied':
      return translate(locale, 'report.handling.reporterReplied', { reference });
    case 'reassigned':
      return translate(locale, 'report.handling.reassigned', { reference });
    case 'reminded':
      return translate(locale, 'report.handling.reminder', { reference });
    case 'closed-by-erasure':
      return translate(locale, 'report.handling.closedByErasure', { reference });
    default:
      return translate(locale, 'report.view.title', { reference });
  }
}

function escalationReason(detail: string | undefined): EscalationReason {
  return (ESCALATION_REASONS as readonly string[]).includes(detail ?? '') ? (detail as EscalationReason) : 'button';
}

/**
 * What a référent or the coordinators read about an event: the headline, then the whole report
 * (its text is part of it, so this counts as showing it), with the handling buttons while it is open.
 */
export function handlingNotice(
  report: Report,
  event: ReportEvent,
  binome: Binome | undefined,
  programme: Programme,
  locale: Locale,
): OutgoingMessage {
  const parts = [handlingHeadline(report, event, locale)];
  if (event.kind === 'escalated' && event.text) parts.push(translate(locale, 'report.handling.reason'), quoted(event.text));
  if (event.kind === 'reporter-replied') {
    const message = messageOf(report, event, 'reporter');
    if (message) parts.push(quoted(message.text));
  }
  if (event.kind === 'taken' || event.kind === 'closed-by-erasure') return { text: parts.join('\n') };
  parts.push('', handlingView(report, binome, programme, locale));
  return { text: parts.join('\n'), ...(report.status === 'resolved' ? {} : { buttons: handlingButtons(report, locale) }) };
}

/**
 * What the coordination space reads of a report someone in it must not read (see
 * `spaceMayShowText`): the headline and how to open it with a command, which asks the policy.
 */
export function guardedSpaceNotice(report: Report, event: ReportEvent, locale: Locale): OutgoingMessage {
  return {
    text: [handlingHeadline(report, event, locale), translate(locale, 'report.handling.openIt', { reference: report.reference })].join(
      '\n',
    ),
  };
}

/** Whether this notice puts the report's text in front of its reader (recorded in the history). */
export const showsText = (event: ReportEvent): boolean => event.kind !== 'taken' && event.kind !== 'closed-by-erasure';
