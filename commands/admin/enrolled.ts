import { defineCommand } from '../../src/core/command';
import { listEnrolled } from '../../src/core/participants/list-enrolled';
import { noOptions } from '../no-options';

export const enrolledCommand = defineCommand({
  id: 'admin.enrolled',
  group: 'mentorat-admin',
  name: { fr: 'inscrits', en: 'enrolled' },
  description: 'command.admin.enrolled.description',
  audience: 'coordinators',
  options: [],
  input: noOptions,
  run: (ctx) => listEnrolled(ctx),
});
