import type { Command } from '../src/core/command';
import { announceCommand } from './admin/announce';
import { binomeAdminCommand } from './admin/binome';
import { confirmCommand } from './admin/confirm';
import { cycleCommand } from './admin/cycle';
import { enrolledCommand } from './admin/enrolled';
import { forbidCommand } from './admin/forbid';
import { pairsCommand } from './admin/pairs';
import { pinCommand } from './admin/pin';
import { proposeCommand } from './admin/propose';
import { referentsCommand } from './admin/referents';
import { releaseCommand } from './admin/release';
import { reportAdminCommand } from './admin/report';
import { reportsCommand } from './admin/reports';
import { setReferentCommand } from './admin/set-referent';
import { statsCommand } from './admin/stats';
import { actorsCommand } from './mentorat/actors';
import { benefitsCommand } from './mentorat/benefits';
import { myBinomeCommand } from './mentorat/binome';
import { enrolCommand } from './mentorat/enrol';
import { eraseCommand } from './mentorat/erase';
import { feedbackCommand } from './mentorat/feedback';
import { followUpCommand } from './mentorat/follow-up';
import { helpCommand } from './mentorat/help';
import { myDataCommand } from './mentorat/my-data';
import { myReportsCommand } from './mentorat/my-reports';
import { notAFitCommand } from './mentorat/not-a-fit';
import { overviewCommand } from './mentorat/overview';
import { pauseCommand } from './mentorat/pause';
import { pillarsCommand } from './mentorat/pillars';
import { profileCommand } from './mentorat/profile';
import { reportCommand } from './mentorat/report';
import { reportEscalateCommand } from './mentorat/report-escalate';
import { reportNoteCommand } from './mentorat/report-note';
import { reportReplyCommand } from './mentorat/report-reply';
import { reportResolveCommand } from './mentorat/report-resolve';
import { reportTakeCommand } from './mentorat/report-take';
import { reportingCommand } from './mentorat/reporting';
import { resumeCommand } from './mentorat/resume';
import { roleCommand } from './mentorat/role';
import { withdrawCommand } from './mentorat/withdraw';

/** Every command, in the order help lists them; no folder scanning, so this list is the whole truth. */
export const commands: readonly Command[] = [
  overviewCommand,
  pillarsCommand,
  roleCommand,
  actorsCommand,
  benefitsCommand,
  reportingCommand,
  reportCommand,
  myReportsCommand,
  enrolCommand,
  profileCommand,
  withdrawCommand,
  myDataCommand,
  eraseCommand,
  myBinomeCommand,
  followUpCommand,
  feedbackCommand,
  pauseCommand,
  resumeCommand,
  notAFitCommand,
  reportTakeCommand,
  reportReplyCommand,
  reportNoteCommand,
  reportResolveCommand,
  reportEscalateCommand,
  helpCommand,
  enrolledCommand,
  referentsCommand,
  proposeCommand,
  pinCommand,
  forbidCommand,
  releaseCommand,
  setReferentCommand,
  confirmCommand,
  announceCommand,
  binomeAdminCommand,
  reportsCommand,
  reportAdminCommand,
  statsCommand,
  pairsCommand,
  cycleCommand,
];

/** `/mentorat` alone shows the overview (Discord needs a subcommand, so it is also `/mentorat apercu`). */
export const DEFAULT_COMMAND_ID = 'mentorat.overview';
