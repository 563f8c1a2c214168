import { localDate } from '../calendar';
import type { UseCaseContext } from '../context';
import { requireOpenEnrolment } from '../cycles/cycle-gates';
import { ensureWeeklyDigest } from '../digest/digest-job';
import { UserError } from '../errors';
import { validateForm } from '../forms/form-schema';
import type { RawFormValues } from '../forms/form-types';
import { parseRawValues } from '../forms/raw-input';
import { translate } from '../i18n/translate';
import { programmeText } from '../programme/content';
import type { Reply } from '../reply';
import { binomeCommitments, conflictWithCommitments } from './binome-commitments';
import { checkMenteeEligibility } from './eligibility';
import type { Enrolment, Profile } from './enrolment';
import { buildEnrolmentForm } from './enrolment-form';
import { summarizeAnswers } from './profile-summary';
import { formValuesOf, profileFromForm } from './profile-values';

/** Opens the enrolment form, filled with the current answers when the person is already enrolled. */
export async function openEnrolmentForm(ctx: UseCaseContext): Promise<Reply> {
  const form = buildEnrolmentForm(ctx.programme);
  const existing = await ctx.ports.enrolments.find(ctx.actor.id);
  if (!isActive(existing)) await requireOpenEnrolment(ctx);
  return { kind: 'form', form, initial: existing ? formValuesOf(existing) : { name: ctx.actor.displayName } };
}

/** Someone enrolled keeps editing their profile in any state of the cycle; a new enrolment (or a return) needs it open. */
const isActive = (enrolment: Enrolment | undefined): boolean => enrolment?.status === 'active';

function rejected(reply: Omit<Extract<Reply, { kind: 'form-rejected' }>, 'kind'>): Reply {
  return { kind: 'form-rejected', ...reply };
}

/**
 * Validates and stores an enrolment. Nothing is written unless every field is valid and a
 * mentoré is eligible; a second enrolment of the same person replaces the first, unless running
 * binômes rest on what it would change (their role, a mentor's capacity below the binômes held).
 */
export async function submitEnrolment(ctx: UseCaseContext, raw: RawFormValues): Promise<Reply> {
  const existing = await ctx.ports.enrolments.find(ctx.actor.id);
  // Before the answers are checked: nobody should fix a form that cannot be accepted.
  if (!isActive(existing)) await requireOpenEnrolment(ctx);
  const form = buildEnrolmentForm(ctx.programme);
  const values = parseRawValues(form, raw);
  const validation = validateForm(form, values);
  if (!validation.ok) {
    return rejected({ form, values, errors: validation.errors, messages: [{ text: translate(ctx.locale, 'enrol.rejected.invalid') }] });
  }
  const profile: Profile = profileFromForm(validation.values);
  const now = ctx.ports.clock.now();
  if (profile.role === 'mentee') {
    const eligibility = checkMenteeEligibility(profile, ctx.programme.eligibility, localDate(now, ctx.programme.timeZone));
    if (!eligibility.eligible) {
      return rejected({
        form,
        values,
        errors: eligibility.errors,
        messages: [{ text: translate(ctx.locale, 'enrol.rejected.ineligible') }],
      });
    }
  }

  // Only a change can break running binômes: a first enrolment holds none.
  if (existing) {
    const commitments = binomeCommitments(await ctx.ports.binomes.listByCommunity(ctx.community));
    const conflict = conflictWithCommitments(profile, commitments, ctx.actor.id.userId);
    if (conflict?.kind === 'role')
      throw new UserError(conflict.held === 'mentor' ? 'enrol.refused.stillMentor' : 'enrol.refused.stillMentee');
    if (conflict?.kind === 'capacity') throw new UserError('enrol.refused.capacity', { held: conflict.held, capacity: conflict.capacity });
  }
  const timestamp = now.toISOString();
  const enrolment: Enrolment = {
    schemaVersion: 3,
    participant: ctx.actor.id,
    status: 'active',
    revision: (existing?.revision ?? 0) + 1,
    locale: ctx.locale,
    profile,
    // Every accepted form carries both consents: the dates say when they were last given.
    consents: {
      pillars: timestamp,
      dataNotice: timestamp,
      dataNoticeText: programmeText(ctx.programme.texts.dataNotice, ctx.programme, ctx.locale),
    },
    pairAgain: validation.values.pairAgain === 'yes',
    enrolledAt: existing?.enrolledAt ?? timestamp,
    updatedAt: timestamp,
  };
  await ctx.ports.enrolments.save(enrolment);
  // A community's life starts with its first enrolments: its weekly digest is planned from then on.
  if (!existing) await ensureWeeklyDigest(ctx.ports, ctx.community, ctx.programme, new Date(enrolment.enrolledAt));

  const headline = existing
    ? translate(ctx.locale, existing.status === 'withdrawn' ? 'enrol.rejoined' : 'enrol.updated')
    : translate(ctx.locale, profile.role === 'mentor' ? 'enrol.saved.mentor' : 'enrol.saved.mentee');
  const summary = summarizeAnswers(form, formValuesOf(enrolment), ctx.locale);
  return { kind: 'messages', messages: [{ text: `${headline}\n\n${summary}\n\n${translate(ctx.locale, 'enrol.nextSteps')}` }] };
}
