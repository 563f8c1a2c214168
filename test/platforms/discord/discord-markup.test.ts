import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { literal, mention, spaceMention } from '../../../src/core/reply';
import { markupToDiscord } from '../../../src/platforms/discord/discord-markup';
import { messagePayload, NO_MENTIONS } from '../../../src/platforms/discord/discord-message';

describe('the neutral markup on Discord', () => {
  it('keeps a person as <@id> and writes a channel as <#id>, which Discord shows by its current name', () => {
    const text = `Votre binôme : ${mention('800000000000000013')}, dans ${spaceMention({ id: '930000000000000001', name: 'binome-alice-dan' })}`;
    expect(markupToDiscord(text)).toBe('Votre binôme : <@800000000000000013>, dans <#930000000000000001>');
  });

  it('sends mentions without pinging anyone', () => {
    const payload = messagePayload({ text: `Bonjour ${mention('800000000000000013')}`, buttons: [], attachments: [] });
    expect(payload.content).toBe('Bonjour <@800000000000000013>');
    expect(payload.allowedMentions).toEqual(NO_MENTIONS);
  });

  it('leaves a typed or escaped mention as escaped text, which Discord shows as typed', () => {
    expect(markupToDiscord(literal('<@800000000000000013> <#930000000000000001|x>'))).toBe(
      '\\<@800000000000000013\\> \\<#930000000000000001|x\\>',
    );
    expect(markupToDiscord(`\\${spaceMention({ id: '930000000000000001', name: 'x' })}`)).toBe('\\<#930000000000000001|x>');
  });

  it('changes nothing a person typed (property)', () => {
    fc.assert(
      fc.property(fc.string(), (typed) => {
        expect(markupToDiscord(literal(typed))).toBe(literal(typed));
      }),
    );
  });
});
