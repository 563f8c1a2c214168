import { ComponentType, type ModalSubmitInteraction, type StringSelectMenuInteraction } from 'discord.js';
import { fieldErrorLines } from '../../core/forms/field-error';
import type { FormField, FormSpec, FormValues, RawFormValue } from '../../core/forms/form-types';
import { translate } from '../../core/i18n/translate';
import { participantIdOf } from '../../core/identity';
import type { DeliveredMessage, Delivery, Dispatcher } from '../../dispatch/dispatcher';
import type { FormDraft, FormDraftRepository } from '../../store/form-draft-repository';
import { formById } from '../command-forms';
import { textPayload } from './discord-message';
import { createStepViews } from './form-step-views';
import { currentStep, unanswered } from './form-steps';
import type { InteractionScope } from './interaction-scope';
import type { StepTarget } from './step-ids';

export interface FormStepFlowOptions {
  readonly dispatcher: Dispatcher;
  readonly drafts: FormDraftRepository;
  /** Shows the answer to a finished form (its messages), as any command answer is shown. */
  readonly showMessages: (scope: InteractionScope, messages: readonly DeliveredMessage[], replace: boolean) => Promise<void>;
}

/** Turns a form's initial values (numbers, flags, lists) into what the steps collect. */
function rawValues(values: FormValues): Record<string, RawFormValue> {
  const raw: Record<string, RawFormValue> = {};
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) continue;
    raw[key] = typeof value === 'number' ? String(value) : value;
  }
  return raw;
}

/**
 * A form too long for one Discord modal, asked in steps: modals for what is typed, messages
 * with select menus for choices. Answers are kept in a draft between steps (and restarts),
 * then the whole form is submitted once and validated by the same schema as everywhere.
 */
export function createFormStepFlow(options: FormStepFlowOptions) {
  const { dispatcher, drafts } = options;
  const formOf = (scope: InteractionScope, formId: string): FormSpec | undefined =>
    formById(dispatcher.commands, dispatcher.programmeFor(scope.community), formId);
  const participant = (scope: InteractionScope) => participantIdOf(scope.community, scope.actor.userId);

  /** Shows the step the draft is at, or submits the form when every step is done. */
  async function showCurrent(scope: InteractionScope, form: FormSpec, draft: FormDraft, notice?: string): Promise<void> {
    const position = currentStep(form, draft.values, draft.confirmed);
    if (!position) return submit(scope, form, draft);
    const views = createStepViews(scope, form);
    if (position.step.kind === 'selects') return scope.answer.show(views.selects(draft, position, notice), { replace: true });
    if (scope.answer.canOpenModal && notice === undefined) return scope.answer.openModal(views.modal(draft, position.step, position));
    return scope.answer.show(views.openModal(position, notice), { replace: true });
  }

  async function submit(scope: InteractionScope, form: FormSpec, draft: FormDraft): Promise<void> {
    const result = await dispatcher.dispatch({
      community: scope.community,
      actor: scope.actor,
      locale: scope.platformLocale,
      invocation: { type: 'submit', formId: form.id, values: draft.values },
      responder: scope.responder,
    });
    const delivery: Delivery = result.delivery;
    const views = createStepViews(scope, form);
    if (result.failed && delivery.kind === 'messages') {
      // Nothing was saved, and nothing typed is lost: the draft stays, one click tries again.
      return scope.answer.show(views.retry(delivery.messages.map((message) => message.text)), { replace: true });
    }
    switch (delivery.kind) {
      case 'messages':
        await drafts.remove(participant(scope), form.id);
        return options.showMessages(scope, delivery.messages, true);
      case 'form':
        return start(scope, delivery.form, delivery.initial);
      case 'form-rejected': {
        // The fields in error are asked again; everything else is kept as typed.
        const wrong = new Set(delivery.errors.map((error) => error.field));
        await drafts.save({ ...draft, confirmed: draft.confirmed.filter((key) => !wrong.has(key)) });
        const [first, ...others] = delivery.messages;
        const errors = fieldErrorLines(delivery.form, delivery.errors, scope.locale);
        const text = [first?.text ?? '', ...errors, translate(scope.locale, 'steps.fixHint')].filter(Boolean).join('\n');
        await scope.answer.show(views.fix(text), { replace: true });
        if (others.length > 0) await options.showMessages(scope, others, false);
      }
    }
  }

  /** Opens a form: what was typed in an unfinished draft wins over the stored values. */
  async function start(scope: InteractionScope, form: FormSpec, initial: FormValues): Promise<void> {
    const existing = await drafts.find(participant(scope), form.id);
    const values: Record<string, RawFormValue> = { ...rawValues(initial), ...(existing?.values ?? {}) };
    const draft = await drafts.save({ participant: participant(scope), formId: form.id, values, confirmed: [] });
    await showCurrent(scope, form, draft);
  }

  async function draftFor(scope: InteractionScope, target: StepTarget): Promise<{ form: FormSpec; draft: FormDraft } | undefined> {
    const form = formOf(scope, target.formId);
    const draft = form ? await drafts.find(participant(scope), form.id) : undefined;
    if (form && draft) return { form, draft };
    await scope.answer.show(textPayload(translate(scope.locale, 'steps.expired')), { replace: true });
    return undefined;
  }

  function selectedValue(field: FormField | undefined, values: readonly string[]): RawFormValue | undefined {
    if (values.length === 0) return undefined;
    if (field?.kind === 'consent') return values[0] === 'yes';
    if (field?.kind === 'multi-choice') return [...values];
    return values[0];
  }

  async function onSelect(scope: InteractionScope, target: StepTarget, interaction: StringSelectMenuInteraction): Promise<void> {
    const found = await draftFor(scope, target);
    if (!found || target.field === undefined) return;
    const field = found.form.fields.find((candidate) => candidate.key === target.field);
    const values: Record<string, RawFormValue> = { ...found.draft.values };
    const value = selectedValue(field, interaction.values);
    if (value === undefined) delete values[target.field];
    else values[target.field] = value;
    const draft = await drafts.save({ ...found.draft, values });
    // Choosing a role can bring other menus into this step: show it again as it now is.
    await showCurrent(scope, found.form, draft);
  }

  async function onNext(scope: InteractionScope, target: StepTarget): Promise<void> {
    const found = await draftFor(scope, target);
    if (!found) return;
    const { form, draft } = found;
    const position = currentStep(form, draft.values, draft.confirmed);
    if (!position) return submit(scope, form, draft);
    const missing = unanswered(position.step, draft.values);
    if (position.step.kind === 'selects' && missing.length > 0) {
      const names = missing.map((field) => field.label[scope.locale]).join(', ');
      const notice = translate(scope.locale, 'steps.missing', { fields: names });
      return scope.answer.show(createStepViews(scope, form).selects(draft, position, notice), { replace: true });
    }
    if (position.step.kind === 'modal') return showCurrent(scope, form, draft);
    const confirmed = [...new Set([...draft.confirmed, ...position.step.fields.map((field) => field.key)])];
    await showCurrent(scope, form, await drafts.save({ ...draft, confirmed }));
  }

  async function onResume(scope: InteractionScope, target: StepTarget): Promise<void> {
    const found = await draftFor(scope, target);
    if (found) await showCurrent(scope, found.form, found.draft);
  }

  async function onCancel(scope: InteractionScope, target: StepTarget): Promise<void> {
    await drafts.remove(participant(scope), target.formId);
    await scope.answer.show(textPayload(translate(scope.locale, 'steps.cancelled')), { replace: true });
  }

  async function onModal(scope: InteractionScope, target: StepTarget, interaction: ModalSubmitInteraction): Promise<void> {
    const found = await draftFor(scope, target);
    if (!found) return;
    const values: Record<string, RawFormValue> = { ...found.draft.values };
    const typed: string[] = [];
    for (const [key, component] of interaction.fields.fields) {
      if (component.type !== ComponentType.TextInput) continue;
      typed.push(key);
      const text = component.value.trim();
      if (text === '') delete values[key];
      else values[key] = text;
    }
    const confirmed = [...new Set([...found.draft.confirmed, ...typed])];
    await showCurrent(scope, found.form, await drafts.save({ ...found.draft, values, confirmed }));
  }

  return { start, onSelect, onNext, onResume, onCancel, onModal };
}

export type FormStepFlow = ReturnType<typeof createFormStepFlow>;
