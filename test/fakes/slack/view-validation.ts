/*
 * The view limits Slack enforces on views.open / update / push. A violation answers
 * {ok:false, error:'invalid_arguments', response_metadata:{messages:[…]}} with messages shaped like Slack's:
 * '[ERROR] must be less than 25 characters [json-pointer:/view/title/text]'.
 */
import { asArray, isRecord, stringField } from './json-values';

const OPTION_LIMITS: Record<string, number> = {
  static_select: 100,
  multi_static_select: 100,
  radio_buttons: 10,
  checkboxes: 10,
  overflow: 5,
};

export function validateView(view: unknown): string[] {
  const errors: string[] = [];
  const tooLong = (text: string | undefined, max: number, pointer: string): void => {
    if (text !== undefined && [...text].length > max)
      errors.push(`[ERROR] must be less than ${max + 1} characters [json-pointer:${pointer}]`);
  };
  if (!isRecord(view)) return ['[ERROR] missing required field: view [json-pointer:/view]'];
  if (view.type !== 'modal' && view.type !== 'home') errors.push('[ERROR] must be one of modal, home [json-pointer:/view/type]');
  for (const key of ['title', 'submit', 'close']) {
    if (view[key] === undefined) continue;
    if (stringField(view[key], 'type') !== 'plain_text') errors.push(`[ERROR] must be plain_text [json-pointer:/view/${key}/type]`);
    tooLong(stringField(view[key], 'text'), 24, `/view/${key}/text`);
  }
  if (view.type === 'modal' && view.title === undefined) errors.push('[ERROR] missing required field: title [json-pointer:/view]');
  tooLong(stringField(view, 'callback_id'), 255, '/view/callback_id');
  tooLong(stringField(view, 'private_metadata'), 3000, '/view/private_metadata');
  const blocks = asArray(view.blocks);
  if (blocks.length > 100) errors.push('[ERROR] no more than 100 items allowed [json-pointer:/view/blocks]');
  const blockIds = new Set<string>();
  blocks.forEach((block, index) => {
    const at = `/view/blocks/${index}`;
    const blockId = stringField(block, 'block_id');
    tooLong(blockId, 255, `${at}/block_id`);
    if (blockId !== undefined) {
      if (blockIds.has(blockId)) errors.push(`[ERROR] duplicate block_id: ${blockId} [json-pointer:${at}/block_id]`);
      blockIds.add(blockId);
    }
    if (!isRecord(block)) return;
    if (block.type === 'input') {
      if (block.label === undefined) errors.push(`[ERROR] missing required field: label [json-pointer:${at}]`);
      if (block.element === undefined) errors.push(`[ERROR] missing required field: element [json-pointer:${at}]`);
      tooLong(stringField(block.label, 'text'), 2000, `${at}/label/text`);
      tooLong(stringField(block.hint, 'text'), 2000, `${at}/hint/text`);
      if (view.type === 'modal' && view.submit === undefined) {
        errors.push('[ERROR] must provide a submit property when using input blocks [json-pointer:/view]');
      }
    }
    const elements: [unknown, string][] = [
      [block.element, `${at}/element`],
      [block.accessory, `${at}/accessory`],
      ...asArray(block.elements).map((element, i): [unknown, string] => [element, `${at}/elements/${i}`]),
    ];
    for (const [element, pointer] of elements) {
      if (isRecord(element)) errors.push(...validateElement(element, pointer));
    }
  });
  return [...new Set(errors)];
}

function validateElement(element: Record<string, unknown>, pointer: string): string[] {
  const errors: string[] = [];
  const actionId = stringField(element, 'action_id');
  if (actionId !== undefined && actionId.length > 255)
    errors.push(`[ERROR] must be less than 256 characters [json-pointer:${pointer}/action_id]`);
  const type = stringField(element, 'type') ?? '';
  if (type === 'plain_text_input' && typeof element.max_length === 'number' && element.max_length > 3000) {
    errors.push(`[ERROR] must be less than 3001 [json-pointer:${pointer}/max_length]`);
  }
  const limit = OPTION_LIMITS[type];
  if (limit === undefined) return errors;
  const options = asArray(element.options);
  if (options.length > limit) errors.push(`[ERROR] no more than ${limit} items allowed [json-pointer:${pointer}/options]`);
  options.forEach((option, i) => {
    const text = isRecord(option) ? stringField(option.text, 'text') : undefined;
    if (text !== undefined && [...text].length > 75) {
      errors.push(`[ERROR] must be less than 76 characters [json-pointer:${pointer}/options/${i}/text/text]`);
    }
    const value = stringField(option, 'value');
    if (value !== undefined && value.length > 150)
      errors.push(`[ERROR] must be less than 151 characters [json-pointer:${pointer}/options/${i}/value]`);
  });
  return errors;
}
