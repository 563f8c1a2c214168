import { describe, expect, it } from 'vitest';
import { feedbackCommand } from '../../../commands/mentorat/feedback';
import { FEEDBACK_COMMAND_ID } from '../../../src/core/feedback/feedback-form';
import { FEEDBACK_JOB, feedbackAskJob, scheduleFeedbackAsk } from '../../../src/core/feedback/feedback-job';
import { translate } from '../../../src/core/i18n/translate';
import type { Reply } from '../../../src/core/reply';
import type { ChatEvent } from '../../support/recording-chat';
import { refusal } from '../../support/refusal';
import { TERMINAL } from '../../support/use-case-world';
import { createCycleWorld } from '../stats/cycle-world';

const CLOSED_AT = '2027-06-30T16:00:00.000Z';
const MEMBERS = ['e1', 'm1', 'e2', 'm2', 'e3', 'm3'];

const dmsTo = (events: readonly ChatEvent[], userId: string) =>
  events.filter((event): event is Extract<ChatEvent, { type: 'dm' }> => event.type === 'dm' && event.userId === userId);

const textOf = (reply: Reply): string => (reply.kind === 'messages' ? reply.messages.map((message) => message.text).join('\n') : '');

async function closedCycleWorld() {
  const made = await createCycleWorld();
  const cycle = await made.closeCycle(CLOSED_AT);
  for (const member of MEMBERS) await scheduleFeedbackAsk(made.world.ports, TERMINAL, cycle, member);
  const submit = (userId: string, values: Record<string, string>) => {
    const submitted = feedbackCommand.submit;
    if (!submitted) throw new Error('the feedback command takes a form');
    return submitted(made.world.as({ userId }), values);
  };
  return { ...made, cycle, submit };
}

describe('the end-of-cycle feedback DM', () => {
  it('thanks each member of the cycle’s binômes privately, once, with a button that opens the form', async () => {
    const { world, runner } = await closedCycleWorld();
    await runner.runDue();
    await runner.runDue();
    for (const member of MEMBERS) expect(dmsTo(world.chat.events, member)).toHaveLength(1);
    const [dm] = dmsTo(world.chat.events, 'e1');
    expect(dm?.message.text).toBe(translate('fr', 'feedback.ask', { cycle: '2026-2027', programme: world.programme.name.fr }));
    expect(dm?.message.buttons).toEqual([
      { action: 'open', label: translate('fr', 'feedback.button'), style: 'primary', args: ['1'], command: FEEDBACK_COMMAND_ID },
    ]);
    // Irène reads English.
    expect(dmsTo(world.chat.events, 'm3')[0]?.message.text).toContain('thank you for taking part');
    // The référent was not one of a pair: nothing for them.
    expect(dmsTo(world.chat.events, 'ref')).toEqual([]);
  });

  it('is not sent twice when a run that may have sent it runs again, nor when the cycle is closed twice', async () => {
    const { world, runner, cycle } = await closedCycleWorld();
    expect(await scheduleFeedbackAsk(world.ports, TERMINAL, cycle, 'e1')).toBe(false);
    await runner.runDue();
    const job = {
      schemaVersion: 1 as const,
      community: TERMINAL,
      kind: FEEDBACK_JOB,
      key: '1-e1',
      dueAt: CLOSED_AT,
      payload: { cycle: '1', participant: 'e1' },
      attempts: 0,
      createdAt: CLOSED_AT,
    };
    const ctx = { community: TERMINAL, programme: world.programme, ports: world.ports, attempt: 1, mayHaveRun: true };
    expect(await feedbackAskJob.run(ctx, job)).toEqual({ status: 'done' });
    expect(dmsTo(world.chat.events, 'e1')).toHaveLength(1);
    expect(dmsTo(world.chat.events, 'e1')[0]?.options).toEqual({ key: 'feedback|1|e1', mayHaveBeenSent: false });
  });

  it('is not sent to someone who already answered with /mentorat avis, nor after the feedback closed', async () => {
    const { world, runner, submit } = await closedCycleWorld();
    await submit('e1', { satisfaction: '4', recommend: 'oui' });
    world.clock.set('2027-08-26T16:00:00.000Z'); // 8 weeks later
    await runner.runDue();
    expect(dmsTo(world.chat.events, 'e1')).toEqual([]);
    expect(dmsTo(world.chat.events, 'm1')).toEqual([]);
  });
  it('is not sent to a member who withdrew or erased their data', async () => {
    const { world, runner } = await closedCycleWorld();
    const m2 = { platform: 'terminal' as const, communityId: 'local', userId: 'm2' };
    const enrolment = await world.ports.enrolments.find(m2);
    if (enrolment) await world.ports.enrolments.save({ ...enrolment, status: 'withdrawn', withdrawnAt: CLOSED_AT });
    await world.ports.enrolments.remove({ ...m2, userId: 'e2' });
    await runner.runDue();
    expect(dmsTo(world.chat.events, 'm2')).toEqual([]);
    expect(dmsTo(world.chat.events, 'e2')).toEqual([]);
    expect(dmsTo(world.chat.events, 'e1')).toHaveLength(1);
  });
});

describe('answering the feedback form', () => {
  it('opens from the DM’s button and from /mentorat avis, then thanks the person', async () => {
    const { world, submit } = await closedCycleWorld();
    const opened = await feedbackCommand.actions?.open?.(world.as({ userId: 'e2' }), ['1']);
    expect(opened?.kind).toBe('form');
    expect(feedbackCommand.actionForms?.open?.(world.programme).id).toBe(FEEDBACK_COMMAND_ID);
    const typed = await feedbackCommand.run(world.as({ userId: 'e2' }), {}, { commands: [] });
    expect(typed.kind).toBe('form');
    const reply = await submit('e2', { satisfaction: '5', recommend: 'oui', comment: 'Très utile pour ma recherche d’emploi.' });
    expect(textOf(reply)).toBe(translate('fr', 'feedback.thanks', { cycle: '2026-2027' }));
  });

  it('stores the answer without the person: no id in the answer, its key, or anywhere near it', async () => {
    const { world, submit } = await closedCycleWorld();
    await submit('e2', { satisfaction: '5', recommend: 'oui', comment: 'Très utile.' });
    const answers = await world.ports.feedback.listAnswers(TERMINAL, 1);
    expect(answers).toHaveLength(1);
    expect(answers[0]).toMatchObject({ cycle: 1, satisfaction: 5, recommend: true, comment: 'Très utile.' });
    const stored: [string, unknown][] = [];
    for await (const entry of world.store.scan('feedback-answer.')) stored.push(entry);
    expect(stored).toHaveLength(1);
    // The id as a token of its own: a random answer id (hex) may hold the letters "e2" by chance.
    expect(JSON.stringify(stored)).not.toMatch(/(^|[^0-9a-f])e2([^0-9a-f]|$)/);
    expect(JSON.stringify(stored)).not.toContain('2027');
    // What "my data" exports and erasure forgets: that they answered, not what.
    const holder = world.ports.personalData.find((candidate) => candidate.section === 'feedback');
    const e2 = { platform: 'terminal' as const, communityId: 'local', userId: 'e2' };
    expect(await holder?.exportFor(e2)).toEqual([{ cycle: 1, answered: true }]);
    expect(await holder?.eraseFor(e2)).toBe(true);
    expect(await holder?.exportFor(e2)).toEqual([]);
    expect(await world.ports.feedback.listAnswers(TERMINAL, 1)).toHaveLength(1);
  });

  it('refuses a second answer politely and keeps the first', async () => {
    const { world, submit } = await closedCycleWorld();
    await submit('e3', { satisfaction: '2', recommend: 'non' });
    const second = await submit('e3', { satisfaction: '5', recommend: 'oui' });
    expect(textOf(second)).toBe(translate('fr', 'feedback.alreadyAnswered', { cycle: '2026-2027' }));
    const reopened = await feedbackCommand.run(world.as({ userId: 'e3' }), {}, { commands: [] });
    expect(textOf(reopened)).toBe(translate('fr', 'feedback.alreadyAnswered', { cycle: '2026-2027' }));
    expect((await world.ports.feedback.listAnswers(TERMINAL, 1)).map((answer) => answer.satisfaction)).toEqual([2]);
  });

  it('refuses a comment with control characters like any free text, and a missing mark', async () => {
    const { world, submit } = await closedCycleWorld();
    const rejected = await submit('e1', { satisfaction: '4', recommend: 'oui', comment: 'bien\u202Eeciton' });
    expect(rejected.kind).toBe('form-rejected');
    if (rejected.kind === 'form-rejected') expect(rejected.errors.map((error) => error.field)).toEqual(['comment']);
    const missing = await submit('e1', { recommend: 'oui' });
    expect(missing.kind).toBe('form-rejected');
    if (missing.kind === 'form-rejected') expect(missing.errors.map((error) => error.field)).toEqual(['satisfaction']);
    expect(await world.ports.feedback.listAnswers(TERMINAL, 1)).toEqual([]);
    expect(await world.ports.feedback.hasAnswered({ platform: 'terminal', communityId: 'local', userId: 'e1' }, 1)).toBe(false);
  });

  it('is not open before the cycle ends, to someone who had no binôme in it, or 8 weeks after', async () => {
    const made = await createCycleWorld();
    const ask = (userId: string) => feedbackCommand.run(made.world.as({ userId, locale: 'en' }), {}, { commands: [] });
    expect(await refusal(() => ask('e1'))).toBe(translate('en', 'feedback.notOpen'));
    await made.closeCycle(CLOSED_AT);
    expect(await refusal(() => ask('ref'))).toBe(translate('en', 'feedback.notOpen'));
    made.world.clock.set('2027-08-25T15:59:00.000Z');
    expect((await ask('e1')).kind).toBe('form');
    made.world.clock.set('2027-08-25T16:00:00.000Z');
    expect(await refusal(() => ask('e1'))).toBe(translate('en', 'feedback.notOpen'));
  });
});
