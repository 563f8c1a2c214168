/**
 * At most one run per key at a time: a second caller with the same key while the first runs
 * gets the first one's result, so two openings of one binôme space never create two channels.
 */
export function singleFlight<Result>(): (key: string, run: () => Promise<Result>) => Promise<Result> {
  const running = new Map<string, Promise<Result>>();
  return (key, run) => {
    const current = running.get(key);
    if (current) return current;
    const started = run().finally(() => running.delete(key));
    running.set(key, started);
    return started;
  };
}

/**
 * Runs per key one after the other, in arrival order: two quick clicks on one form each see
 * what the other saved, instead of both saving their own copy of the draft.
 */
export function serialQueue(): (key: string, run: () => Promise<void>) => Promise<void> {
  const tails = new Map<string, Promise<void>>();
  return (key, run) => {
    const next = (tails.get(key) ?? Promise.resolve()).catch(() => undefined).then(run);
    tails.set(key, next);
    const forget = () => {
      if (tails.get(key) === next) tails.delete(key);
    };
    next.then(forget, forget);
    return next;
  };
}
