import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { literal } from '../../../src/core/reply';
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
