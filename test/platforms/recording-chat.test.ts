import { describe, expect, it } from 'vitest';
import { createRecordingChat } from '../support/recording-chat';

const community = { platform: 'terminal', id: 'local' } as const;

describe('the recording chat the use case tests use', () => {
  it('records keyed deliveries with their options, and a repeat that may have been sent only if it never went out', async () => {
    const chat = createRecordingChat();
    await chat.sendDirectMessage(community, 'bob', { text: 'Votre binôme' }, { key: 'dm:bob' });
    await chat.sendDirectMessage(community, 'bob', { text: 'Votre binôme' }, { key: 'dm:bob', mayHaveBeenSent: true });
    await chat.postInSpace(community, 'space-1', { text: 'Bienvenue' }, { key: 'post:1', mayHaveBeenSent: true });
    await chat.postInSpace(community, 'space-1', { text: 'Bonjour' });
    await chat.postInSpace(community, 'space-1', { text: 'Bonjour' });
    expect(chat.events).toStrictEqual([
      { type: 'dm', community, userId: 'bob', message: { text: 'Votre binôme' }, options: { key: 'dm:bob' } },
      { type: 'post', community, spaceId: 'space-1', message: { text: 'Bienvenue' }, options: { key: 'post:1', mayHaveBeenSent: true } },
      { type: 'post', community, spaceId: 'space-1', message: { text: 'Bonjour' } },
      { type: 'post', community, spaceId: 'space-1', message: { text: 'Bonjour' } },
    ]);
  });
});
