import type { IncomingMessage, ServerResponse } from 'node:http';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { refuseFutureRequests } from '../../../src/platforms/slack/request-freshness';

const NOW_MS = Date.parse('2026-12-06T10:00:00Z');
const NOW = NOW_MS / 1000;

/** Sends one request dated `timestamp` through the wrapper: the status it answered, or 'passed' to Bolt. */
function send(timestamp: string | undefined): number | 'passed' {
  const request = Object.assign(new PassThrough(), {
    headers: timestamp === undefined ? {} : { 'x-slack-request-timestamp': timestamp },
  }) as unknown as IncomingMessage;
  let status: number | 'passed' = 'passed';
  const response = {
    writeHead(code: number) {
      status = code;
      return response;
    },
    end: () => response,
  } as unknown as ServerResponse;
  refuseFutureRequests(
    () => undefined,
    () => NOW_MS,
  )(request, response);
  return status;
}

describe('the freshness of Slack requests', () => {
  it('refuses with 401 a request dated more than 5 minutes ahead', () => {
    expect(send(String(NOW + 5 * 60 + 1))).toBe(401);
    expect(send(String(NOW + 6 * 60))).toBe(401);
  });

  it('hands Bolt the rest: up to 5 minutes ahead, any past date (Bolt refuses the stale ones), and no or bad headers (Bolt refuses them)', () => {
    expect(send(String(NOW + 5 * 60))).toBe('passed');
    expect(send(String(NOW))).toBe('passed');
    expect(send(String(NOW - 6 * 60))).toBe('passed');
    expect(send(undefined)).toBe('passed');
    expect(send('soon')).toBe('passed');
  });
});
