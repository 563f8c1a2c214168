import type { AccessRole } from './access';
import type { ExclusiveRuns } from './exclusive-runs';
import type { Locale } from './i18n/locale';
import type { CommunityRef, ParticipantId } from './identity';
import type {
  AnnouncementLog,
  BinomeRepository,
  ChartRenderer,
  ChatPlatform,
  CheckInRepository,
  Clock,
  CycleRepository,
  EnrolmentRepository,
  FeedbackRepository,
  FitConcernRepository,
  JobQueue,
  MatchingRepository,
  PauseRepository,
  PersonalDataHolder,
  ReferentRepository,
  ReportRepository,
  Responder,
  WaitlistRepository,
} from './ports';
import type { Programme } from './programme/programme-schema';

export interface Actor {
  readonly id: ParticipantId;
  readonly displayName: string;
  readonly roles: ReadonlySet<AccessRole>;
}

/** The ports a running bot gives every use case. */
export interface CorePorts {
  readonly enrolments: EnrolmentRepository;
  readonly referents: ReferentRepository;
  readonly binomes: BinomeRepository;
  readonly matching: MatchingRepository;
  readonly waitlist: WaitlistRepository;
  readonly announcements: AnnouncementLog;
  readonly reports: ReportRepository;
  /** The programme's cycles: the current one decides whether enrolment is open. */
  readonly cycles: CycleRepository;
  /** Check-in rounds and their answers (the life of a binôme after its announcement). */
  readonly checkIns: CheckInRepository;
  readonly pauses: PauseRepository;
  readonly fitConcerns: FitConcernRepository;
  /** End-of-cycle feedback: who answered, and the answers apart without their authors. */
  readonly feedback: FeedbackRepository;
  /** Every holder of personal data, for export and erasure. */
  readonly personalData: readonly PersonalDataHolder[];
  readonly chat: ChatPlatform;
  /** Draws the stats chart (src/infra/chart), loaded only when a chart is drawn. */
  readonly charts: ChartRenderer;
  readonly clock: Clock;
  /** This run of the bot, told apart from earlier runs and other processes in the announcement log. */
  readonly instanceId: string;
  /** Long jobs of this process (announcing), one at a time per community. */
  readonly jobs: ExclusiveRuns;
  /** Durable scheduled work (report deliveries, deadlines), run by the job runner. */
  readonly queue: JobQueue;
  /** Aborted when the bot is asked to stop: long jobs finish the step under way, then stop. */
  readonly stopping: AbortSignal;
}

/** Everything one use case run knows: who acts, where, in which language, with which ports. */
export interface UseCaseContext {
  readonly actor: Actor;
  readonly community: CommunityRef;
  readonly programme: Programme;
  readonly locale: Locale;
  readonly ports: CorePorts;
  readonly responder: Responder;
}
