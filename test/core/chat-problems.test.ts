import { describe, expect, it } from 'vitest';
import { describeChatProblem } from '../../src/core/chat-problems';

describe('what a coordinator reads when the platform refuses', () => {
  it('names the permission to grant, in their language', () => {
    const failure = { ok: false, reason: 'missing-permission', detail: 'Manage Channels, Manage Roles' } as const;
    expect(describeChatProblem('fr', failure)).toContain('« Manage Channels, Manage Roles ». Accordez-la');
    expect(describeChatProblem('en', failure)).toContain('“Manage Channels, Manage Roles”. Grant it');
  });

  it('names the category to create, and says what closed DMs mean', () => {
    expect(describeChatProblem('fr', { ok: false, reason: 'missing-category', detail: 'Binômes mentorat' })).toContain(
      'La catégorie « Binômes mentorat » n’existe pas',
    );
    expect(describeChatProblem('en', { ok: false, reason: 'dms-closed' })).toContain('does not accept direct messages');
    expect(describeChatProblem('en', { ok: false, reason: 'unreachable' })).toContain(': —.');
  });
});
