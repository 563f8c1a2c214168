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
