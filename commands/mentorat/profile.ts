import { defineCommand } from '../../src/core/command';
import { openEnrolmentForm } from '../../src/core/participants/enrol';
import { buildEnrolmentForm } from '../../src/core/participants/enrolment-form';
import { showProfile } from '../../src/core/participants/profile';
import { noOptions } from '../no-options';

export const profileCommand = defineCommand({
  id: 'mentorat.profile',
  group: 'mentorat',
  name: { fr: 'profil', en: 'profile' },
  description: 'command.mentorat.profile.description',
  audience: 'everyone',
  options: [],
  input: noOptions,
  run: (ctx) => showProfile(ctx),
  /** The "edit" button reopens the enrolment form, filled in: its submission goes to `mentorat.enrol`. */
  actions: { edit: (ctx) => openEnrolmentForm(ctx) },
  actionForms: { edit: buildEnrolmentForm },
});
