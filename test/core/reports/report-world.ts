import { type AppPorts, createCorePorts } from '../../../src/app/app-ports';
import type { AccessRole } from '../../../src/core/access';
import type { Binome } from '../../../src/core/binomes/binome';
import type { UseCaseContext } from '../../../src/core/context';
import { type CommunityRef, participantIdOf } from '../../../src/core/identity';
import type { ChatPlatform, PrivateSpaceRequest } from '../../../src/core/ports';
import type { Programme } from '../../../src/core/programme/programme-schema';
import type { Button, OutgoingMessage, Reply } from '../../../src/core/reply';
import { submitReport } from '../../../src/core/reports/file-report';
import { createJobRunner } from '../../../src/jobs/job-handlers';
import type { JobRunner } from '../../../src/jobs/polling-job-runner';
import { createStore } from '../../../src/store/create-store';
import type { KeyValueStore } from '../../../src/store/key-value-store';
import { defaultProgramme } from '../../support/programme';
import { createRecordingLog } from '../../support/recording-log';
import { createUseCaseWorld, TERMINAL } from '../../support/use-case-world';
import { createScriptedChat, seedPeople } from '../binomes/announce-world';

export const START = '2026-12-01T09:00:00.000Z';
const HOUR_MS = 60 * 60 * 1000;

/** Who plays what: dan and erin are a binôme followed by ref; carol and fay one followed by alice; zoe is enrolled, paired with nobody. */
export const ROLES: Readonly<Record<string, readonly AccessRole[]>> = {
  ref: ['referent'],
  alice: ['referent'],
  coord: ['coordinator'],
  cleo: ['coordinator'],
};

export function binomeOf(id: string, mentee: string, mentor: string, referent?: string): Binome {
  return {
    schemaVersion: 2,
    id,
    community: TERMINAL,
    cycle: 1,
    mentee,
    mentor,
    ...(referent ? { referent } : {}),
    status: 'confirmed',
    origin: 'manual',
    score: 0,
    terms: [],
    languages: ['fr'],
    createdAt: START,
    createdBy: 'coord',
  };
}

/** Something that reached a person or the coordination space, as they saw it. */
export interface Seen {
  readonly kind: 'dm' | 'post';
  readonly to: string;
  readonly text: string;
  readonly key?: string;
  readonly buttons: readonly Button[];
}

export interface ReportWorldOptions {
  readonly programme?: Programme;
  /** The binômes; dan–erin (ref) and carol–fay (alice) by default. */
  readonly binomes?: readonly Binome[];
  /** The store, when a test needs one that fails. */
  readonly store?: KeyValueStore;
}

/** The default programme, with cleo as a second coordinator (a coordination space of two). */
export function programmeWithTwoCoordinators(): Programme {
  const programme = defaultProgramme();
  return {
    ...programme,
    access: { ...programme.access, coordinators: { ...programme.access.coordinators, users: ['coord', 'cleo'] } },
  };
}

/**
 * Reports as people live them: an in-memory store, a clock that moves only when told, a scripted
 * chat (that can refuse DMs or throw) seen through what arrived, and a job runner on the same
 * store. `restart()` is another run of the bot: new ports and a new runner on the same store and chat.
 */
export async function createReportWorld(options: ReportWorldOptions = {}) {
  const store: KeyValueStore = options.store ?? (await createStore('memory://'));
  const programme = options.programme ?? programmeWithTwoCoordinators();
  const scripted = createScriptedChat();
  const spaceRequests: PrivateSpaceRequest[] = [];
  const sent = new Map<string, OutgoingMessage>();
  const chat: ChatPlatform = {
    platform: 'terminal',
    async sendDirectMessage(community, userId, message, delivery) {
      if (delivery) sent.set(delivery.key, message);
      return scripted.chat.sendDirectMessage(community, userId, message, delivery);
    },
    async openPrivateSpace(community, request) {
      spaceRequests.push(request);
      return scripted.chat.openPrivateSpace(community, request);
    },
    async postInSpace(community, spaceId, message, delivery) {
      if (delivery) sent.set(delivery.key, message);
      return scripted.chat.postInSpace(community, spaceId, message, delivery);
    },
    removeFromSpace: (community, spaceId, userId) => scripted.chat.removeFromSpace(community, spaceId, userId),
    archiveSpace: (community, spaceId) => scripted.chat.archiveSpace(community, spaceId),
  };
  const first = await createUseCaseWorld({ store, chat: Object.assign(chat, { events: [] }), programme, now: START });
  const { clock, responder } = first;
  const log = createRecordingLog();
  const runnerOf = (ports: AppPorts) => createJobRunner(ports, { programmes: { programmeFor: () => programme }, log });
  let running: { ports: AppPorts; runner: JobRunner } = { ports: first.ports, runner: runnerOf(first.ports) };
  const world = {
    store,
    clock,
    programme,
    scripted,
    spaceRequests,
    log,
    get ports(): AppPorts {
      return running.ports;
    },
    get runner(): JobRunner {
      return running.runner;
    },
    /** Someone acting, with their roles in the programme. */
    as(userId: string, community: CommunityRef = TERMINAL): UseCaseContext {
      return {
        actor: { id: participantIdOf(community, userId), displayName: userId, roles: new Set(ROLES[userId] ?? []) },
        community,
        programme,
        locale: 'fr',
        ports: running.ports,
        responder,
      };
    },
    /** The bot restarts: what was stored and scheduled stays, nothing held in memory does. */
    restart() {
      const ports = createCorePorts(store, chat, clock);
      running = { ports, runner: runnerOf(ports) };
    },
    /** Runs due jobs until none is left due (a job may plan another one for now). */
    async runJobs(): Promise<number> {
      let total = 0;
      for (let round = 0; round < 20; round += 1) {
        const ran = await running.runner.runDue();
        total += ran;
        if (ran === 0) return total;
      }
      throw new Error('jobs kept coming for 20 rounds');
    },
    /** The clock moves on by this many hours (fractions allowed). */
    later(hours: number) {
      clock.set(new Date(clock.now().getTime() + hours * HOUR_MS).toISOString());
    },
    /** Everything that arrived, with the buttons it carried. */
    seen(): Seen[] {
      return scripted.arrived
        .filter((entry) => entry.kind !== 'space')
        .map((entry) => ({
          kind: entry.kind as 'dm' | 'post',
          to: entry.to,
          text: entry.text,
          ...(entry.key ? { key: entry.key } : {}),
          buttons: (entry.key ? sent.get(entry.key)?.buttons : undefined) ?? [],
        }));
    },
    dmsTo(userId: string): Seen[] {
      return world.seen().filter((entry) => entry.kind === 'dm' && entry.to === userId);
    },
    posts(): Seen[] {
      return world.seen().filter((entry) => entry.kind === 'post');
    },
    /** Files a report as `userId` (contact wished unless told otherwise). */
    file(userId: string, description: string, category = 'relation', extra: Record<string, string | boolean> = {}): Promise<Reply> {
      return submitReport(world.as(userId), { category, description, contact: true, ...extra });
    },
  };

  await seedPeople(first, {
    mentors: [
      { id: 'erin', name: 'Erin Roux' },
      { id: 'fay', name: 'Fay Morel' },
      { id: 'zoe', name: 'Zoé Klein' },
    ],
    mentees: [
      { id: 'dan', name: 'Dan Leroy' },
      { id: 'carol', name: 'Carol Petit' },
    ],
  });
  for (const binome of options.binomes ?? [binomeOf('b1', 'dan', 'erin', 'ref'), binomeOf('b2', 'carol', 'fay', 'alice')])
    await running.ports.binomes.add(binome);
  return world;
}

export type ReportWorld = Awaited<ReturnType<typeof createReportWorld>>;

/** The texts of a reply, joined. */
export function textOf(reply: Reply): string {
  return reply.kind === 'messages' || reply.kind === 'form-rejected' ? reply.messages.map((message) => message.text).join('\n') : '';
}

/** Every key and value in the store, as text, to look for what must be gone. */
export async function dump(store: KeyValueStore): Promise<string> {
  const lines: string[] = [];
  for await (const [key, value] of store.scan('')) lines.push(`${key} ${JSON.stringify(value)}`);
  return lines.join('\n');
}
