import type { Readable, Writable } from 'node:stream';
import type { ChatPlatform } from '../../core/ports';
import type { Programme } from '../../core/programme/programme-schema';
import type { Dispatcher } from '../../dispatch/dispatcher';
import type { Log } from '../../infra/log';
import type { JobRunner } from '../../jobs/polling-job-runner';
import type { KeyValueStore } from '../../store/key-value-store';
import { createLineSource } from './line-source';
import { sessionButtons } from './session-buttons';
import { runTerminalChat } from './terminal-chat';
import { createTerminalFiles, type TerminalFiles } from './terminal-files';
import { createTerminalPlatform, type KnownUser } from './terminal-platform';
import { createTerminalSession, type TerminalSession } from './terminal-session';
import { createTranscript, type Transcript } from './transcript';

export const TERMINAL_COMMUNITY = { platform: 'terminal', id: 'local' } as const;

export interface TerminalSurfaceOptions {
  readonly output: Writable;
  /** A person at a keyboard (prompts, colours), or a script piped in (echoed transcript). */
  readonly interactive: boolean;
  readonly initialUser: string;
  /** The terminal community's programme: its named coordinators and référents are people of the session. */
  readonly programme: Programme;
  /** Where the terminal keeps its spaces and what it delivered, so that a restart sends nothing twice. */
  readonly store: KeyValueStore;
  /** Someone the programme knows (enrolled, or a référent added in chat), beside the session's own people. */
  readonly isRegistered: KnownUser;
  /** Where files the terminal cannot show (a chart's PNG) are saved (TERMINAL_FILES_DIR). */
  readonly filesDir?: string;
}

/** The screen, who is at the keyboard, and the chat port printing to that screen. */
export interface TerminalSurface {
  readonly transcript: Transcript;
  readonly session: TerminalSession;
  readonly chat: ChatPlatform;
  readonly files: TerminalFiles;
}

export function createTerminalSurface(options: TerminalSurfaceOptions): TerminalSurface {
  const transcript = createTranscript(options.output, options.interactive);
  const files = createTerminalFiles(options.filesDir);
  const { programme } = options;
  const session = createTerminalSession(options.initialUser, [...programme.access.coordinators.users, ...programme.access.referents.users]);
  const chat = createTerminalPlatform(
    transcript,
    async (community, userId) => session.users.has(userId) || (await options.isRegistered(community, userId)),
    options.store,
    // Buttons on a DM or a post in a space: pressable by who received them, with `/press` after `/as`.
    sessionButtons(session, programme.defaultLocale),
    files,
  );
  return { transcript, session, chat, files };
}

export interface TerminalAppOptions {
  readonly input: Readable;
  readonly output: Writable;
  readonly interactive: boolean;
  readonly surface: TerminalSurface;
  readonly dispatcher: Dispatcher;
  /** Run before each prompt, never in the background. */
  readonly jobs: JobRunner;
  readonly defaultCommandId: string;
  readonly log: Log;
  /** Moves the clock forward for `/wait`, in a demo only (MENTORAT_NOW); absent, `/wait` is refused. */
  readonly advanceClock?: (ms: number) => Date;
}

/** Rounds of due jobs before a prompt: enough for a job that plans messages, bounded whatever a handler does. */
const MAX_JOB_ROUNDS = 5;

/** The whole bot in a terminal: the same commands and core as on Discord and Slack. */
export async function runTerminalApp(options: TerminalAppOptions): Promise<void> {
  const { jobs, log } = options;
  // Never in the background: a job's messages print between two lines, so a piped transcript stays the same each run.
  // A job may plan others due at once (a deadline plans its reminder's DMs): they print before the prompt too.
  const runDueJobs = async () => {
    try {
      for (let round = 0; round < MAX_JOB_ROUNDS && (await jobs.runDue()) > 0; round += 1);
    } catch (error) {
      log.warn({ err: error }, 'could not look for due jobs');
    }
  };
  const lines = createLineSource(options.input, options.output, options.interactive);
  try {
    await runTerminalChat({
      dispatcher: options.dispatcher,
      community: TERMINAL_COMMUNITY,
      session: options.surface.session,
      lines,
      transcript: options.surface.transcript,
      files: options.surface.files,
      defaultCommandId: options.defaultCommandId,
      beforeEachPrompt: runDueJobs,
      ...(options.advanceClock ? { advanceClock: options.advanceClock } : {}),
    });
  } finally {
    lines.close();
  }
}
