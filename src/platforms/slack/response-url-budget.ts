import type { Clock } from '../../core/ports';

/** Slack takes five posts on an interaction's response_url, within 30 minutes of the interaction. */
export const RESPONSE_URL_USES = 5;
export const RESPONSE_URL_LIFETIME_MS = 30 * 60_000;
/** A post sent just before the end could land after it: the last minute is not used. */
const SAFETY_MARGIN_MS = 60_000;

interface Entry {
  readonly since: number;
  used: number;
}

/**
 * The uses left on each response_url, counted so that an answer beyond them goes another way at
 * once (ephemeral message, then DM) instead of waiting for Slack to refuse it. Slack still may
 * (after a restart the count starts again): a refusal is then taken as the end of the URL.
 */
export interface ResponseUrlBudget {
  /**
   * A response_url arrived with an interaction. `since`: when Slack handed it out, if earlier
   * (a modal submitted minutes after the command that opened it). Counting goes on for a known URL.
   */
  receive(url: string, since?: number): void;
  /** When Slack handed out this URL, for a modal to carry until it is submitted. */
  receivedAt(url: string): number | undefined;
  /** One use, if Slack still takes one; false: answer another way. */
  take(url: string): boolean;
  /** Slack refused a post: nothing more goes there. */
  spend(url: string): void;
}

export function createResponseUrlBudget(clock: Clock): ResponseUrlBudget {
  const urls = new Map<string, Entry>();
  const now = () => clock.now().getTime();
  const usable = (entry: Entry) => entry.used < RESPONSE_URL_USES && now() - entry.since < RESPONSE_URL_LIFETIME_MS - SAFETY_MARGIN_MS;

  /** URLs past their 30 minutes are forgotten, so the map holds at most half an hour of interactions. */
  function forgetExpired(): void {
    for (const [url, entry] of urls) if (now() - entry.since >= RESPONSE_URL_LIFETIME_MS) urls.delete(url);
  }

  return {
    receive(url, since) {
      forgetExpired();
      if (!urls.has(url)) urls.set(url, { since: Math.min(since ?? now(), now()), used: 0 });
    },
    receivedAt: (url) => urls.get(url)?.since,
    take(url) {
      const entry = urls.get(url);
      if (!entry || !usable(entry)) return false;
      entry.used += 1;
      return true;
    },
    spend(url) {
      const entry = urls.get(url);
      if (entry) entry.used = RESPONSE_URL_USES;
    },
  };
}
