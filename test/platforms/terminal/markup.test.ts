import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { literal, mention, spaceMention } from '../../../src/core/reply';
import { markupToTerminal } from '../../../src/platforms/terminal/markup';

describe('terminal markup', () => {
  it('prints bold as plain text in a transcript and as ANSI bold for a person', () => {
    expect(markupToTerminal('**Votre inscription**', false)).toBe('Votre inscription');
    expect(markupToTerminal('**Votre inscription**', true)).toBe('\u001b[1mVotre inscription\u001b[22m');
  });

  it('drops code marks and spells links out', () => {
    expect(markupToTerminal('Tapez `/mentorat aide` ou [le site](https://cjsm.fr/mentorat)', false)).toBe(
      'Tapez /mentorat aide ou le site (https://cjsm.fr/mentorat)',
    );
  });

  it('prints people as @id and spaces as #name, and a typed or escaped mention as typed', () => {
    expect(
      markupToTerminal(`Votre binôme : ${mention('dan')}, dans ${spaceMention({ id: 'binome:1', name: 'binome-alice-dan' })}`, false),
    ).toBe('Votre binôme : @dan, dans #binome-alice-dan');
    expect(markupToTerminal(literal('<@dan> <#k|x>'), false)).toBe('<@dan> <#k|x>');
    expect(markupToTerminal(`\\${mention('dan')}`, false)).toBe('<@dan>');
  });

  it('shows what a person typed exactly as typed, markup characters included', () => {
    expect(markupToTerminal(`- Nom : ${literal('**Bob** [clic](https://x.y) `z` \\o/')}`, true)).toBe(
      '- Nom : **Bob** [clic](https://x.y) `z` \\o/',
    );
    fc.assert(
      fc.property(fc.string(), (typed) => {
        expect(markupToTerminal(literal(typed), true)).toBe(typed);
      }),
    );
  });
});
