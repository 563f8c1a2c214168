import type { CommunityRef } from '../identity';
import type { Programme } from './programme-schema';

/** Each community's programme: the shared file, with the community's own file merged over it. */
export interface ProgrammeDirectory {
  programmeFor(community: CommunityRef): Programme;
}
