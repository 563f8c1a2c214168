import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { commands } from '../../../commands';
import { defineCommand } from '../../../src/core/command';
import { manageReferents } from '../../../src/core/referents/manage-referents';
import { messages } from '../../../src/core/reply';
import { createDispatcher, type Delivery } from '../../../src/dispatch/dispatcher';
import { COORDINATOR, enrolMentor, makeBinome, text } from '../../support/pairing-people';
import { defaultProgramme } from '../../support/programme';
import { createRecordingResponder } from '../../support/recording-chat';
import { createRecordingLog } from '../../support/recording-log';
import { refusal } from '../../support/refusal';
import { createUseCaseWorld, TERMINAL, type UseCaseWorld } from '../../support/use-case-world';

let world: UseCaseWorld;
beforeEach(async () => {
  world = await createUseCaseWorld();
});
afterEach(async () => {
  await world.close();
});

const coordinator = () => world.as({ ...COORDINATOR, locale: 'en' });
const referents = (action: 'list' | 'add' | 'remove', person?: string) =>
  manageReferents(coordinator(), { action, ...(person === undefined ? {} : { person }) });

describe('/mentorat-admin referents', () => {
  it('lists the référents of the configuration and those added in chat, with the binômes each follows', async () => {
    await enrolMentor(world, 'nina', 'Nina **Petit**');
    await referents('add', 'nina');
    await referents('add', 'omar');
    for (const binome of [
      makeBinome({ id: 'p1-1', mentee: 'dan', mentor: 'erin', referent: 'ref' }),
      makeBinome({ id: 'p1-2', mentee: 'gus', mentor: 'fay', referent: 'ref' }),
      makeBinome({ id: 'p1-3', mentee: 'hal', mentor: 'fay', referent: 'nina' }),
      makeBinome({ id: 'p1-4', mentee: 'ivy', mentor: 'erin', referent: 'nina', status: 'dissolved' }),
    ]) {
      await world.ports.binomes.add(binome);
    }
    expect(text(await referents('list'))).toBe(
      [
        '**Referents (3)**',
        '- <@ref> — follows 2 pairs (configuration)',
        '- Nina \\*\\*Petit\\*\\* (<@nina>) — follows 1 pair (added in chat)',
        '- <@omar> — follows 0 pairs (added in chat)',
        '',
        'Members of the role Référent mentorat may use the referents’ commands; add them here to give them pairs to follow.',
      ].join('\n'),
    );
  });

  it('says there is none yet when neither the configuration nor the chat names one', async () => {
    const programme = defaultProgramme();
    const bare = await createUseCaseWorld({
      programme: { ...programme, access: { ...programme.access, referents: { roles: [], users: [] } } },
    });
    try {
      expect(text(await manageReferents(bare.as({ ...COORDINATOR, locale: 'en' }), { action: 'list' }))).toBe(
        'No referent yet: pairs will have none. Add some with `/mentorat-admin referents action:add person:@…`.',
      );
    } finally {
      await bare.close();
    }
  });

  it('adds a référent once, by id or enrolled name, and remembers who added them and when', async () => {
    await enrolMentor(world, 'nina', 'Nina Petit');
    expect(text(await referents('add', 'nina petit'))).toBe('<@nina> is now a referent: the next pairs may be given to them.');
    expect(text(await referents('add', '@nina'))).toBe('<@nina> already is a referent.');
    expect(await world.ports.referents.list(TERMINAL)).toEqual([
      { schemaVersion: 1, community: TERMINAL, userId: 'nina', addedAt: '2026-03-02T10:00:00.000Z', addedBy: 'coord' },
    ]);
  });

  it('does not store a référent of the configuration again', async () => {
    expect(text(await referents('add', 'ref'))).toBe('<@ref> already is a referent (named in the configuration).');
    expect(await world.ports.referents.list(TERMINAL)).toEqual([]);
  });

  it('asks who when adding or removing without a person, and refuses text that names nobody', async () => {
    expect(await refusal(() => referents('add'))).toBe('Say who: `person:@…`.');
    expect(await refusal(() => referents('remove'))).toBe('Say who: `person:@…`.');
    expect(await refusal(() => referents('add', 'Jane Doe'))).toBe(
      'I do not recognise “Jane Doe”: mention the person (@…) or give the name they enrolled under.',
    );
    expect(await world.ports.referents.list(TERMINAL)).toEqual([]);
  });

  it('removes a référent added in chat, once', async () => {
    await referents('add', 'omar');
    expect(text(await referents('remove', 'omar'))).toBe('<@omar> is no longer a referent: no new pair will be given to them.');
    expect(text(await referents('remove', 'omar'))).toBe('<@omar> was not a referent: nothing changed.');
    expect(await world.ports.referents.includes(TERMINAL, 'omar')).toBe(false);
  });

  it('warns that a removed référent still follows binômes, counting only those not dissolved', async () => {
    await referents('add', 'omar');
    await world.ports.binomes.add(makeBinome({ id: 'p1-1', mentee: 'dan', mentor: 'erin', referent: 'omar' }));
    await world.ports.binomes.add(makeBinome({ id: 'p1-2', mentee: 'gus', mentor: 'erin', referent: 'omar', status: 'dissolved' }));
    expect(text(await referents('remove', 'omar'))).toBe(
      [
        '<@omar> is no longer a referent: no new pair will be given to them.',
        'They still follow 1 pair: choose another referent for them with `/mentorat-admin set-referent`.',
      ].join('\n'),
    );
  });

  it('cannot remove a référent named in the configuration', async () => {
    expect(await refusal(() => referents('remove', 'ref'))).toBe(
      '<@ref> is a referent in the configuration (access.referents.users): remove them from that file.',
    );
  });
});

describe('a référent added in chat, at the dispatcher', () => {
  const followUp = defineCommand({
    id: 'test.referentsOnly',
    group: 'mentorat',
    name: { fr: 'suivi-test', en: 'follow-test' },
    description: 'command.mentorat.help.description',
    audience: 'referents',
    options: [],
    input: z.object({}),
    run: async (ctx) => messages(`roles: ${[...ctx.actor.roles].join(',')}`),
  });

  function dispatcher() {
    return createDispatcher({
      commands: [...commands, followUp],
      programmes: { programmeFor: () => world.programme },
      ports: world.ports,
      log: createRecordingLog(),
    });
  }
  const texts = (delivery: Delivery) => (delivery.kind === 'form' ? [] : delivery.messages.map((message) => message.text));

  async function run(userId: string, commandId: string, options: Record<string, string> = {}) {
    const result = await dispatcher().dispatch({
      community: TERMINAL,
      actor: { userId, displayName: userId, platformRoles: [], isAdministrator: false },
      locale: 'en',
      invocation: { type: 'command', commandId, options },
      responder: createRecordingResponder(),
    });
    return texts(result.delivery);
  }

  it('holds the référent role from then on, and loses it once removed', async () => {
    expect(await run('omar', 'test.referentsOnly')).toEqual(['This command is for referents and the programme coordinators.']);
    expect(await run('coord', 'admin.referents', { action: 'add', person: 'omar' })).toEqual([
      '<@omar> is now a referent: the next pairs may be given to them.',
    ]);
    expect(await run('omar', 'test.referentsOnly')).toEqual(['roles: referent']);
    await run('coord', 'admin.referents', { action: 'remove', person: 'omar' });
    expect(await run('omar', 'test.referentsOnly')).toEqual(['This command is for referents and the programme coordinators.']);
  });

  it('cannot manage référents: that stays the coordinators’ command', async () => {
    await world.ports.referents.add({
      schemaVersion: 1,
      community: TERMINAL,
      userId: 'omar',
      addedAt: '2026-03-01T10:00:00.000Z',
      addedBy: 'coord',
    });
    expect(await run('omar', 'admin.referents', { action: 'add', person: 'mallory' })).toEqual([
      'This command is for the programme coordinators. If you think you are one, ask them to add you.',
    ]);
    expect(await world.ports.referents.includes(TERMINAL, 'mallory')).toBe(false);
  });
});
