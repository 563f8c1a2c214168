import { describe, expect, it } from 'vitest';
import { translate } from '../../src/core/i18n/translate';
import type { Enrolment } from '../../src/core/participants/enrolment';
import { findEnrolled, namesOf, personIdFrom, personLabel } from '../../src/core/people';
import { makeEnrolment, participantIn } from '../store/enrolment-fixture';
import { refusal } from '../support/refusal';
import { TERMINAL } from '../support/use-case-world';

const mentee = (userId: string, name: string, status: Enrolment['status'] = 'active') =>
  makeEnrolment({ participant: participantIn(TERMINAL, userId), status, profile: { ...makeEnrolment().profile, name } });
const mentor = (userId: string, name: string) =>
  makeEnrolment({
    participant: participantIn(TERMINAL, userId),
    profile: {
      role: 'mentor',
      name,
      affiliation: 'CNRS',
      fields: ['biology'],
      languages: ['fr'],
      format: 'remote',
      region: 'ile-de-france',
      sector: 'both',
      offers: ['career'],
      capacity: 1,
    },
  });

const enrolled = [
  mentee('dan', 'Dan Leroy'),
  mentee('eloise', 'Éloïse Müller'),
  mentor('erin', 'Erin Roux'),
  mentee('gus', 'Gus Klein', 'withdrawn'),
];

describe('finding the enrolled person a coordinator named', () => {
  it('finds them by user id, with or without the @ a mention leaves', () => {
    expect(findEnrolled(enrolled, 'dan', 'mentee').participant.userId).toBe('dan');
    expect(findEnrolled(enrolled, ' @erin ', 'mentor').participant.userId).toBe('erin');
  });

  it('finds them by the name they enrolled under, whatever the accents and capitals typed', () => {
    expect(findEnrolled(enrolled, 'eloise muller', 'mentee').participant.userId).toBe('eloise');
    expect(findEnrolled(enrolled, 'ÉLOÏSE MÜLLER', 'mentee').participant.userId).toBe('eloise');
  });

  it('says nobody is enrolled under a name no active person has, showing the name as typed and as text', async () => {
    expect(await refusal(() => findEnrolled(enrolled, 'Zoé **Z**', 'mentee'))).toBe(
      'Nobody is enrolled as “Zoé \\*\\*Z\\*\\*”: give the name they enrolled under, or mention them.',
    );
  });

  it('says when the person named withdrew, by name or by id', async () => {
    expect(await refusal(() => findEnrolled(enrolled, 'Gus Klein', 'mentee'))).toBe('“Gus Klein” has withdrawn from the programme.');
    expect(await refusal(() => findEnrolled(enrolled, 'gus', 'mentee'))).toBe('“gus” has withdrawn from the programme.');
  });

  it('asks for a mention when two active people share the name, but an id still picks one', async () => {
    const twins = [...enrolled, mentee('dan2', 'dan leroy')];
    expect(await refusal(() => findEnrolled(twins, 'Dan Leroy', 'mentee'))).toBe(
      '2 enrolled people are called “Dan Leroy”: mention the right one.',
    );
    expect(findEnrolled(twins, 'dan2', 'mentee').participant.userId).toBe('dan2');
  });

  it('refuses a person enrolled in the other role, naming them', async () => {
    expect(await refusal(() => findEnrolled(enrolled, 'erin', 'mentee'))).toBe('Erin Roux is not enrolled as a mentee.');
    expect(await refusal(() => findEnrolled(enrolled, 'Dan Leroy', 'mentor'), 'fr')).toBe("Dan Leroy n'est pas inscrit·e comme mentor.");
  });
});

describe('reading a person who need not be enrolled (a référent)', () => {
  it('turns an enrolled name into their id, on any platform', () => {
    expect(personIdFrom(enrolled, 'erin roux', 'discord')).toBe('erin');
    expect(personIdFrom(enrolled, 'Éloïse Müller', 'slack')).toBe('eloise');
  });

  it('takes a user id as each platform gives it', () => {
    expect(personIdFrom([], '123456789012345678', 'discord')).toBe('123456789012345678');
    expect(personIdFrom([], '@U04ABCDEF', 'slack')).toBe('U04ABCDEF');
    expect(personIdFrom([], 'W123', 'slack')).toBe('W123');
    expect(personIdFrom([], '@ref', 'terminal')).toBe('ref');
  });

  it('refuses text that is neither an enrolled name nor an id of this platform, rather than storing it as someone', async () => {
    const unknown = (typed: string) => translate('en', 'people.unknownUser', { name: typed });
    for (const [typed, platform] of [
      ['Jane Doe', 'discord'],
      ['1234', 'discord'],
      ['jane', 'slack'],
      ['u04abcdef', 'slack'],
      ['Jane Doe', 'terminal'],
    ] as const) {
      expect(await refusal(() => personIdFrom(enrolled, typed, platform))).toBe(unknown(typed));
    }
  });

  it('does not take a withdrawn person’s name for them, and asks which one when a name is shared', async () => {
    expect(await refusal(() => personIdFrom(enrolled, 'Gus Klein', 'terminal'))).toBe(
      translate('en', 'people.unknownUser', { name: 'Gus Klein' }),
    );
    expect(await refusal(() => personIdFrom([...enrolled, mentee('dan2', 'Dan Leroy')], 'dan leroy', 'terminal'))).toBe(
      '2 enrolled people are called “dan leroy”: mention the right one.',
    );
  });
});

describe('a person as coordinators read them', () => {
  it('is their enrolled name, kept as text, then their mention; a person never enrolled is their mention alone', () => {
    const names = namesOf([mentee('bob', '**Bob** <@everyone>')]);
    expect(personLabel('bob', names)).toBe('\\*\\*Bob\\*\\* \\<@everyone\\> (<@bob>)');
    expect(personLabel('ref', names)).toBe('<@ref>');
  });
});
