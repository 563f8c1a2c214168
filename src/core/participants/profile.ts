import type { UseCaseContext } from '../context';
import { UserError } from '../errors';
import { formatDate } from '../i18n/format-date';
import { translate } from '../i18n/translate';
import type { Reply } from '../reply';
import { buildEnrolmentForm } from './enrolment-form';
import { summarizeAnswers } from './profile-summary';
import { formValuesOf } from './profile-values';

export async function showProfile(ctx: UseCaseContext): Promise<Reply> {
  const enrolment = await ctx.ports.enrolments.find(ctx.actor.id);
  if (!enrolment) throw new UserError('profile.notEnrolled');
  const { locale } = ctx;
  const status = translate(locale, enrolment.status === 'active' ? 'profile.status.active' : 'profile.status.withdrawn', {
    date: formatDate(enrolment.updatedAt, locale, ctx.programme.timeZone),
  });
  const summary = summarizeAnswers(buildEnrolmentForm(ctx.programme), formValuesOf(enrolment), locale);
  return {
    kind: 'messages',
    messages: [
      {
        text: `${translate(locale, 'profile.title')}\n${status}\n\n${summary}\n\n${translate(locale, enrolment.status === 'active' ? 'profile.howToChange' : 'profile.howToReturn')}`,
        buttons: [{ action: 'edit', label: translate(locale, 'profile.button.edit'), style: 'primary', args: [] }],
      },
    ],
  };
}
