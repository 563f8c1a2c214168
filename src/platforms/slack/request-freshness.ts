import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HTTPReceiver } from '@slack/bolt';

/** Slack's rule: a request whose timestamp differs from the time now by more than 5 minutes, either way, is refused. */
export const MAX_REQUEST_SKEW_SECONDS = 5 * 60;

type RequestListener = (request: IncomingMessage, response: ServerResponse) => void;

/**
 * Bolt's receiver refuses requests dated more than 5 minutes back but accepts any date ahead
 * (verify-request.js checks staleness only), so a signed request captured with a future date
 * could be replayed for longer. This refuses those with 401, as Bolt does a stale one, before
 * Bolt reads the body; the signature is still checked by Bolt for everything that passes.
 */
export function refuseFutureRequests(listener: RequestListener, nowMs: () => number = Date.now): RequestListener {
  return (request, response) => {
    const header = request.headers['x-slack-request-timestamp'];
    const timestamp = typeof header === 'string' ? Number(header) : Number.NaN;
    if (Number.isFinite(timestamp) && timestamp > Math.floor(nowMs() / 1000) + MAX_REQUEST_SKEW_SECONDS) {
      // Drain what was sent, so the client reads the answer instead of a reset connection.
      request.resume();
      response.writeHead(401).end();
      return;
    }
    listener(request, response);
  };
}

/** Wraps the receiver's listener in place: HTTPReceiver.start() serves whatever `requestListener` holds. */
export function withRequestFreshness(receiver: HTTPReceiver, nowMs?: () => number): HTTPReceiver {
  receiver.requestListener = refuseFutureRequests(receiver.requestListener, nowMs);
  return receiver;
}
