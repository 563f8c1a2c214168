import type { Pause } from './pause';

/** Whether this pause held at that moment (a round's posting): started by then, not yet ended, not yet run out. */
export function pauseHeldAt(pause: Pause, at: string): boolean {
  const when = Date.parse(at);
  if (Date.parse(pause.startedAt) > when) return false;
  if (pause.endedAt !== undefined && Date.parse(pause.endedAt) <= when) return false;
  return pause.until === undefined || Date.parse(pause.until) > when;
}

export const pausedAt = (pauses: readonly Pause[], at: string): boolean => pauses.some((pause) => pauseHeldAt(pause, at));
