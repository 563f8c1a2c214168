import { describe, expect, it } from 'vitest';
import { textPayload } from '../../../src/platforms/discord/discord-message';
import { type AnswerableInteraction, InteractionAnswer } from '../../../src/platforms/discord/interaction-answer';

/**
 * A chat-input interaction reduced to the calls InteractionAnswer makes, each taking a while as
 * over a network, recording what reached "Discord" in order.
 */
function slowCommandInteraction(latencyMs: number) {
  const calls: string[] = [];
  const call = (name: string) => async () => {
    calls.push(`${name} sent`);
    await new Promise((resolve) => setTimeout(resolve, latencyMs));
    calls.push(`${name} done`);
  };
  const interaction = {
    isModalSubmit: () => false,
    isMessageComponent: () => false,
    reply: call('reply'),
    deferReply: call('deferReply'),
    editReply: call('editReply'),
    followUp: call('followUp'),
    showModal: call('showModal'),
  };
  return { calls, interaction: interaction as unknown as AnswerableInteraction };
}

describe('answering one Discord interaction', () => {
  it('never defers while its first answer is on its way: the deadline firing then waits, and the rest follows up', async () => {
    const { calls, interaction } = slowCommandInteraction(30);
    const answer = new InteractionAnswer(interaction);
    const first = answer.show(textPayload('part 1'), { replace: false });
    const deadline = answer.defer();
    await Promise.all([first, deadline]);
    await answer.show(textPayload('part 2'), { replace: false });
    expect(calls).toEqual(['reply sent', 'reply done', 'followUp sent', 'followUp done']);
  });

  it('fills a deferral with the first message, then follows up; a modal is no longer possible', async () => {
    const { calls, interaction } = slowCommandInteraction(5);
    const answer = new InteractionAnswer(interaction);
    await answer.defer();
    expect(answer.canOpenModal).toBe(false);
    await answer.show(textPayload('one'), { replace: false });
    await answer.show(textPayload('two'), { replace: false });
    expect(calls.filter((entry) => entry.endsWith('sent'))).toEqual(['deferReply sent', 'editReply sent', 'followUp sent']);
    await expect(answer.openModal({ custom_id: 'x', title: 'x', components: [] })).rejects.toThrow(/first answer/);
  });
});
