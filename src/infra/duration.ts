/** Milliseconds per unit a duration may use; `j` (jour) is `d` for French speakers. */
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const UNIT_MS: Readonly<Record<string, number>> = {
  w: 7 * DAY_MS,
  d: DAY_MS,
  j: DAY_MS,
  h: HOUR_MS,
  m: 60_000,
};

/** The longest a demo may jump at once: a whole programme year is enough, a typo of 10000w is not. */
export const LONGEST_DURATION_MS = 366 * DAY_MS;

const DURATION = /^(?:\d{1,6}[wdjhm])+$/;

/**
 * A duration as a demo or a scenario writes it: `2w`, `14d` (or `14j`), `73h`, `90m`, or
 * several at once, `1w2d`, `3d4h`. Strict: no sign, no space, no decimal, no unit repeated, not
 * zero, at most `LONGEST_DURATION_MS`; anything else is `undefined`, never a guess.
 */
export function parseDuration(text: string): number | undefined {
  const typed = text.trim().toLowerCase();
  if (!DURATION.test(typed)) return undefined;
  const parts = [...typed.matchAll(/(\d+)([wdjhm])/g)];
  const units = parts.map((part) => (part[2] === 'j' ? 'd' : part[2]));
  if (new Set(units).size !== units.length) return undefined;
  const ms = parts.reduce((total, part) => total + Number(part[1]) * (UNIT_MS[part[2] ?? ''] ?? Number.NaN), 0);
  return ms > 0 && ms <= LONGEST_DURATION_MS ? ms : undefined;
}
