/*
 * Why keys use such a small alphabet: @keyv/sqlite lists a namespace with an unescaped,
 * case-insensitive `LIKE`, Redis lists with glob patterns, and Keyv splits keys on `:`.
 * A key made only of `[a-z0-9-]`, `~xx` escapes and `.` between segments holds no LIKE or
 * glob wildcard, no colon, and no two ids that differ only by case can share a key.
 */

const SAFE_BYTE = /^[a-z0-9-]$/;
const ENCODED = /^(?:[a-z0-9-]|~[0-9a-f]{2})*$/;
/** In a `u` regex, surrogates only match when unpaired: such a string has no UTF-8 form. */
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

/** Encodes any id (a Discord snowflake, a Slack `T01AB_C`, a terminal name "Alice") into one key segment. */
export function keySegment(text: string): string {
  if (LONE_SURROGATE.test(text)) {
    throw new RangeError('a key segment must be well-formed Unicode (it holds a lone surrogate)');
  }
  let segment = '';
  for (const byte of encoder.encode(text)) {
    const char = String.fromCharCode(byte);
    segment += SAFE_BYTE.test(char) ? char : `~${byte.toString(16).padStart(2, '0')}`;
  }
  return segment;
}

/** The inverse of `keySegment`; refuses anything `keySegment` could not have produced. */
export function decodeKeySegment(segment: string): string {
  if (!ENCODED.test(segment)) {
    throw new RangeError(`not an encoded key segment: ${JSON.stringify(segment)}`);
  }
  const bytes: number[] = [];
  for (let index = 0; index < segment.length; index += 1) {
    if (segment[index] === '~') {
      const byte = Number.parseInt(segment.slice(index + 1, index + 3), 16);
      // An escaped safe byte would give a second spelling of the same id.
      if (SAFE_BYTE.test(String.fromCharCode(byte))) {
        throw new RangeError(`not an encoded key segment: ${JSON.stringify(segment)}`);
      }
      bytes.push(byte);
      index += 2;
    } else {
      bytes.push(segment.charCodeAt(index));
    }
  }
  try {
    return decoder.decode(new Uint8Array(bytes));
  } catch (error) {
    throw new RangeError(`not an encoded key segment: ${JSON.stringify(segment)}`, { cause: error });
  }
}

/** A record key from raw parts, each encoded: `keyOf('enrolment', 'terminal', 'local', 'Alice')`. */
export function keyOf(...parts: readonly string[]): string {
  return parts.map(keySegment).join('.');
}
