import { z } from 'zod';
import { defineCommand } from '../../src/core/command';
import type { FormSpec } from '../../src/core/forms/form-types';
import { literal, mention, messages, type OutgoingMessage } from '../../src/core/reply';

/**
 * `/mentorat essai`: a test-only command whose buttons travel on messages the bot sends by itself
 * (a DM, a post in a space), as a report's do, without depending on the report commands. Its
 * answers say who acted, with which roles, in which community, so a test sees what the adapter read.
 */
export const CASE_COMMAND_ID = 'mentorat.essai';

const noteForm: FormSpec = {
  id: CASE_COMMAND_ID,
  title: { fr: 'Note', en: 'Note' },
  fields: [
    {
      kind: 'text',
      key: 'texte',
      label: { fr: 'Votre note', en: 'Your note' },
      required: true,
      minLength: 1,
      maxLength: 500,
      multiline: true,
    },
  ],
};

/** A case with three buttons: take (shared in a space), note (opens a form), reply (its recipient's only). */
export function caseMessage(reference: string): OutgoingMessage {
  const button = (action: string, label: string) => ({
    action,
    label,
    style: 'secondary' as const,
    args: [reference],
    command: CASE_COMMAND_ID,
  });
  return { text: `Dossier ${reference}`, buttons: [button('take', 'Prendre'), button('note', 'Noter'), button('reply', 'Répondre')] };
}

const rolesOf = (roles: ReadonlySet<string>) => [...roles].sort().join('+') || 'member';

export const caseCommand = defineCommand({
  id: CASE_COMMAND_ID,
  group: 'mentorat',
  name: { fr: 'essai', en: 'trial' },
  description: 'command.mentorat.help.description',
  audience: 'everyone',
  options: [
    {
      key: 'personne',
      name: { fr: 'personne', en: 'person' },
      description: 'option.help.command.description',
      required: false,
      choices: [],
      kind: 'user',
    },
    {
      key: 'membres',
      name: { fr: 'membres', en: 'members' },
      description: 'option.help.command.description',
      required: false,
      choices: [],
    },
  ],
  input: z.object({ personne: z.string().optional(), membres: z.string().optional() }),
  // The terminal has no port to call from outside: the command sends the case itself.
  run: async (ctx, input) => {
    if (input.personne) await ctx.ports.chat.sendDirectMessage(ctx.community, input.personne, caseMessage('D-1'));
    if (input.membres) {
      const memberIds = input.membres.split(',').map((name) => name.trim());
      const opened = await ctx.ports.chat.openPrivateSpace(ctx.community, { key: 'coordination', name: 'Coordination', memberIds });
      if (opened.ok) await ctx.ports.chat.postInSpace(ctx.community, opened.space.id, caseMessage('D-2'));
    }
    return messages('envoyé');
  },
  actions: {
    take: async (ctx, [reference]) =>
      messages(`${reference} pris par ${mention(ctx.actor.id.userId)} (${rolesOf(ctx.actor.roles)}) dans ${ctx.community.id}`),
    note: async () => ({ kind: 'form', form: noteForm, initial: {} }),
    reply: async (ctx, [reference]) => messages(`${reference} : réponse de ${mention(ctx.actor.id.userId)}`),
  },
  sharedActions: ['take'],
  actionForms: { note: () => noteForm },
  submit: async (ctx, values) =>
    messages(`note de ${mention(ctx.actor.id.userId)} dans ${ctx.community.id} : ${literal(String(values.texte ?? ''))}`),
});
