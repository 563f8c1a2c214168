import { describe, expect, it } from 'vitest';
import { candidatesFrom } from '../../../src/core/matching/from-enrolments';
import { parseMatchCsv, parseMatchJson } from '../../../src/core/matching/match-input';
import { enrolmentsToCsv } from '../../../src/core/participants/enrolment-csv';
import { LOCAL, makeEnrolment, participantIn } from '../../store/enrolment-fixture';
import { mentee, mentor } from './candidates-fixture';

const json = (value: unknown) => JSON.stringify(value);

describe('the input of `mentorat match`', () => {
  it('reads the documented JSON, pins and forbids optional', () => {
    const parsed = parseMatchJson(json({ mentors: [mentor()], mentees: [mentee()] }));
    expect(parsed).toEqual({ ok: true, input: { mentors: [mentor()], mentees: [mentee()], pins: [], forbids: [] } });
  });

  it('names the path and the problem of every mistake in JSON', () => {
    const parsed = parseMatchJson(
      json({
        mentors: [mentor({ capacity: 0 }), mentor({ id: 'bob', sector: 'industry' as 'private' })],
        mentees: [mentee({ excluded: ['nobody'] })],
        pins: [['dan', 'ghost']],
      }),
    );
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems.join('\n')).toMatch(/^mentors\[0\]\.capacity: /m);
    expect(parsed.problems.join('\n')).toMatch(/^mentors\[1\]\.sector: /m);
    expect(parseMatchJson(json({ mentors: [mentor()], mentees: [mentee({ excluded: ['nobody'] })], pins: [['dan', 'ghost']] }))).toEqual({
      ok: false,
      problems: ['mentees[0].excluded[0]: unknown mentor id "nobody"', 'pins[0][1]: unknown mentor id "ghost"'],
    });
    expect(parseMatchJson('{"mentors": [')).toMatchObject({ ok: false, problems: [expect.stringMatching(/^not valid JSON/)] });
  });

  it('reads the CSV the coordinators export, leaving the withdrawn out and resolving excluded mentors by name', () => {
    const alice = makeEnrolment({
      participant: participantIn(LOCAL, 'alice'),
      profile: {
        role: 'mentor',
        name: 'Alice Martin',
        affiliation: 'Institut Pasteur',
        fields: ['proteomique'],
        languages: ['fr', 'en'],
        format: 'both',
        region: 'ile-de-france',
        sector: 'both',
        offers: ['reseau'],
        capacity: 2,
      },
    });
    const dan = makeEnrolment({
      participant: participantIn(LOCAL, 'dan'),
      profile: { ...makeEnrolment().profile, name: 'Dan Leroy', excluded: ['alice martin', 'Pr Durand'] } as never,
    });
    const gone = makeEnrolment({ participant: participantIn(LOCAL, 'zoe'), status: 'withdrawn' });
    const parsed = parseMatchCsv(enrolmentsToCsv([alice, dan, gone]));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.input.mentors).toEqual([
      expect.objectContaining({ id: 'alice', capacity: 2, languages: ['fr', 'en'], sector: 'both', offers: ['reseau'] }),
    ]);
    expect(parsed.input.mentees).toEqual([expect.objectContaining({ id: 'dan', excluded: ['alice'], expectations: ['career'] })]);
  });

  it('makes a mentoré avoid every mentor who carries the name they gave, in the CSV and in chat', () => {
    const mentor = (userId: string, affiliation: string) =>
      makeEnrolment({
        participant: participantIn(LOCAL, userId),
        profile: {
          role: 'mentor',
          name: 'Claire Petit',
          affiliation,
          fields: ['proteomique'],
          languages: ['fr'],
          format: 'both',
          region: 'ile-de-france',
          sector: 'both',
          offers: ['reseau'],
          capacity: 1,
        },
      });
    const dan = makeEnrolment({
      participant: participantIn(LOCAL, 'dan'),
      profile: { ...makeEnrolment().profile, name: 'Dan Leroy', excluded: ['Claire Petit'] } as never,
    });
    const people = [mentor('claire1', 'CNRS'), mentor('claire2', 'Inserm'), dan];
    const parsed = parseMatchCsv(enrolmentsToCsv(people));
    expect(parsed.ok && parsed.input.mentees[0]?.excluded).toEqual(['claire1', 'claire2']);
    expect(candidatesFrom(people).input.mentees[0]?.excluded).toEqual(['claire1', 'claire2']);
  });

  it('refuses a malformed CSV row, naming its line', () => {
    const header =
      'id,role,status,name,affiliation,sector,wishedSector,fields,languages,format,region,offers,capacity,expectations,excluded';
    const csv = [
      header,
      'alice,mentor,active,Alice,"Institut, Pasteur",both,,proteomique,fr,both,idf,reseau,0,,',
      'dan,mentee,active,Dan,Lille,,private,lipidomique,fr,remote,hdf,,,cv',
      'erin,chef,active,Erin,X,,,a,fr,remote,idf,,,,',
    ].join('\n');
    expect(parseMatchCsv(csv)).toEqual({
      ok: false,
      problems: [
        'line 2: capacity: Too small: expected number to be >=1',
        'line 3: 14 cells where the header has 15',
        'line 4: role must be mentor or mentee, not "chef"',
      ],
    });
    expect(parseMatchCsv(`${header}\n"unclosed,mentor`)).toEqual({ ok: false, problems: ['line 2: a quoted cell is never closed'] });
    expect(parseMatchCsv('id,role\n')).toEqual({
      ok: false,
      problems: ['line 1: missing column(s) languages, fields, affiliation, format, region'],
    });
  });
});
