import { defineCommand } from '../../src/core/command';
import { openEnrolmentForm, submitEnrolment } from '../../src/core/participants/enrol';
import { buildEnrolmentForm } from '../../src/core/participants/enrolment-form';
import { noOptions } from '../no-options';

export const enrolCommand = defineCommand({
  id: 'mentorat.enrol',
  group: 'mentorat',
  name: { fr: 'inscription', en: 'enrol' },
  description: 'command.mentorat.enrol.description',
  audience: 'everyone',
  options: [],
  input: noOptions,
  form: buildEnrolmentForm,
  run: (ctx) => openEnrolmentForm(ctx),
  submit: (ctx, values) => submitEnrolment(ctx, values),
});
