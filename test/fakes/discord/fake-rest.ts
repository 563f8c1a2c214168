/** The HTTP side: /api/v10 routing, bot-token auth, request recording, injected 429s, JSON and 204 answers. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';
import { BadBody, type ParsedBody, parseBody } from './multipart.js';
import type { RecordedRequest } from './types.js';

export interface RestRequest {
  method: string;
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  body: ParsedBody;
}
export interface RestResult {
  status: number;
  body?: unknown;
}
export interface Route {
  method: string;
  pattern: RegExp;
  /** interaction callbacks and webhooks go without the bot token */
  auth: boolean;
  handle(request: RestRequest): RestResult | Promise<RestResult>;
}

export interface DiscordErrorBody {
  code: number;
  message: string;
  errors?: unknown;
}
export class RestError extends Error {
  constructor(
    readonly status: number,
    readonly body: DiscordErrorBody,
  ) {
    super(body.message);
  }
}

export const fail = (status: number, code: number, message: string, errors?: unknown): never => {
  throw new RestError(status, errors === undefined ? { code, message } : { code, message, errors });
};

/** Discord's 50035 shape: `{field: {_errors: [{code, message}]}}`, nested along the path. */
export function invalidFormBody(fields: { path: readonly PropertyKey[]; code: string; message: string }[]): never {
  const errors: Record<string, unknown> = {};
  for (const field of fields) {
    let node = errors;
    for (const key of field.path.map(String)) {
      const next: Record<string, unknown> = (node[key] as Record<string, unknown> | undefined) ?? {};
      node[key] = next;
      node = next;
    }
    const list: unknown[] = (node._errors as unknown[] | undefined) ?? [];
    list.push({ code: field.code, message: field.message });
    node._errors = list;
  }
  return fail(400, 50035, 'Invalid Form Body', errors);
}

/** Parses a body with zod, answering 50035 the way Discord does when it does not fit. */
export function parseWith<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  return invalidFormBody(
    result.error.issues.map((issue) => ({
      path: issue.path,
      code: issue.code === 'invalid_type' && issue.input === undefined ? 'BASE_TYPE_REQUIRED' : 'BASE_TYPE_INVALID',
      message: issue.message,
    })),
  );
}

/** '/channels/:channelId/messages' → a regexp with named groups. */
export function route(method: string, template: string, handle: Route['handle'], auth = true): Route {
  const source = template
    .split('/')
    .map((segment) => (segment.startsWith(':') ? `(?<${segment.slice(1)}>[^/]+)` : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return { method, pattern: new RegExp(`^${source}$`), auth, handle };
}

interface RequestHook {
  method: string;
  path: RegExp;
  action: () => unknown;
}

interface RateLimitRule {
  method: string;
  path: RegExp;
  retryAfter: number;
}

export interface RestServerOptions {
  token: string;
  routes: Route[];
  requests: RecordedRequest[];
}

export function createRestHandler(options: RestServerOptions) {
  const rateLimits: RateLimitRule[] = [];
  const hooks: RequestHook[] = [];
  const handler = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const raw = await readBody(req);
    const method = (req.method ?? 'GET').toUpperCase();
    const versioned = url.pathname.startsWith('/api/v10/');
    const path = safeDecode(versioned ? url.pathname.slice('/api/v10'.length) : url.pathname);
    const recorded: RecordedRequest = { method, path, body: undefined, status: 0 };
    options.requests.push(recorded);
    const answer = (status: number, body?: unknown, headers?: Record<string, string>) => {
      recorded.status = status;
      send(res, status, body, headers);
    };
    try {
      const body = await parseBody(req.headers, raw);
      recorded.body = body.json;
      const candidates = versioned ? options.routes.filter((candidate) => candidate.pattern.test(path)) : [];
      const found = candidates.find((candidate) => candidate.method === method);
      if (!found) {
        if (candidates.length > 0) answer(405, { code: 0, message: '405: Method Not Allowed' });
        else answer(404, { code: 0, message: '404: Not Found' });
        return;
      }
      if (found.auth && req.headers.authorization !== `Bot ${options.token}`) {
        answer(401, { code: 0, message: '401: Unauthorized' });
        return;
      }
      const hooked = hooks.findIndex((hook) => hook.method === method && hook.path.test(path));
      if (hooked >= 0) hooks.splice(hooked, 1)[0]?.action();
      const limited = rateLimits.findIndex((rule) => rule.method === method && rule.path.test(path));
      if (limited >= 0) {
        const [rule] = rateLimits.splice(limited, 1);
        const retryAfter = rule?.retryAfter ?? 1;
        answer(
          429,
          { message: 'You are being rate limited.', retry_after: retryAfter, global: false },
          {
            'retry-after': String(retryAfter),
            'x-ratelimit-limit': '5',
            'x-ratelimit-remaining': '0',
            'x-ratelimit-reset': String(Date.now() / 1000 + retryAfter),
            'x-ratelimit-reset-after': String(retryAfter),
            'x-ratelimit-bucket': 'fake-bucket',
            'x-ratelimit-scope': 'user',
          },
        );
        return;
      }
      const params = found.pattern.exec(path)?.groups ?? {};
      const result = await found.handle({ method, path, params, query: url.searchParams, body });
      answer(result.status, result.body);
    } catch (error) {
      if (error instanceof RestError) answer(error.status, error.body);
      else if (error instanceof BadBody)
        answer(400, { code: 50109, message: `The request body contains invalid JSON. (${error.message})` });
      else answer(500, { code: 0, message: `Fake Discord crashed: ${error instanceof Error ? error.stack : String(error)}` });
    }
  };
  return {
    handler,
    beforeNext(match: { method: string; path: RegExp }, action: () => unknown) {
      hooks.push({ method: match.method.toUpperCase(), path: match.path, action });
    },
    rateLimitNext(match: { method: string; path: RegExp }, retryAfterSeconds: number) {
      rateLimits.push({ method: match.method.toUpperCase(), path: match.path, retryAfter: retryAfterSeconds });
    },
  };
}

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** A 204 must carry no content-type: @discordjs/rest would try to parse the empty body as JSON and throw. */
function send(res: ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}): void {
  if (status === 204 || body === undefined) {
    res.writeHead(status, headers).end();
    return;
  }
  res.writeHead(status, { ...headers, 'content-type': 'application/json' }).end(JSON.stringify(body));
}
