import { describe, expect, it } from 'vitest';
import { slackPerson, slackTypedText } from '../../../src/platforms/slack/slack-typed-text';

describe('what a person typed in a Slack slash command', () => {
  it('is a person’s id when they picked someone in Slack’s autocomplete (escaped command), with or without the name', () => {
    expect(slackPerson('<@U0DAN|dan>')).toBe('U0DAN');
    expect(slackPerson(' <@U0DAN> ')).toBe('U0DAN');
    expect(slackPerson('<@W0ENTERPRISE|dan>')).toBe('W0ENTERPRISE');
  });

  it('is the text as typed, trimmed, for anything else', () => {
    expect(slackPerson('  Dan Leroy ')).toBe('Dan Leroy');
    expect(slackPerson('@dan')).toBe('@dan');
    expect(slackPerson('<@U0DAN|dan> et <@U0BOB|bob>')).toBe('@dan et @bob');
    expect(slackPerson('Dan &amp; Co')).toBe('Dan & Co');
  });

  it('turns Slack’s escapes back into what was typed: entities, people, channels, links and broadcasts', () => {
    expect(slackTypedText('R&amp;D &lt;3 &gt; 2 &amp;lt;')).toBe('R&D <3 > 2 &lt;');
    expect(slackTypedText('voir <@U0DAN|dan> dans <#C0PAIR|binome-alice-dan>, <#C0X>')).toBe('voir @dan dans #binome-alice-dan, #C0X');
    expect(slackTypedText('<https://cjsm.fr/?a=1&amp;b=2> ou <http://cjsm.fr|cjsm.fr>')).toBe('https://cjsm.fr/?a=1&b=2 ou cjsm.fr');
    expect(slackTypedText('<!here> <!subteam^S0REF|@referents>')).toBe('@here @referents');
  });
});
