import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cancelConfirmation } from '../../src/core/confirmation';
import { UserError } from '../../src/core/errors';
import type { RawFormValues } from '../../src/core/forms/form-types';
import { translate } from '../../src/core/i18n/translate';
import type { CommunityRef } from '../../src/core/identity';
import { openEnrolmentForm, submitEnrolment } from '../../src/core/participants/enrol';
import { ENROLMENT_FORM_ID } from '../../src/core/participants/enrolment-form';
import { listEnrolled } from '../../src/core/participants/list-enrolled';
import { confirmErasure, exportOwnData, requestErasure } from '../../src/core/participants/own-data';
import { showProfile } from '../../src/core/participants/profile';
import { confirmWithdrawal, requestWithdrawal } from '../../src/core/participants/withdraw';
import type { OutgoingMessage, Reply } from '../../src/core/reply';
import { attachmentText } from '../../src/core/reply';
import { answersWith, MENTEE_ANSWERS, MENTOR_ANSWERS } from '../support/enrolment-answers';
import { createUseCaseWorld, TERMINAL, type UseCaseWorld } from '../support/use-case-world';

const T1 = '2026-03-02T10:00:00.000Z';
const T2 = '2026-03-09T15:30:00.000Z';
const T3 = '2026-04-01T08:00:00.000Z';

let world: UseCaseWorld;
beforeEach(async () => {
  world = await createUseCaseWorld({ now: T1 });
});
afterEach(async () => {
  await world.close();
});

function onlyMessage(reply: Reply): OutgoingMessage {
  if (reply.kind !== 'messages') throw new Error(`expected messages, got ${reply.kind}`);
  expect(reply.messages).toHaveLength(1);
  const [message] = reply.messages;
  if (!message) throw new Error('no message');
  return message;
}

function rejection(reply: Reply) {
  if (reply.kind !== 'form-rejected') throw new Error(`expected form-rejected, got ${reply.kind}`);
  return reply;
}

async function userErrorOf(promise: Promise<unknown>): Promise<UserError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof UserError)) throw new Error(`expected a UserError, got ${String(error)}`);
  return error;
}

const enrol = (raw: RawFormValues, userId = 'alice', locale: 'fr' | 'en' = 'fr') => submitEnrolment(world.as({ userId, locale }), raw);
const find = (userId = 'alice', community: CommunityRef = TERMINAL) =>
  world.enrolments.find({ platform: community.platform, communityId: community.id, userId });

describe('enrolling', () => {
  it('stores a valid mentor enrolment, dated by the clock', async () => {
    await enrol(MENTOR_ANSWERS);
    expect(await find()).toEqual({
      schemaVersion: 3,
      participant: { platform: 'terminal', communityId: 'local', userId: 'alice' },
      status: 'active',
      revision: 1,
      locale: 'fr',
      profile: {
        role: 'mentor',
        name: 'Marie Curie',
        affiliation: 'Institut du Radium',
        sector: 'academic',
        fields: ['proteomique', 'metabolomique'],
        languages: ['fr', 'en'],
        format: 'both',
        region: 'ile-de-france',
        offers: ['carriere-academique', 'reseau'],
        capacity: 2,
        about: 'Chercheuse en spectrométrie de masse depuis vingt ans.',
      },
      consents: { pillars: T1, dataNotice: T1, dataNoticeText: expect.stringMatching(/^Le bot conserve vos réponses au formulaire/) },
      pairAgain: false,
      enrolledAt: T1,
      updatedAt: T1,
    });
  });

  it('says in French that a mentor is enrolled, with their answers and the next steps', async () => {
    const { text } = onlyMessage(await enrol(MENTOR_ANSWERS));
    expect(text).toContain(translate('fr', 'enrol.saved.mentor'));
    expect(text).toContain('Institut du Radium');
    expect(text).toContain('Protéomique');
    expect(text).toContain(translate('fr', 'enrol.nextSteps'));
  });

  it('says in English that a mentee is enrolled, with labels in English', async () => {
    const { text } = onlyMessage(await enrol(MENTEE_ANSWERS, 'bob', 'en'));
    expect(text).toContain(translate('en', 'enrol.saved.mentee'));
    expect(text).toContain('Lipidomics');
    expect(text).toContain(translate('en', 'enrol.nextSteps'));
    expect((await find('bob'))?.locale).toBe('en');
  });

  it('stores the people a mentee excludes, and none when the field is left out', async () => {
    await enrol(MENTEE_ANSWERS);
    await enrol(answersWith(MENTEE_ANSWERS, { excluded: undefined }), 'bob');
    expect((await find())?.profile).toMatchObject({ role: 'mentee', excluded: ['Jean Dupont', 'Claire Petit'] });
    expect((await find('bob'))?.profile).toMatchObject({ role: 'mentee', excluded: [] });
  });

  it('answers privately: no direct message, no post, no follow-up', async () => {
    await enrol(MENTOR_ANSWERS);
    expect(world.chat.events).toEqual([]);
    expect(world.responder.followUps).toEqual([]);
  });

  it('rejects an invalid form with its errors and stores nothing', async () => {
    const reply = rejection(await enrol(answersWith(MENTOR_ANSWERS, { name: 'M', capacity: '9' })));
    expect(reply.form.id).toBe(ENROLMENT_FORM_ID);
    expect(reply.errors.map((error) => [error.field, error.key])).toEqual([
      ['name', 'form.error.tooShort'],
      ['capacity', 'form.error.numberOutOfRange'],
    ]);
    expect(reply.messages.map((message) => message.text)).toEqual([translate('fr', 'enrol.rejected.invalid')]);
    expect(await find()).toBeUndefined();
    expect(await world.enrolments.listByCommunity(TERMINAL)).toEqual([]);
  });
});

describe('mentee eligibility at enrolment', () => {
  // 23:30 UTC on 24 November is already 25 November in Paris (UTC+1).
  const parisBirthdayEve = '2026-11-24T23:30:00.000Z';
  const noPhd = (birthDate: string) => answersWith(MENTEE_ANSWERS, { phdStatus: 'none', birthDate });

  it('refuses a mentee on their 35th birthday in Europe/Paris and stores nothing', async () => {
    world.clock.set(parisBirthdayEve);
    const reply = rejection(await enrol(noPhd('1991-11-25')));
    expect(reply.errors).toEqual([{ field: 'birthDate', key: 'enrol.ineligible', params: { maxAge: 35, maxYears: 5 } }]);
    expect(reply.messages.map((message) => message.text)).toEqual([translate('fr', 'enrol.rejected.ineligible')]);
    expect(await find()).toBeUndefined();
  });

  it('accepts a mentee the day before their 35th birthday in Europe/Paris', async () => {
    world.clock.set(parisBirthdayEve);
    expect((await enrol(noPhd('1991-11-26'))).kind).toBe('messages');
    expect((await find())?.profile).toMatchObject({ role: 'mentee', birthDate: '1991-11-26' });
  });

  it('refuses a thesis defended in the future', async () => {
    const reply = rejection(
      await enrol(answersWith(MENTEE_ANSWERS, { phdStatus: 'defended', phdDate: '2027-01-01', birthDate: '1995-01-01' })),
    );
    expect(reply.errors).toEqual([{ field: 'phdDate', key: 'enrol.error.phdDateInFuture', params: {} }]);
    expect(await find()).toBeUndefined();
  });

  it('never checks the age of a mentor', async () => {
    await enrol(answersWith(MENTOR_ANSWERS, { birthDate: '1950-01-01', phdStatus: 'none' }));
    expect((await find())?.profile.role).toBe('mentor');
  });
});

describe('enrolling again', () => {
  it('keeps one record, at revision 2, first enrolled at the same time, with the new answers and consents', async () => {
    await enrol(MENTOR_ANSWERS);
    world.clock.set(T2);
    const reply = await enrol(answersWith(MENTOR_ANSWERS, { name: 'Marie Skłodowska-Curie', capacity: '3' }));
    expect(onlyMessage(reply).text).toContain(translate('fr', 'enrol.updated'));
    const listed = await world.enrolments.listByCommunity(TERMINAL);
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({
      revision: 2,
      enrolledAt: T1,
      updatedAt: T2,
      consents: { pillars: T2, dataNotice: T2, dataNoticeText: expect.stringMatching(/^Le bot conserve vos réponses/) },
      profile: { name: 'Marie Skłodowska-Curie', capacity: 3 },
    });
  });

  it('can change role, leaving no answer of the former role behind', async () => {
    await enrol(MENTOR_ANSWERS);
    await enrol(MENTEE_ANSWERS);
    const profile = (await find())?.profile;
    expect(profile?.role).toBe('mentee');
    expect(profile).not.toHaveProperty('capacity');
    expect(profile).not.toHaveProperty('offers');
  });

  it('keeps the first enrolment when the second one is invalid', async () => {
    await enrol(MENTOR_ANSWERS);
    const before = await find();
    world.clock.set(T2);
    expect((await enrol(answersWith(MENTOR_ANSWERS, { consentData: 'non' }))).kind).toBe('form-rejected');
    expect(await find()).toEqual(before);
  });

  it('keeps the same user id in two communities as two separate enrolments', async () => {
    const guild: CommunityRef = { platform: 'discord', id: '123456789012345678' };
    await submitEnrolment(world.as({ userId: 'alice', community: TERMINAL }), MENTOR_ANSWERS);
    await submitEnrolment(world.as({ userId: 'alice', community: guild }), MENTEE_ANSWERS);
    expect((await find('alice', TERMINAL))?.profile.role).toBe('mentor');
    expect((await find('alice', guild))?.profile.role).toBe('mentee');
    expect((await find('alice', guild))?.revision).toBe(1);
    expect(await world.enrolments.listByCommunity(TERMINAL)).toHaveLength(1);
    expect(await world.enrolments.listByCommunity(guild)).toHaveLength(1);
  });
});

describe('the enrolment form and the profile', () => {
  it('opens the form with the display name for someone not yet enrolled', async () => {
    const reply = await openEnrolmentForm(world.as({ displayName: 'Alice M.' }));
    expect(reply).toMatchObject({ kind: 'form', form: { id: ENROLMENT_FORM_ID }, initial: { name: 'Alice M.' } });
  });

  it('opens the form filled with the current answers, consents included, for someone enrolled', async () => {
    await enrol(MENTEE_ANSWERS);
    const reply = await openEnrolmentForm(world.as());
    if (reply.kind !== 'form') throw new Error('expected a form');
    expect(reply.initial).toMatchObject({
      role: 'mentee',
      name: 'Alice Martin',
      expectations: ['secteur-prive', 'cv-entretiens'],
      consentPillars: true,
      consentData: true,
    });
  });

  it('refuses to show a profile to someone not enrolled', async () => {
    expect((await userErrorOf(showProfile(world.as()))).messageKey).toBe('profile.notEnrolled');
  });

  it('shows the profile with its status, answers and an edit button', async () => {
    await enrol(MENTOR_ANSWERS);
    const message = onlyMessage(await showProfile(world.as({ locale: 'en' })));
    expect(message.text).toContain(translate('en', 'profile.title'));
    expect(message.text).toContain(translate('en', 'profile.status.active', { date: '2 March 2026' }));
    expect(message.text).toContain('Marie Curie');
    expect(message.text).toContain('Proteomics');
    expect(message.buttons?.map((button) => button.action)).toEqual(['edit']);
  });

  it('names each answer with a noun, never with the question the form asked', async () => {
    await enrol(MENTOR_ANSWERS);
    const french = onlyMessage(await showProfile(world.as())).text;
    expect(french).toContain('- **Mentoré·es que vous pouvez suivre** : 2');
    expect(french).toContain('- **Un mot sur vous** : Chercheuse');
    expect(french).not.toMatch(/Combien|\?\*\* :|\(facultatif\)\*\*/);
    const english = onlyMessage(await showProfile(world.as({ locale: 'en' }))).text;
    expect(english).toContain('- **Mentees you can follow**: 2');
    expect(english).not.toContain('How many');
  });

  it('names the PhD status of a mentee as a noun too', async () => {
    await enrol(MENTEE_ANSWERS, 'bob');
    const french = onlyMessage(await showProfile(world.as({ userId: 'bob' }))).text;
    expect(french).toContain('- **Situation doctorale** : ');
    expect(french).not.toContain('Où en êtes-vous');
  });
});

/** The arguments of the "yes" button a question shows, as a person pressing it sends them back. */
async function yesArgs(question: Promise<Reply>): Promise<readonly string[]> {
  const confirm = onlyMessage(await question).buttons?.find((button) => button.action === 'confirm');
  if (!confirm) throw new Error('no confirm button');
  return confirm.args;
}

async function withdraw(userId = 'alice'): Promise<Reply> {
  return confirmWithdrawal(world.as({ userId }), await yesArgs(requestWithdrawal(world.as({ userId }))));
}

describe('withdrawing', () => {
  it('asks for confirmation with a button carrying when it was asked and the current revision', async () => {
    await enrol(MENTOR_ANSWERS);
    const message = onlyMessage(await requestWithdrawal(world.as()));
    expect(message.text).toBe(translate('fr', 'withdraw.confirm.question'));
    const asked = Math.floor(Date.parse(T1) / 60_000).toString(36);
    expect(message.buttons?.map((button) => [button.action, button.args])).toEqual([
      ['confirm', [asked, '1']],
      ['cancel', []],
    ]);
  });

  it('refuses a confirmation pressed more than 15 minutes after the question', async () => {
    await enrol(MENTOR_ANSWERS);
    const args = await yesArgs(requestWithdrawal(world.as()));
    world.clock.set(new Date(Date.parse(T1) + 16 * 60_000).toISOString());
    expect((await userErrorOf(confirmWithdrawal(world.as(), args))).messageKey).toBe('confirm.expired');
    expect(await find()).toMatchObject({ status: 'active' });
  });

  it('withdraws on confirmation, dated by the clock, replacing the question', async () => {
    await enrol(MENTOR_ANSWERS);
    const args = await yesArgs(requestWithdrawal(world.as()));
    world.clock.set(new Date(Date.parse(T1) + 5 * 60_000).toISOString());
    const reply = await confirmWithdrawal(world.as(), args);
    expect(reply).toMatchObject({ kind: 'messages', replacesOriginal: true });
    expect(onlyMessage(reply).text).toBe(translate('fr', 'withdraw.done'));
    const fiveMinutesLater = new Date(Date.parse(T1) + 5 * 60_000).toISOString();
    expect(await find()).toMatchObject({
      status: 'withdrawn',
      withdrawnAt: fiveMinutesLater,
      updatedAt: fiveMinutesLater,
      revision: 2,
      enrolledAt: T1,
    });
  });

  it('refuses a confirmation whose enrolment changed in between, and leaves it active', async () => {
    await enrol(MENTOR_ANSWERS);
    const args = await yesArgs(requestWithdrawal(world.as()));
    await enrol(answersWith(MENTOR_ANSWERS, { capacity: '3' }));
    const error = await userErrorOf(confirmWithdrawal(world.as(), args));
    expect(error.messageKey).toBe('confirm.expired');
    expect(await find()).toMatchObject({ status: 'active', revision: 2 });
  });

  it('refuses a second confirmation of the same withdrawal', async () => {
    await enrol(MENTOR_ANSWERS);
    const args = await yesArgs(requestWithdrawal(world.as()));
    await confirmWithdrawal(world.as(), args);
    expect((await userErrorOf(confirmWithdrawal(world.as(), args))).messageKey).toBe('confirm.expired');
  });

  it('refuses to withdraw someone not enrolled or already withdrawn', async () => {
    expect((await userErrorOf(requestWithdrawal(world.as()))).messageKey).toBe('profile.notEnrolled');
    await enrol(MENTOR_ANSWERS);
    await withdraw();
    expect((await userErrorOf(requestWithdrawal(world.as()))).messageKey).toBe('withdraw.alreadyWithdrawn');
  });

  it('changes nothing when cancelled', async () => {
    await enrol(MENTOR_ANSWERS);
    const before = await find();
    const reply = await cancelConfirmation(world.as());
    expect(onlyMessage(reply).text).toBe(translate('fr', 'confirm.cancelled'));
    expect(await find()).toEqual(before);
  });

  it('reactivates a withdrawn enrolment when the person enrols again', async () => {
    await enrol(MENTOR_ANSWERS);
    world.clock.set(T2);
    await withdraw();
    world.clock.set(T3);
    const reply = await enrol(MENTOR_ANSWERS);
    expect(onlyMessage(reply).text).toContain(translate('fr', 'enrol.rejoined'));
    const enrolment = await find();
    expect(enrolment).toMatchObject({ status: 'active', revision: 3, enrolledAt: T1, updatedAt: T3 });
    expect(enrolment).not.toHaveProperty('withdrawnAt');
  });
});

describe('own data', () => {
  function attachmentOf(reply: Reply) {
    const [attachment] = onlyMessage(reply).attachments ?? [];
    if (!attachment) throw new Error('no attachment');
    return attachment;
  }

  it('exports the enrolment as a JSON file', async () => {
    await enrol(MENTEE_ANSWERS);
    world.clock.set(T2);
    const reply = await exportOwnData(world.as());
    expect(onlyMessage(reply).text).toContain(translate('fr', 'myData.ready'));
    const attachment = attachmentOf(reply);
    expect(attachment.mimeType).toBe('application/json');
    expect(JSON.parse(attachmentText(attachment))).toEqual({
      exportedAt: T2,
      participant: { platform: 'terminal', communityId: 'local', userId: 'alice' },
      enrolment: await find(),
      formDrafts: [],
      binomes: [],
      waitlist: null,
      referent: null,
      matching: null,
      announcements: [],
      reports: null,
      checkIns: [],
      pauses: [],
      fitConcerns: [],
      feedback: [],
    });
  });

  it('exports null, and says nothing is kept, for someone never enrolled', async () => {
    await enrol(MENTOR_ANSWERS, 'bob');
    const reply = await exportOwnData(world.as({ locale: 'en' }));
    expect(onlyMessage(reply).text).toContain(translate('en', 'myData.nothingStored'));
    expect(JSON.parse(attachmentText(attachmentOf(reply)))).toMatchObject({ enrolment: null });
  });

  it('asks for confirmation before erasing', async () => {
    const message = onlyMessage(await requestErasure(world.as()));
    expect(message.text).toBe(translate('fr', 'erase.confirm.question'));
    expect(message.buttons?.map((button) => button.action)).toEqual(['confirm', 'cancel']);
  });

  it('erases nothing when the confirmation is pressed long after the question', async () => {
    await enrol(MENTOR_ANSWERS);
    const args = await yesArgs(requestErasure(world.as()));
    world.clock.set(new Date(Date.parse(T1) + 60 * 60_000).toISOString());
    expect((await userErrorOf(confirmErasure(world.as(), args))).messageKey).toBe('confirm.expired');
    expect(await find()).toBeDefined();
  });

  it('erases the enrolment, then reports nothing stored when asked again', async () => {
    await enrol(MENTOR_ANSWERS);
    await enrol(MENTEE_ANSWERS, 'bob');
    const args = await yesArgs(requestErasure(world.as()));
    expect(onlyMessage(await confirmErasure(world.as(), args)).text).toBe(translate('fr', 'erase.done'));
    expect(await find()).toBeUndefined();
    expect(onlyMessage(await confirmErasure(world.as(), args)).text).toBe(translate('fr', 'erase.nothingStored'));
    expect(await find('bob')).toBeDefined();
  });
});

describe('listing the enrolled', () => {
  /** A minimal RFC 4180 reader, to check what a spreadsheet would read back. */
  function readCsv(text: string): string[][] {
    const rows: string[][] = [];
    let row: string[] = [];
    let cell = '';
    let quoted = false;
    for (let index = 0; index < text.length; index++) {
      const char = text[index];
      if (quoted) {
        if (char === '"' && text[index + 1] === '"') {
          cell += '"';
          index++;
        } else if (char === '"') quoted = false;
        else cell += char;
      } else if (char === '"') quoted = true;
      else if (char === ',') {
        row.push(cell);
        cell = '';
      } else if (char === '\n') {
        row.push(cell);
        rows.push(row);
        row = [];
        cell = '';
      } else cell += char;
    }
    if (cell !== '' || row.length > 0) rows.push([...row, cell]);
    return rows;
  }

  async function csvOf(reply: Reply): Promise<Record<string, string>[]> {
    const [attachment] = onlyMessage(reply).attachments ?? [];
    expect(attachment?.mimeType).toBe('text/csv');
    const [header = [], ...rows] = readCsv(attachment ? attachmentText(attachment) : '');
    return rows.map((cells) => Object.fromEntries(header.map((column, index) => [column, cells[index] ?? ''])));
  }

  const admin = () => world.as({ userId: 'coord', roles: ['coordinator'] });

  it('counts active mentors, their places, mentees and withdrawals', async () => {
    await enrol(answersWith(MENTOR_ANSWERS, { capacity: '2' }), 'm1');
    await enrol(answersWith(MENTOR_ANSWERS, { capacity: '3' }), 'm2');
    await enrol(answersWith(MENTOR_ANSWERS, { capacity: '3' }), 'm3');
    await enrol(MENTEE_ANSWERS, 'e1');
    await enrol(MENTEE_ANSWERS, 'e2');
    await withdraw('m3');
    const { text } = onlyMessage(await listEnrolled(admin()));
    expect(text).toContain(translate('fr', 'enrolled.counts', { mentors: 2, mentees: 2, slots: 5, withdrawn: 1 }));
  });

  it('says nobody is enrolled and attaches a CSV with only the header', async () => {
    const reply = await listEnrolled(admin());
    expect(onlyMessage(reply).text).toContain(translate('fr', 'enrolled.none'));
    expect(await csvOf(reply)).toEqual([]);
  });

  it('lists everyone in the CSV in order of enrolment, withdrawn people included, with their status', async () => {
    await enrol(MENTOR_ANSWERS, 'm1');
    world.clock.set(T2);
    await enrol(MENTEE_ANSWERS, 'e1');
    await withdraw('e1');
    const rows = await csvOf(await listEnrolled(admin()));
    expect(rows.map((row) => [row.id, row.role, row.status, row.capacity])).toEqual([
      ['m1', 'mentor', 'active', '2'],
      ['e1', 'mentee', 'withdrawn', ''],
    ]);
    expect(rows[1]?.excluded).toBe('Jean Dupont;Claire Petit');
  });

  it.each([['=HYPERLINK("http://evil.example","clic")'], ['+33 1 23 45 67 89'], ['-Marie'], ['@Marie']])(
    'neutralises a name starting like a formula: %s',
    async (name) => {
      await enrol(answersWith(MENTOR_ANSWERS, { name }), 'm1');
      const [row] = await csvOf(await listEnrolled(admin()));
      expect(row?.name).toBe(`'${name}`);
    },
  );

  it('neutralises formulas in affiliations and excluded names, and escapes quotes and commas', async () => {
    await enrol(answersWith(MENTEE_ANSWERS, { name: 'Jean "Jo", Dupont', affiliation: '=1+1', excluded: '@SUM(A1);Paul' }), 'e1');
    const attachment = onlyMessage(await listEnrolled(admin())).attachments?.[0];
    expect(attachment?.content).toContain('"Jean ""Jo"", Dupont"');
    const [row] = await csvOf(await listEnrolled(admin()));
    expect(row).toMatchObject({ name: 'Jean "Jo", Dupont', affiliation: "'=1+1", excluded: "'@SUM(A1);Paul" });
  });

  it('neutralises a formula hidden after a semicolon in a list, which French spreadsheets split on', async () => {
    await enrol(answersWith(MENTEE_ANSWERS, { excluded: 'Paul;=1+1' }), 'e1');
    const attachment = onlyMessage(await listEnrolled(admin())).attachments?.[0];
    expect(attachment?.content).toContain(`"Paul;'=1+1"`);
    const [row] = await csvOf(await listEnrolled(admin()));
    expect(row?.excluded).toBe("Paul;'=1+1");
  });

  it('keeps one line per enrolment, whatever the names hold', async () => {
    await enrol(answersWith(MENTOR_ANSWERS, { name: 'A, "B"', affiliation: 'Lab, "X"' }), 'm1');
    await enrol(MENTEE_ANSWERS, 'e1');
    const attachment = onlyMessage(await listEnrolled(admin())).attachments?.[0];
    expect(attachment && attachmentText(attachment).trimEnd().split('\n')).toHaveLength(3);
  });
});
