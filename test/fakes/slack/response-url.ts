/*
 * The response_urls the fake hands out with slash commands and message actions. Bolt's respond() POSTs
 * JSON {text, blocks, response_type, replace_original, delete_original}. Slack documents five uses
 * within 30 minutes and no answer for the uses beyond: each URL here takes five posts, then answers
 * 404 'used_url'; after its time, 404 'expired_url'; a URL it never issued, 404 'no_service'.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { asArray, asRecord, isTrue, parseJsonField, stringField } from './json-values';
import type { SlackState } from './slack-state';
import { readBody } from './web-api-server';

export async function handleResponseUrl(
  request: IncomingMessage,
  response: ServerResponse,
  id: string,
  url: string,
  state: SlackState,
): Promise<void> {
  const raw = (await readBody(request)).toString('utf8');
  const origin = state.useResponseUrl(id);
  if (typeof origin === 'string') {
    const error = { unknown: 'no_service', used: 'used_url', expired: 'expired_url' }[origin];
    state.responseUrlRefusals.push({ url, status: 404, error });
    response.writeHead(404, { 'content-type': 'text/plain' }).end(error);
    return;
  }
  const body = parseJsonField(raw);
  state.responseUrlPosts.push({ url, body });
  const fields = asRecord(body);
  const text = stringField(fields, 'text') ?? '';
  const blocks = asArray(parseJsonField(fields.blocks));
  const original = origin.messageTs
    ? state.messages.find((message) => message.channel === origin.channelId && message.ts === origin.messageTs)
    : undefined;
  if (isTrue(fields.delete_original) && original) {
    state.messages.splice(state.messages.indexOf(original), 1);
  } else if (isTrue(fields.replace_original) && original) {
    Object.assign(original, { text, blocks, viaResponseUrl: true, replaceOriginal: true });
  } else {
    const inChannel = fields.response_type === 'in_channel';
    state.addMessage({
      channel: origin.channelId,
      ...(inChannel ? {} : { user: origin.userId }),
      text,
      blocks,
      ephemeral: !inChannel,
      viaResponseUrl: true,
      ...(isTrue(fields.replace_original) ? { replaceOriginal: true } : {}),
    });
  }
  response.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
}
