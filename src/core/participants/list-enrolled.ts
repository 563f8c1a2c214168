import type { UseCaseContext } from '../context';
import { translate } from '../i18n/translate';
import { literal, type Reply } from '../reply';
import type { Enrolment } from './enrolment';
import { enrolmentsToCsv } from './enrolment-csv';

/** Names shown in the chat answer; the attached CSV holds everyone. */
const LISTED_IN_CHAT = 20;

function describe(enrolment: Enrolment, ctx: UseCaseContext): string {
  const { profile } = enrolment;
  const role = translate(ctx.locale, `role.${profile.role}`);
  const capacity = profile.role === 'mentor' ? translate(ctx.locale, 'enrolled.capacity', { capacity: profile.capacity }) : '';
  return `- ${literal(profile.name)} (${role}${capacity}) — ${literal(profile.affiliation)}`;
}

export async function listEnrolled(ctx: UseCaseContext): Promise<Reply> {
  const enrolments = await ctx.ports.enrolments.listByCommunity(ctx.community);
  const active = enrolments.filter((enrolment) => enrolment.status === 'active');
  const mentors = active.filter((enrolment) => enrolment.profile.role === 'mentor');
  const slots = mentors.reduce((total, enrolment) => total + (enrolment.profile.role === 'mentor' ? enrolment.profile.capacity : 0), 0);
  const counts = translate(ctx.locale, 'enrolled.counts', {
    mentors: mentors.length,
    mentees: active.length - mentors.length,
    slots,
    withdrawn: enrolments.length - active.length,
  });
  const listed = active.slice(0, LISTED_IN_CHAT).map((enrolment) => describe(enrolment, ctx));
  const more = active.length > LISTED_IN_CHAT ? [translate(ctx.locale, 'enrolled.more', { count: active.length - LISTED_IN_CHAT })] : [];
  const body = active.length === 0 ? translate(ctx.locale, 'enrolled.none') : [...listed, ...more].join('\n');
  return {
    kind: 'messages',
    messages: [
      {
        text: `${counts}\n\n${body}`,
        attachments: [{ name: 'inscrits.csv', mimeType: 'text/csv', content: enrolmentsToCsv(enrolments) }],
      },
    ],
  };
}
