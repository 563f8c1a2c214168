/** Request bodies as discord.js sends them: JSON, or multipart with `payload_json` and `files[n]`. */
import type { IncomingHttpHeaders } from 'node:http';
import type { FakeAttachment } from './types.js';

export interface ParsedBody {
  /** the JSON body, or payload_json; undefined when there was no body */
  json: unknown;
  files: FakeAttachment[];
}

export class BadBody extends Error {}

export async function parseBody(headers: IncomingHttpHeaders, raw: Buffer): Promise<ParsedBody> {
  const contentType = headers['content-type'] ?? '';
  if (raw.length === 0) return { json: undefined, files: [] };
  if (contentType.startsWith('multipart/form-data')) return parseMultipart(contentType, raw);
  try {
    return { json: JSON.parse(raw.toString('utf8')), files: [] };
  } catch {
    throw new BadBody(`body is not JSON (content-type ${contentType || 'absent'})`);
  }
}

async function parseMultipart(contentType: string, raw: Buffer): Promise<ParsedBody> {
  // undici's own parser: the same one the client's FormData came from.
  const form = await new Request('http://fake.invalid/', {
    method: 'POST',
    headers: { 'content-type': contentType },
    body: raw,
  }).formData();
  const payload = form.get('payload_json');
  let json: unknown;
  if (typeof payload === 'string') {
    try {
      json = JSON.parse(payload);
    } catch {
      throw new BadBody('payload_json is not JSON');
    }
  }
  const files: { index: number; attachment: FakeAttachment }[] = [];
  for (const [key, value] of form.entries()) {
    if (typeof value === 'string') continue;
    const index = Number(/^files\[(\d+)\]$/.exec(key)?.[1] ?? files.length);
    const bytes = Buffer.from(await value.arrayBuffer());
    const attachment: FakeAttachment = { filename: value.name, content: bytes.toString('utf8'), bytes };
    if (value.type && value.type !== 'application/octet-stream') attachment.contentType = value.type;
    files.push({ index, attachment });
  }
  files.sort((a, b) => a.index - b.index);
  return { json, files: files.map((file) => file.attachment) };
}
