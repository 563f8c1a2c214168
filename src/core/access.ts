import { foldForMatching } from './forms/raw-input';
import type { Programme } from './programme/programme-schema';

export type AccessRole = 'coordinator' | 'referent';
export type Audience = 'everyone' | 'referents' | 'coordinators';

/** What a platform tells us about the person acting, before the programme decides their roles. */
export interface ActorFacts {
  readonly userId: string;
  readonly displayName: string;
  /** Discord role ids and names, Slack user group ids; empty in the terminal. */
  readonly platformRoles: readonly string[];
  /** Discord server administrators run the programme even without the named role. */
  readonly isAdministrator: boolean;
}

function holds(rule: Programme['access']['coordinators'], facts: ActorFacts): boolean {
  const roleNames = new Set(facts.platformRoles.map(foldForMatching));
  return rule.users.includes(facts.userId) || rule.roles.some((role) => roleNames.has(foldForMatching(role)));
}

export function resolveAccessRoles(access: Programme['access'], facts: ActorFacts): ReadonlySet<AccessRole> {
  const roles = new Set<AccessRole>();
  if (facts.isAdministrator || holds(access.coordinators, facts)) roles.add('coordinator');
  if (holds(access.referents, facts)) roles.add('referent');
  return roles;
}

/** Coordinators see everything référents see. */
export function canReach(audience: Audience, roles: ReadonlySet<AccessRole>): boolean {
  switch (audience) {
    case 'everyone':
      return true;
    case 'referents':
      return roles.has('referent') || roles.has('coordinator');
    case 'coordinators':
      return roles.has('coordinator');
  }
}
