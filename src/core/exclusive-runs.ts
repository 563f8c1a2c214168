/**
 * Work that must not run twice at once in this process (announcing a community's binômes):
 * a second start while one runs is told so at once instead of waiting.
 */
export interface ExclusiveRuns {
  runAlone<T>(key: string, work: () => Promise<T>): Promise<{ readonly ran: true; readonly value: T } | { readonly ran: false }>;
}

export function createExclusiveRuns(): ExclusiveRuns {
  const running = new Set<string>();
  return {
    async runAlone(key, work) {
      if (running.has(key)) return { ran: false };
      running.add(key);
      try {
        return { ran: true, value: await work() };
      } finally {
        running.delete(key);
      }
    },
  };
}
