import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { literal, mention, spaceMention } from '../../../src/core/reply';
import { markupToMrkdwn } from '../../../src/platforms/slack/slack-markup';

const J = '\u200D';

/** What a person reads: invisible joiners and soft hyphens gone, entities decoded. */
function shown(mrkdwn: string): string {
  return mrkdwn
    .replace(/[\u200D\u00AD]/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** Every Slack formatting character is glued between joiners, or sits inside an ASCII word, where Slack never formats. */
function formattingIsInert(mrkdwn: string): boolean {
  return [...mrkdwn].every((character, index, all) => {
    if (!'*_~`'.includes(character)) return true;
    const before = all[index - 1] ?? '';
    const after = all[index + 1] ?? '';
    return (before === J && after === J) || (/^[A-Za-z0-9]$/.test(before) && /^[A-Za-z0-9]$/.test(after));
  });
}

describe('the neutral markup as Slack mrkdwn', () => {
  it('turns bold into single asterisks and keeps italic, code and lists', () => {
    expect(markupToMrkdwn('**Votre inscription** est _enregistrée_ : tapez `/mentorat profil`')).toBe(
      '*Votre inscription* est _enregistrée_ : tapez `/mentorat profil`',
    );
    expect(markupToMrkdwn('- premier\n- second\n1. un\n2. deux')).toBe('- premier\n- second\n1. un\n2. deux');
  });

  it('writes links the Slack way, their label formatted and their address kept whole', () => {
    expect(markupToMrkdwn('Lisez [la charte](https://cjsm.fr/charte) puis **[le site](https://cjsm.fr)**')).toBe(
      'Lisez <https://cjsm.fr/charte|la charte> puis *<https://cjsm.fr|le site>*',
    );
    expect(markupToMrkdwn('[page](https://x.fr/?a=1&b=2)')).toBe('<https://x.fr/?a=1&amp;b=2|page>');
  });

  it('escapes the control characters, so nothing can become a mention or a link', () => {
    expect(markupToMrkdwn('R&D < 35 ans > 2')).toBe('R&amp;D &lt; 35 ans &gt; 2');
    expect(markupToMrkdwn(literal('<!everyone> <@U123> <https://evil.fr|banque>'))).toBe(
      '&lt;!everyone&gt; &lt;@U123&gt; &lt;https://evil.fr|banque&gt;',
    );
    expect(markupToMrkdwn('`a < b && c`')).toBe('`a &lt; b &amp;&amp; c`');
  });

  it('names people and channels the Slack way, and leaves a typed or escaped one as text', () => {
    expect(markupToMrkdwn(`Votre binôme : ${mention('U0DAN')}, dans ${spaceMention({ id: 'C0PAIR', name: 'binome-alice-dan' })}`)).toBe(
      'Votre binôme : <@U0DAN>, dans <#C0PAIR>',
    );
    expect(markupToMrkdwn(`**${mention('U0DAN')}**`)).toBe('*<@U0DAN>*');
    expect(markupToMrkdwn(literal('<@U0DAN> <#C0PAIR|x>'))).toBe('&lt;@U0DAN&gt; &lt;#C0PAIR|x&gt;');
    expect(markupToMrkdwn(`\\${mention('U0DAN')}`)).toBe('&lt;@U0DAN&gt;');
    expect(markupToMrkdwn(mention('not a slack id'))).toBe('&lt;@not a slack id&gt;');
  });

  it('shows what a person typed as typed: no bold, italic, strike, code or link', () => {
    const typed = markupToMrkdwn(`Nom : ${literal('*Bob* _x_ ~y~ `z` [clic](https://x.y) **w**')}`);
    expect(typed).toBe(
      `Nom : ${J}*${J}Bob${J}*${J} ${J}_${J}x${J}_${J} ${J}~${J}y${J}~${J} ${J}\`${J}z${J}\`${J} [clic](https://x.y) ${J}*${J}${J}*${J}w${J}*${J}${J}*${J}`,
    );
    expect(shown(typed)).toBe('Nom : *Bob* _x_ ~y~ `z` [clic](https://x.y) **w**');
  });

  it('leaves a formatting character inside a word as it is, so addresses still copy', () => {
    expect(markupToMrkdwn(literal('jean_dupont@x.fr a*b'))).toBe('jean_dupont@x.fr a*b');
    expect(markupToMrkdwn(literal('_début fin_'))).toBe(`${J}_${J}début fin${J}_${J}`);
  });

  it('never lets a line a person typed start as a quote', () => {
    expect(shown(markupToMrkdwn(literal('> cité')))).toBe('> cité');
    expect(markupToMrkdwn(literal('> cité'))).toBe('\u00AD&gt; cité');
    expect(markupToMrkdwn(`Avis :\n${literal('>> oui')}`)).toBe('Avis :\n\u00AD&gt;&gt; oui');
  });

  it('keeps a lone asterisk or tilde of the catalogue plain, and a backslash at the end', () => {
    expect(shown(markupToMrkdwn('5 * 3 ~ 15 \\'))).toBe('5 * 3 ~ 15 \\');
    expect(formattingIsInert(markupToMrkdwn('5 * 3 ~ 15'))).toBe(true);
  });

  it('never turns literal text into markup or control sequences (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-composite' }), (typed) => {
        const mrkdwn = markupToMrkdwn(literal(typed));
        expect(mrkdwn).not.toMatch(/[<>]/);
        expect(mrkdwn).not.toMatch(/&(?!amp;|lt;|gt;)/);
        expect(formattingIsInert(mrkdwn)).toBe(true);
        expect(shown(mrkdwn)).toBe(typed.replace(/[\u200D\u00AD]/g, ''));
      }),
      { numRuns: 500 },
    );
  });

  it('keeps literal text inert inside bold and link labels too (property)', () => {
    fc.assert(
      fc.property(fc.string(), (typed) => {
        const mrkdwn = markupToMrkdwn(`**Nom :** ${literal(typed)} [profil de ${literal(typed)}](https://cjsm.fr)`);
        const link = mrkdwn.indexOf('<https://cjsm.fr|profil de ');
        expect(mrkdwn.startsWith('*Nom :* ')).toBe(true);
        expect(mrkdwn.match(/[<>]/g)).toEqual(['<', '>']);
        expect(mrkdwn.endsWith('>')).toBe(true);
        expect(formattingIsInert(mrkdwn.slice('*Nom :* '.length, link))).toBe(true);
        expect(formattingIsInert(mrkdwn.slice(link + '<https://cjsm.fr|profil de '.length, -1))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
