/*
 * The HTTP side of the Web API: POST /api/<method> with a Bearer token (or a `token` field), a form-encoded
 * or JSON body; answers are HTTP 200 `{ok, …}` except a requested rate limit (429 + Retry-After).
 * Also the upload URL of files.uploadV2, which receives the file as multipart form data.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isRecord, parseJsonField } from './json-values';
import { fail, type MethodContext, type MethodHandler, type Params, param } from './method-kit';
import { type ConversationKind, recordUse } from './method-log';
import { chatMethods } from './methods-chat';
import { conversationMethods } from './methods-conversations';
import { fileMethods } from './methods-files';
import { viewMethods } from './methods-views';
import { workspaceMethods } from './methods-workspace';

const METHODS: Record<string, MethodHandler> = {
  ...chatMethods,
  ...conversationMethods,
  ...viewMethods,
  ...workspaceMethods,
  ...fileMethods,
};
const APP_TOKEN_METHODS = new Set(['apps.connections.open']);
const JSON_FIELDS = ['view', 'blocks', 'attachments', 'files', 'metadata'];

export function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

export function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  response.end(JSON.stringify(body));
}

function parseParams(body: Buffer, contentType: string): Params {
  const text = body.toString('utf8');
  if (contentType.includes('application/json')) {
    const parsed: unknown = text ? JSON.parse(text) : {};
    return isRecord(parsed) ? parsed : {};
  }
  return Object.fromEntries(new URLSearchParams(text));
}

function authError(method: string, token: string | undefined, tokens: { botToken: string; appToken: string }): string | undefined {
  if (!token) return 'not_authed';
  const expected = APP_TOKEN_METHODS.has(method) ? tokens.appToken : tokens.botToken;
  if (token === expected) return undefined;
  return token === tokens.appToken || token === tokens.botToken ? 'not_allowed_token_type' : 'invalid_auth';
}

/** Which kind of conversation a call names, before the call changes anything. */
function conversationKind(method: string, params: Params, context: MethodContext): ConversationKind | undefined {
  if (method === 'conversations.create') return param(params, 'is_private') === 'true' ? 'private' : 'public';
  if (method === 'conversations.open') return (param(params, 'users') ?? '').includes(',') ? 'mpim' : 'im';
  const channel = param(params, 'channel') ?? param(params, 'channel_id');
  if (!channel) return undefined;
  if (context.state.users.has(channel)) return 'im';
  const conversation = context.state.conversation(channel);
  if (!conversation) return undefined;
  if (conversation.kind === 'im') return 'im';
  return conversation.isPrivate ? 'private' : 'public';
}

export async function handleApiCall(
  request: IncomingMessage,
  response: ServerResponse,
  method: string,
  context: MethodContext,
  tokens: { botToken: string; appToken: string },
): Promise<void> {
  const params = parseParams(await readBody(request), request.headers['content-type'] ?? '');
  const bearer = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
  const token = bearer ?? param(params, 'token');
  const recorded: Params = { ...params };
  delete recorded.token;
  for (const field of JSON_FIELDS) if (field in recorded) recorded[field] = parseJsonField(recorded[field]);
  context.state.calls.push({ method, params: recorded, ...(token ? { token } : {}) });
  const conversation = conversationKind(method, params, context);
  recordUse({
    kind: 'web-api',
    method,
    token: token === tokens.botToken ? 'bot' : token === tokens.appToken ? 'app' : 'other',
    ...(conversation ? { conversation } : {}),
  });

  const retryAfter = context.state.rateLimits.get(method);
  if (retryAfter !== undefined) {
    context.state.rateLimits.delete(method);
    sendJson(response, 429, fail('ratelimited'), { 'retry-after': String(retryAfter) });
    return;
  }
  const overWindow = context.state.overRateWindow(method);
  if (overWindow !== undefined) {
    sendJson(response, 429, fail('ratelimited'), { 'retry-after': String(overWindow) });
    return;
  }
  const handler = METHODS[method];
  if (!handler) return sendJson(response, 200, fail('unknown_method'));
  const problem = authError(method, token, tokens);
  if (problem) return sendJson(response, 200, fail(problem));
  const needed = context.state.missingScopes.get(method);
  // Slack names the scope missing and those the token has (`provided`); WebClient hands both over.
  if (needed) return sendJson(response, 200, fail('missing_scope', { needed, provided: 'chat:write,commands' }));
  sendJson(response, 200, handler(params, context));
}

/** The upload URL: WebClient sends the bytes as a multipart field named 'body'; a raw body is accepted too. */
export async function handleUpload(
  request: IncomingMessage,
  response: ServerResponse,
  fileId: string,
  context: MethodContext,
): Promise<void> {
  const body = await readBody(request);
  const pending = context.state.pendingUploads.get(fileId);
  if (!pending) {
    response.writeHead(404).end('file_not_found');
    return;
  }
  const contentType = request.headers['content-type'] ?? '';
  // Slack takes raw bytes or a multipart form; either way the file is kept byte for byte (a PNG is no text).
  let bytes = body;
  if (contentType.startsWith('multipart/form-data')) {
    const form = await new Response(new Uint8Array(body), { headers: { 'content-type': contentType } }).formData();
    const entry = form.get('body') ?? [...form.values()][0];
    bytes =
      entry === undefined || entry === null
        ? Buffer.alloc(0)
        : typeof entry === 'string'
          ? Buffer.from(entry)
          : Buffer.from(await entry.arrayBuffer());
  }
  pending.bytes = bytes;
  response.writeHead(200, { 'content-type': 'text/plain' }).end(`OK - ${bytes.length}`);
}
