import type { JobHandler } from '../jobs/job-handler';
import { reportDeadlineJob } from './report-deadlines';
import { reportDmJob, reportPostJob } from './report-jobs';
import { reportRetentionJob } from './report-retention';

/** Every job kind reports use: deliveries, deadlines, the retention purge. */
export const reportJobHandlers: readonly JobHandler[] = [reportDmJob, reportPostJob, reportDeadlineJob, reportRetentionJob];
