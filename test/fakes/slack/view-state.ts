/*
 * view.state.values as Slack sends it on view_submission: one entry per input block, keyed by block_id
 * then action_id, shaped by the element type. Built from simple answers by reading the view's blocks.
 */
import { asArray, asRecord, isRecord, type JsonObject, stringField } from './json-values';
import type { FakeView, ViewAnswers, ViewStateValues } from './types';

const TEXT_TYPES = new Set(['plain_text_input', 'email_text_input', 'url_text_input', 'number_input', 'rich_text_input']);
const SINGLE_SELECT_TYPES = new Set(['static_select', 'radio_buttons', 'external_select']);
const MULTI_SELECT_TYPES = new Set(['multi_static_select', 'checkboxes', 'multi_external_select']);
const PICKER_FIELDS: Record<string, string> = {
  users_select: 'selected_user',
  multi_users_select: 'selected_users',
  conversations_select: 'selected_conversation',
  multi_conversations_select: 'selected_conversations',
  channels_select: 'selected_channel',
  multi_channels_select: 'selected_channels',
  datepicker: 'selected_date',
  timepicker: 'selected_time',
};

export interface FoundElement {
  blockId: string;
  element: JsonObject;
  inInputBlock: boolean;
}

/** Every interactive element of a list of blocks, with its block_id. */
export function elementsOf(blocks: unknown): FoundElement[] {
  const found: FoundElement[] = [];
  for (const block of asArray(blocks)) {
    if (!isRecord(block)) continue;
    const blockId = stringField(block, 'block_id') ?? '';
    const candidates = [block.element, block.accessory, ...asArray(block.elements)];
    for (const element of candidates) {
      if (isRecord(element)) found.push({ blockId, element, inInputBlock: block.type === 'input' });
    }
  }
  return found;
}

export function findElement(blocks: unknown, actionId: string): FoundElement | undefined {
  return elementsOf(blocks).find((found) => found.element.action_id === actionId);
}

/** The option object as the view defined it (Slack echoes it back), or a plain one for an unknown value. */
export function optionFor(element: JsonObject | undefined, value: string): JsonObject {
  const options = [...asArray(element?.options), ...asArray(element?.option_groups).flatMap((group) => asArray(asRecord(group).options))];
  const option = options.find((candidate) => stringField(candidate, 'value') === value);
  return isRecord(option) ? option : { text: { type: 'plain_text', text: value, emoji: true }, value };
}

function emptyValue(type: string): JsonObject {
  if (TEXT_TYPES.has(type)) return { type, value: null };
  if (SINGLE_SELECT_TYPES.has(type)) return { type, selected_option: null };
  if (MULTI_SELECT_TYPES.has(type)) return { type, selected_options: [] };
  const field = PICKER_FIELDS[type];
  if (field !== undefined) return { type, [field]: field.endsWith('s') ? [] : null };
  return { type };
}

function answeredValue(element: JsonObject, answer: string | string[] | boolean, blockId: string): JsonObject {
  const type = stringField(element, 'type') ?? '';
  const options = (values: string[]): JsonObject[] => {
    const known = asArray(element.options).map((option) => stringField(option, 'value'));
    const unknown = values.filter((value) => known.length > 0 && !known.includes(value));
    if (unknown.length > 0) throw new Error(`stateFor: ${blockId} has no option ${unknown.join(', ')} (options: ${known.join(', ')})`);
    return values.map((value) => optionFor(element, value));
  };
  if (typeof answer === 'boolean') {
    if (type !== 'checkboxes') throw new Error(`stateFor: ${blockId} is a ${type}, not checkboxes`);
    return { type, selected_options: answer ? asArray(element.options) : [] };
  }
  const values = typeof answer === 'string' ? [answer] : answer;
  if (TEXT_TYPES.has(type)) return { type, value: values.join('\n') };
  if (SINGLE_SELECT_TYPES.has(type)) return { type, selected_option: options(values.slice(0, 1))[0] ?? null };
  if (MULTI_SELECT_TYPES.has(type)) return { type, selected_options: options(values) };
  const field = PICKER_FIELDS[type];
  if (field !== undefined) return { type, [field]: field.endsWith('s') ? values : (values[0] ?? null) };
  throw new Error(`stateFor: cannot answer a ${type} element (${blockId})`);
}

export function stateFor(view: FakeView, answers: ViewAnswers): ViewStateValues {
  const values: ViewStateValues = {};
  const elements = elementsOf(view.view.blocks);
  for (const blockId of Object.keys(answers)) {
    if (!elements.some((found) => found.blockId === blockId)) {
      throw new Error(`stateFor: no block ${blockId} in the view (blocks: ${elements.map((found) => found.blockId).join(', ')})`);
    }
  }
  for (const { blockId, element, inInputBlock } of elements) {
    const actionId = stringField(element, 'action_id') ?? '';
    const answer = answers[blockId];
    if (answer === undefined && !inInputBlock) continue;
    const type = stringField(element, 'type') ?? '';
    values[blockId] = { ...values[blockId], [actionId]: answer === undefined ? emptyValue(type) : answeredValue(element, answer, blockId) };
  }
  return values;
}
