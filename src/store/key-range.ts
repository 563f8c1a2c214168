import { z } from 'zod';

/**
 * The smallest string above every string that starts with `prefix`, in code point order, which
 * is UTF-8 byte order (SQLite's BINARY collation, PostgreSQL's "C"): `key >= prefix AND
 * key < prefixEnd(prefix)` then walks the primary key index, where `LIKE 'prefix%'` cannot.
 */
export function prefixEnd(prefix: string): string {
  const codePoints = Array.from(prefix, (char) => char.codePointAt(0) ?? 0);
  while (codePoints.length > 0) {
    const last = codePoints.pop() ?? 0;
    if (last < 0x10ffff) {
      const next = last + 1;
      // Surrogate code points have no UTF-8 form: the next encodable one is U+E000.
      const encodable = next >= 0xd800 && next <= 0xdfff ? 0xe000 : next;
      return String.fromCodePoint(...codePoints, encodable);
    }
  }
  throw new RangeError('a prefix made only of U+10FFFF has no upper bound');
}

export interface KeyRangePage {
  /** Where the page starts: the prefix itself (included) or the last key already read (excluded). */
  readonly from: string;
  readonly inclusive: boolean;
  readonly end: string;
  readonly limit: number;
}

const pageRowsSchema = z.array(z.object({ key: z.string(), value: z.unknown() }));

/**
 * Every row whose key starts with `prefix` (and sorts before `below` when given), by keyset
 * paging along the primary key: each page starts after the last key read, where an OFFSET would
 * read every earlier row again.
 */
export async function* rowsInKeyRange(
  prefix: string,
  pageSize: number,
  fetchPage: (page: KeyRangePage) => Promise<unknown>,
  below?: string,
): AsyncIterable<readonly [string, unknown]> {
  const afterPrefix = prefixEnd(prefix);
  // Keys are ASCII (keyOf), where JavaScript's order is the databases' byte order.
  const end = below !== undefined && below < afterPrefix ? below : afterPrefix;
  if (end <= prefix) return;
  let page: KeyRangePage = { from: prefix, inclusive: true, end, limit: pageSize };
  for (;;) {
    const rows = pageRowsSchema.parse(await fetchPage(page));
    for (const row of rows) yield [row.key, row.value];
    const last = rows.at(-1);
    if (last === undefined || rows.length < pageSize) return;
    page = { from: last.key, inclusive: false, end, limit: pageSize };
  }
}
