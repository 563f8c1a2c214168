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
