import { z } from 'zod';
import { defineCommand } from '../../src/core/command';
import { chooseReferent } from '../../src/core/matching/pair-decisions';
import { personOption, personValue } from '../people-options';

export const setReferentCommand = defineCommand({
  id: 'admin.setReferent',
  group: 'mentorat-admin',
  name: { fr: 'changer-referent', en: 'set-referent' },
  description: 'command.admin.setReferent.description',
  audience: 'coordinators',
  options: [personOption('mentee', true), personOption('referent', true)],
  input: z.object({ mentee: personValue, referent: personValue }),
  run: (ctx, input) => chooseReferent(ctx, input),
});
