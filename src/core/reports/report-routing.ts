import { type Binome, isMemberOf } from '../binomes/binome';
import type { Programme } from '../programme/programme-schema';

/** Why a report goes to the coordinators rather than a référent (kept in its history). */
export type CoordinatorsBecause = 'category' | 'no-binome' | 'no-referent' | 'referent-involved';

export type Route =
  | { readonly to: 'referent'; readonly referent: string }
  | { readonly to: 'coordinators'; readonly because: CoordinatorsBecause };

/**
 * Where a new report goes: the binôme's référent, unless the category says coordinators (a concern
 * about the référent), there is no binôme or no référent, or the référent is one of the pair or
 * the reporter. The rule per category lives in config; the exceptions are the programme's promise.
 */
export function routeOf(programme: Programme, category: string, binome: Binome | undefined, reporter: string): Route {
  const rule = programme.reports.categories.find((candidate) => candidate.id === category)?.route ?? 'referent';
  if (rule === 'coordinators') return { to: 'coordinators', because: 'category' };
  if (!binome) return { to: 'coordinators', because: 'no-binome' };
  if (!binome.referent) return { to: 'coordinators', because: 'no-referent' };
  if (isMemberOf(binome, binome.referent) || binome.referent === reporter) return { to: 'coordinators', because: 'referent-involved' };
  return { to: 'referent', referent: binome.referent };
}

/** The request that opens (or finds) the coordinators' private space: same key, same space. */
export function coordinationSpaceRequest(programme: Programme) {
  return {
    key: 'coordination',
    name: programme.reports.coordinationSpace,
    memberIds: programme.access.coordinators.users,
    memberRoles: programme.access.coordinators.roles,
  };
}
