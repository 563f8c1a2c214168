import { type Binome, isActiveBinome } from '../binomes/binome';
import type { WaitlistEntry } from '../binomes/waitlist';
import type { CorePorts } from '../context';
import type { Cycle } from '../cycles/cycle';
import type { CommunityRef } from '../identity';
import { type CheckIn, hasMet } from './check-in';
import { type BinomeHealth, binomeHealth } from './health';
import { healthIndex } from './health-facts';

/** One binôme of a cycle as coordinators follow it: counts only, never a report's or a concern's content. */
export interface PairFacts {
  readonly binome: Binome;
  /** Only for a running binôme: an ended one has no health. */
  readonly health?: BinomeHealth;
  readonly pausedMembers: number;
  readonly openFitConcerns: number;
  readonly openReports: number;
  readonly checkIns: readonly CheckIn[];
  readonly met: boolean;
}

export interface WaitingFacts {
  readonly entry: WaitlistEntry;
  readonly paused: boolean;
}

export interface CycleFacts {
  readonly binomes: readonly PairFacts[];
  /** First in line first, then by how long they have waited. */
  readonly waiting: readonly WaitingFacts[];
}

/**
 * Everything `/mentorat-admin binomes` shows, read once per kind of record (not once per binôme):
 * a community's check-ins, pauses, concerns and reports are grouped in memory.
 */
export async function cycleFacts(ports: CorePorts, community: CommunityRef, cycle: Cycle): Promise<CycleFacts> {
  const [binomes, checkIns, pauses, concerns, reports, waitlist] = await Promise.all([
    ports.binomes.listByCommunity(community),
    ports.checkIns.listByCommunity(community),
    ports.pauses.listByCommunity(community),
    ports.fitConcerns.listByCommunity(community),
    ports.reports.listByCommunity(community),
    ports.waitlist.list(community),
  ]);
  const { paused, factsOf } = healthIndex({ checkIns, pauses, fitConcerns: concerns, reports }, ports.clock.now());

  const ofCycle = binomes
    .filter((binome) => binome.cycle === cycle.sequence)
    .sort(
      (a, b) => Number(isActiveBinome(b)) - Number(isActiveBinome(a)) || a.createdAt.localeCompare(b.createdAt) || (a.id < b.id ? -1 : 1),
    );
  const facts = ofCycle.map((binome): PairFacts => {
    const counts = factsOf(binome);
    return { binome, ...counts, met: hasMet(counts.checkIns), ...(isActiveBinome(binome) ? { health: binomeHealth(counts) } : {}) };
  });
  const waiting = waitlist
    .map((entry) => ({ entry, paused: paused.has(entry.mentee) }))
    .sort(
      (a, b) =>
        Number(b.entry.firstInLine !== undefined) - Number(a.entry.firstInLine !== undefined) ||
        a.entry.since.localeCompare(b.entry.since) ||
        (a.entry.mentee < b.entry.mentee ? -1 : 1),
    );
  return { binomes: facts, waiting };
}
