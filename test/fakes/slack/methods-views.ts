/* views.open, views.push (which exchange a fresh trigger_id) and views.update (by view_id or external_id, optional hash). */
import { isRecord, parseJsonField, stringField } from './json-values';
import { fail, type MethodHandler, ok, type Params, param } from './method-kit';
import { viewObject } from './slack-objects';
import type { FakeView } from './types';
import { validateView } from './view-validation';

function parsedView(params: Params): { view: Record<string, unknown> } | { error: Record<string, unknown> } {
  const view = parseJsonField(params.view);
  const messages = validateView(view);
  if (messages.length > 0 || !isRecord(view)) return { error: fail('invalid_arguments', { response_metadata: { messages } }) };
  return { view };
}

function openWith(kind: 'open' | 'push'): MethodHandler {
  return (params, context) => {
    const parsed = parsedView(params);
    if ('error' in parsed) return parsed.error;
    const triggerId = param(params, 'trigger_id') ?? param(params, 'interactivity_pointer') ?? '';
    if (!triggerId) return fail('invalid_arguments', { response_metadata: { messages: ['[ERROR] missing required field: trigger_id'] } });
    const externalId = stringField(parsed.view, 'external_id');
    if (externalId && context.state.viewsByExternalId.has(externalId)) return fail('duplicate_external_id');
    const trigger = context.state.exchangeTrigger(triggerId);
    if (trigger.check !== 'ok') return fail(trigger.check);
    const { state } = context;
    const id = state.nextId('V');
    const hash = state.nextHash();
    state.viewHashes.set(id, hash);
    if (externalId) state.viewsByExternalId.set(externalId, id);
    state.views.push({ id, triggerId, userId: trigger.userId ?? '', view: parsed.view, kind });
    return ok({ view: viewObject(parsed.view, { id, hash, rootViewId: id }, context) });
  };
}

const update: MethodHandler = (params, context) => {
  const { state } = context;
  const externalId = param(params, 'external_id');
  const viewId = param(params, 'view_id') ?? (externalId ? state.viewsByExternalId.get(externalId) : undefined);
  const previous: FakeView | undefined = viewId ? state.latestView(viewId) : undefined;
  if (!viewId || !previous) return fail('not_found');
  const hash = param(params, 'hash');
  if (hash && hash !== state.viewHashes.get(viewId)) return fail('hash_conflict');
  const parsed = parsedView(params);
  if ('error' in parsed) return parsed.error;
  const newHash = state.nextHash();
  state.viewHashes.set(viewId, newHash);
  state.views.push({ id: viewId, triggerId: previous.triggerId, userId: previous.userId, view: parsed.view, kind: 'update' });
  return ok({ view: viewObject(parsed.view, { id: viewId, hash: newHash, rootViewId: viewId }, context) });
};

export const viewMethods: Record<string, MethodHandler> = {
  'views.open': openWith('open'),
  'views.push': openWith('push'),
  'views.update': update,
};
