/*
 * files.uploadV2 is three steps: files.getUploadURLExternal gives an upload URL (served by the fake),
 * the client POSTs the bytes there, then files.completeUploadExternal shares the file into a channel.
 */
import { asArray, parseJsonField, stringField } from './json-values';
import { fail, type MethodHandler, ok, param } from './method-kit';

const getUploadUrl: MethodHandler = (params, context) => {
  const filename = param(params, 'filename');
  const length = Number(param(params, 'length'));
  if (!filename || !Number.isInteger(length) || length < 0) {
    return fail('invalid_arguments', { response_metadata: { messages: ['[ERROR] missing required field: filename or length'] } });
  }
  const fileId = context.state.nextId('F');
  context.state.pendingUploads.set(fileId, { filename, length });
  return ok({ upload_url: `${context.baseUrl}/upload/${fileId}`, file_id: fileId });
};

const completeUpload: MethodHandler = (params, context) => {
  const { state } = context;
  const channel = param(params, 'channel_id') ?? param(params, 'channels');
  if (channel && !state.conversation(channel)) return fail('channel_not_found');
  const files = asArray(parseJsonField(params.files));
  const pending = files.map((file) => ({ id: stringField(file, 'id') ?? '', title: stringField(file, 'title') }));
  if (pending.length === 0)
    return fail('invalid_arguments', { response_metadata: { messages: ['[ERROR] missing required field: files'] } });
  const shared = [];
  for (const { id, title } of pending) {
    const upload = state.pendingUploads.get(id);
    if (upload?.bytes === undefined) return fail('file_not_found');
    const initialComment = param(params, 'initial_comment');
    state.uploads.push({
      filename: upload.filename,
      content: upload.bytes.toString('utf8'),
      bytes: upload.bytes,
      ...(channel ? { channel } : {}),
      ...(title ? { title } : {}),
      ...(initialComment ? { initialComment } : {}),
    });
    state.pendingUploads.delete(id);
    shared.push({
      id,
      name: upload.filename,
      title: title ?? upload.filename,
      ...fileType(upload.filename),
      size: upload.bytes.length,
      user: context.botUserId,
      created: Math.floor(Date.now() / 1000),
      channels: channel ? [channel] : [],
    });
  }
  return ok({ files: shared });
};

/** Slack tells a file's type from its name: an image is shown as one, anything unknown as text. */
function fileType(filename: string): { mimetype: string; filetype: string } {
  const extension = /\.([a-z0-9]+)$/i.exec(filename)?.[1]?.toLowerCase() ?? '';
  const known: Record<string, string> = { png: 'image/png', csv: 'text/csv', json: 'application/json' };
  const mimetype = known[extension];
  return mimetype ? { mimetype, filetype: extension } : { mimetype: 'text/plain', filetype: 'text' };
}

export const fileMethods: Record<string, MethodHandler> = {
  'files.getUploadURLExternal': getUploadUrl,
  'files.completeUploadExternal': completeUpload,
};
