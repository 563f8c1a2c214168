import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sectionTexts, slackMessage } from '../../../src/platforms/slack/slack-message';

describe('a message as Slack blocks', () => {
  it('keeps every section within Slack’s 3,000 characters, losing nothing, cutting at line ends when it can', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 4000 }), { maxLength: 6 }), (lines) => {
        const text = lines.join('\n');
        const sections = sectionTexts(text);
        for (const section of sections) expect(section.length).toBeLessThanOrEqual(3000);
        expect(sections.join('').replace(/\n/g, '')).toBe(text.replace(/\n/g, ''));
      }),
    );
    expect(sectionTexts(`${'a'.repeat(2000)}\n${'b'.repeat(2000)}`)).toEqual(['a'.repeat(2000), 'b'.repeat(2000)]);
  });

  it('escapes what would break mrkdwn and puts the buttons under the text', () => {
    const message = slackMessage({
      text: '**Profil** & <x>',
      buttons: [{ id: 'b1|x|edit|U1', label: 'Modifier', style: 'primary' }],
      attachments: [],
    });
    expect(message.text).toBe('*Profil* &amp; &lt;x&gt;');
    expect(message.blocks).toEqual([
      { type: 'section', text: { type: 'mrkdwn', text: '*Profil* &amp; &lt;x&gt;' } },
      {
        type: 'actions',
        elements: [
          {
            type: 'button',
            action_id: 'b1|x|edit|U1',
            value: 'b1|x|edit|U1',
            text: { type: 'plain_text', text: 'Modifier' },
            style: 'primary',
          },
        ],
      },
    ]);
  });
});
