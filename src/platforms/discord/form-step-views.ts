import { ComponentType } from 'discord.js';
import type { FormField, FormSpec } from '../../core/forms/form-types';
import { type MessageKey, type ParamsArgument, translate } from '../../core/i18n/translate';
import type { FormDraft } from '../../store/form-draft-repository';
import { button, type MessageRow, modal, type SelectLabels, selectMenu, textInput } from './discord-components';
import { type MessagePayload, textPayload } from './discord-message';
import type { FormStep, StepPosition } from './form-steps';
import type { InteractionScope } from './interaction-scope';
import { encodeStepId, type StepTarget } from './step-ids';

const MAX_CONTENT = 2000;

function clipContent(text: string): string {
  return text.length <= MAX_CONTENT ? text : `${text.slice(0, MAX_CONTENT - 1)}…`;
}

/** What a form asked in steps shows one person: each step's message or modal, and what ends or retries it. */
export interface StepViews {
  /** A step of choices: one select menu per field, then Continue and Cancel. */
  selects(draft: FormDraft, position: StepPosition, notice?: string): MessagePayload;
  /** A step of typed fields, when a modal cannot open straight away: a button opens it. */
  openModal(position: StepPosition, notice?: string): MessagePayload;
  modal(draft: FormDraft, step: FormStep, position: StepPosition): ReturnType<typeof modal>;
  /** The store failed: nothing was saved, the draft is kept, one click tries again. */
  retry(texts: readonly string[]): MessagePayload;
  /** The form was refused: what was wrong, and a button to fix those fields. */
  fix(text: string): MessagePayload;
}

export function createStepViews(scope: InteractionScope, form: FormSpec): StepViews {
  const { locale } = scope;
  const t = <K extends MessageKey>(key: K, ...params: ParamsArgument<K>) => translate(locale, key, ...params);
  const idFor = (action: StepTarget['action'], field?: string) =>
    encodeStepId({ action, formId: form.id, owner: scope.actor.userId, ...(field === undefined ? {} : { field }) });
  const heading = (position: StepPosition) =>
    `**${form.title[locale]}** — ${t('steps.progress', { step: position.number, total: position.total })}`;
  const cancelButton = () => button(idFor('cancel'), t('steps.cancel'), 'secondary');
  const buttonsRow = (action: StepTarget['action'], label: string): MessageRow => ({
    type: ComponentType.ActionRow,
    components: [button(idFor(action), label, 'primary'), cancelButton()],
  });

  function describeField(field: FormField): string {
    const hint = field.hint?.[locale];
    const lines = [`**${field.label[locale]}**${hint ? ` — ${hint}` : ''}${field.required ? '' : ` (${t('steps.optional')})`}`];
    if (field.kind === 'consent') lines.push(`> ${field.statement[locale]}`);
    const details = field.details?.[locale];
    if (details) lines.push(details);
    return lines.join('\n');
  }

  function selects(draft: FormDraft, position: StepPosition, notice?: string): MessagePayload {
    const labels: SelectLabels = { optional: t('steps.optional'), accept: t('steps.consent.accept'), decline: t('steps.consent.decline') };
    const rows: MessageRow[] = position.step.fields.map((field) => ({
      type: ComponentType.ActionRow,
      components: [selectMenu(idFor('select', field.key), field, draft.values[field.key], locale, labels)],
    }));
    rows.push(buttonsRow('next', t('steps.continue')));
    const parts = [heading(position), t('steps.choose'), ...position.step.fields.map(describeField)];
    if (notice) parts.push(notice);
    return textPayload(clipContent(parts.join('\n\n')), rows);
  }

  function openModal(position: StepPosition, notice?: string): MessagePayload {
    const parts = [heading(position), ...(notice ? [notice] : []), t('steps.nextIsText')];
    return textPayload(clipContent(parts.join('\n\n')), [buttonsRow('open', t('steps.open'))]);
  }

  function stepModal(draft: FormDraft, step: FormStep, position: StepPosition) {
    const title = `${form.title[locale]} (${position.number}/${position.total})`;
    return modal(
      idFor('modal'),
      title,
      step.fields.map((field) => textInput(field, draft.values[field.key], locale)),
    );
  }

  return {
    selects,
    openModal,
    modal: stepModal,
    retry: (texts) => textPayload(clipContent([...texts, t('steps.keptForRetry')].join('\n')), [buttonsRow('fix', t('steps.retry'))]),
    fix: (text) => textPayload(clipContent(text), [buttonsRow('fix', t('steps.fix'))]),
  };
}
