import type { CommunityRef } from '../core/identity';
import type { NewJob } from '../core/jobs/job';
import type { JobHandler } from '../core/jobs/job-handler';
import type { Log } from '../infra/log';
import type { FormDraftRepository } from '../store/form-draft-repository';

export const DRAFT_PURGE_KIND = 'drafts.purge';
export const DRAFT_PURGE_EVERY_MS = 60 * 60 * 1000;

/**
 * Half-typed enrolments are personal data: none is kept past its day, even if never reopened.
 * A job belongs to a community, so each server the bot is on holds one purge job, due now when
 * first scheduled and then hourly. The drafts' repository purges the whole store at once, so with
 * several servers it runs a few times an hour: cheap (drafts live a day), and one server leaving
 * never stops the purge for the others. A server the bot has left ends its job after a last purge.
 */
export function draftPurgeJob(community: CommunityRef, dueAt: Date): NewJob {
  return { community, kind: DRAFT_PURGE_KIND, key: 'expired-drafts', payload: {}, dueAt };
}

export interface DraftPurgeOptions {
  readonly drafts: Pick<FormDraftRepository, 'purgeExpired'>;
  readonly log: Log;
  /** Whether the bot is still on this community (a server it was removed from needs no more purges of its own). */
  readonly serves: (community: CommunityRef) => boolean;
}

export function createDraftPurgeHandler(options: DraftPurgeOptions): JobHandler {
  return {
    kind: DRAFT_PURGE_KIND,
    async run(ctx) {
      // A failure is not retried with a backoff, which gives up after a few: the job must never end while the bot is there.
      try {
        const count = await options.drafts.purgeExpired();
        if (count > 0) options.log.info({ count }, 'forgot form drafts untouched for a day');
      } catch (error) {
        options.log.warn({ err: error }, 'could not purge old form drafts');
      }
      if (!options.serves(ctx.community)) return { status: 'done' };
      return { status: 'reschedule', dueAt: new Date(ctx.ports.clock.now().getTime() + DRAFT_PURGE_EVERY_MS), payload: {} };
    },
  };
}
