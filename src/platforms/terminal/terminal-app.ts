import type { Readable, Writable } from 'node:stream';
import { commands, DEFAULT_COMMAND_ID } from '../../../commands';
import { createCorePorts } from '../../app/app-ports';
import { participantIdOf } from '../../core/identity';
import type { Clock } from '../../core/ports';
import { createDispatcher, type ProgrammeDirectory } from '../../dispatch/dispatcher';
import type { Log } from '../../infra/log';
import { createJobRunner } from '../../jobs/job-handlers';
import { createEnrolmentRepository } from '../../store/enrolment-repository';
import type { KeyValueStore } from '../../store/key-value-store';
import { createReferentRepository } from '../../store/referent-repository';
import { createLineSource } from './line-source';
import { sessionButtons } from './session-buttons';
import { runTerminalChat } from './terminal-chat';
import { createTerminalPlatform } from './terminal-platform';
import { createTerminalSession } from './terminal-session';
import { createTranscript } from './transcript';

export const TERMINAL_COMMUNITY = { platform: 'terminal', id: 'local' } as const;

export interface TerminalAppOptions {
  readonly input: Readable;
  readonly output: Writable;
  /** A person at a keyboard (prompts, colours), or a script piped in (echoed transcript). */
  readonly interactive: boolean;
  readonly store: KeyValueStore;
  readonly programmes: ProgrammeDirectory;
  readonly clock: Clock;
  readonly log: Log;
  readonly initialUser: string;
  /** Aborted on SIGTERM: a long job (an announcement) stops after the step under way. */
  readonly stopping?: AbortSignal;
}

/** The whole bot in a terminal: the same commands and core as on Discord and Slack. */
export async function runTerminalApp(options: TerminalAppOptions): Promise<void> {
  const transcript = createTranscript(options.output, options.interactive);
  const programme = options.programmes.programmeFor(TERMINAL_COMMUNITY);
  const session = createTerminalSession(options.initialUser, [...programme.access.coordinators.users, ...programme.access.referents.users]);
  const enrolments = createEnrolmentRepository(options.store);
  const referents = createReferentRepository(options.store);
  const chat = createTerminalPlatform(
    transcript,
    async (community, userId) =>
      session.users.has(userId) ||
      (await referents.includes(community, userId)) ||
      (await enrolments.find(participantIdOf(community, userId))) !== undefined,
    options.store,
    // Buttons on a DM or a post in a space: pressable by who received them, with `/press` after `/as`.
    sessionButtons(session, programme.defaultLocale),
  );
  const ports = createCorePorts(options.store, chat, options.clock, options.stopping ? { stopping: options.stopping } : {});
  const dispatcher = createDispatcher({ commands, programmes: options.programmes, ports, log: options.log });
  // Never in the background: a job's messages print between two lines, so a piped transcript stays the same each run.
  const jobs = createJobRunner(ports, { programmes: options.programmes, log: options.log });
  const runDueJobs = () =>
    jobs.runDue().then(
      () => undefined,
      (error: unknown) => options.log.warn({ err: error }, 'could not look for due jobs'),
    );
  const lines = createLineSource(options.input, options.output, options.interactive);
  try {
    await runTerminalChat({
      dispatcher,
      community: TERMINAL_COMMUNITY,
      session,
      lines,
      transcript,
      defaultCommandId: DEFAULT_COMMAND_ID,
      beforeEachPrompt: runDueJobs,
    });
  } finally {
    lines.close();
  }
}
