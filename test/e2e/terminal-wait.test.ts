import { describe, expect, it } from 'vitest';
import { translate } from '../../src/core/i18n/translate';
import { reportDeadlineScenariosFor } from '../scenarios/report-deadlines';
import { type Delivery, plain, type Step } from '../scenarios/scenario';
import { parseTranscript, runTerminalChat, scenarioScript } from '../scenarios/terminal-driver';

/** What a segment delivered, markup left aside. */
const seen = (deliveries: readonly Delivery[] | undefined) =>
  (deliveries ?? []).map((delivery) => ({ to: delivery.to, via: delivery.via, text: plain(delivery.text) }));

/** The scenario's steps up to the report filed (the référent has it, nobody took it), then one wait step. */
function reportFiledThenWait(duration: string): { script: string; waitLine: number } {
  const [scenario] = reportDeadlineScenariosFor('fr');
  const steps = scenario?.steps ?? [];
  const filed = steps.findIndex((step) => 'command' in step.action && step.action.command === 'mentorat.report');
  const wait: Step = { actor: 'dan', action: { wait: duration }, expect: [] };
  const { script, stepLines } = scenarioScript([...steps.slice(0, filed + 1), wait], 'fr');
  return { script, waitLine: stepLines.at(-1) ?? -1 };
}

describe.concurrent('/wait in the terminal chat', () => {
  it('is refused without MENTORAT_NOW, in the person’s language, and time does not move: no reminder comes', async () => {
    const { script, waitLine } = reportFiledThenWait('4d');
    const run = await runTerminalChat(`${script}/lang en\n/wait 4d\n`);
    expect(run.exitCode).toBe(0);
    expect(run.stderr).toBe('');
    const segments = parseTranscript(run.stdout);
    // Filed a moment ago: the référent received it, and only that.
    expect(segments[waitLine - 1]?.filter((delivery) => delivery.to === 'ref')).toHaveLength(1);
    expect(seen(segments[waitLine])).toEqual([{ to: 'dan', via: 'ephemeral', text: plain(translate('fr', 'terminal.wait.notInDemo')) }]);
    expect(seen(segments[waitLine + 2])).toEqual([
      { to: 'dan', via: 'ephemeral', text: plain(translate('en', 'terminal.wait.notInDemo')) },
    ]);
    expect(run.stdout).not.toContain('plus tard');
    expect(run.stdout).not.toContain('later:');
  });

  it('with MENTORAT_NOW, moves the clock and runs what became due right under the /wait line', async () => {
    const { script, waitLine } = reportFiledThenWait('73h');
    const run = await runTerminalChat(script, { MENTORAT_NOW: '2026-09-07T08:00:00Z' });
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain('— 73h plus tard : nous sommes le 2026-09-10 09:00 (UTC). —');
    const reminders = seen(parseTranscript(run.stdout)[waitLine]);
    expect(reminders.map((delivery) => [delivery.to, delivery.via])).toEqual([['ref', 'dm']]);
    expect(reminders[0]?.text).toContain(plain(translate('fr', 'report.handling.reminder', { reference: 'SIG-0001' })));
  });

  it('refuses a malformed duration with its usage, and moves nothing', async () => {
    const typed = ['/wait', '/wait 2 w', '/wait -3h', '/wait 3x', '/wait 1.5h', '/wait 0h', '/wait 400d', '/wait 1d'];
    const run = await runTerminalChat(`/lang en\n${typed.join('\n')}\n`, { MENTORAT_NOW: '2026-09-07T08:00:00Z' });
    expect(run.exitCode).toBe(0);
    const segments = parseTranscript(run.stdout);
    const usage = { to: 'alice', via: 'ephemeral', text: plain(translate('en', 'terminal.wait.usage')) };
    for (const index of [1, 2, 3, 4, 5, 6, 7]) expect(seen(segments[index]), typed[index - 1]).toEqual([usage]);
    // Only the last one moved the clock: a day from the start, none of the refused ones counted.
    expect(run.stdout.match(/later: it is now/g)).toHaveLength(1);
    expect(run.stdout).toContain('— 1d later: it is now 2026-09-08 08:00 (UTC). —');
  });

  it('is listed in the terminal’s help, in both languages', async () => {
    const run = await runTerminalChat('/help\n/lang en\n/help\n');
    expect(run.stdout).toContain('/wait <durée>');
    expect(run.stdout).toContain('/wait <duration>');
    expect(run.stdout).toContain('MENTORAT_NOW');
  });
});
