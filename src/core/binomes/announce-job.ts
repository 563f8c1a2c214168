import type { UseCaseContext } from '../context';
import { UserError } from '../errors';
import { localeSchema } from '../i18n/locale';
import { translate } from '../i18n/translate';
import { participantIdOf } from '../identity';
import type { JobOutcome } from '../jobs/job';
import type { JobHandler } from '../jobs/job-handler';
import { runAnnouncementAlone } from './announce';
import { ANNOUNCE_JOB, nextResumeAt } from './announcement-resume';

/**
 * Finishes an announcement whose run was cut (the bot stopped, crashed or restarted): the same
 * steps, claimed in the same log, so nothing is sent twice; the coordinator who started it gets
 * the summary by DM. A run still going in this process, or stopped again, is looked at later.
 */
export const announcementResumeJob: JobHandler = {
  kind: ANNOUNCE_JOB,
  async run(jobCtx, job): Promise<JobOutcome> {
    const requestedBy = job.payload.requestedBy ?? '';
    const locale = localeSchema.catch(jobCtx.programme.defaultLocale).parse(job.payload.locale);
    const ctx: UseCaseContext = {
      actor: { id: participantIdOf(jobCtx.community, requestedBy), displayName: requestedBy, roles: new Set(['coordinator']) },
      community: jobCtx.community,
      programme: jobCtx.programme,
      locale,
      ports: jobCtx.ports,
      // Nobody waits on an interaction: progress is not reported, only the summary, by DM.
      responder: { followUp: async () => undefined },
    };
    let run: Awaited<ReturnType<typeof runAnnouncementAlone>>;
    try {
      run = await runAnnouncementAlone(ctx);
    } catch (error) {
      if (error instanceof UserError) return { status: 'done' };
      throw error;
    }
    if (!run.ran || run.value.stoppedAt === 'shutdown' || run.value.stoppedAt === 'store')
      return { status: 'reschedule', dueAt: nextResumeAt(jobCtx.ports), payload: job.payload };
    if (run.value.acted && requestedBy && run.value.reply.kind === 'messages') {
      const summary = run.value.reply.messages.map((message) => message.text).join('\n');
      await jobCtx.ports.chat.sendDirectMessage(
        jobCtx.community,
        requestedBy,
        { text: `${translate(locale, 'announce.resumed')}\n\n${summary}` },
        { key: `announce-resumed|${job.createdAt}`, mayHaveBeenSent: jobCtx.mayHaveRun || jobCtx.attempt > 1 },
      );
    }
    return { status: 'done' };
  },
};
