import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { activeFields } from '../../../src/core/forms/conditions';
import type { RawFormValues } from '../../../src/core/forms/form-types';
import { buildEnrolmentForm } from '../../../src/core/participants/enrolment-form';
import { currentStep, MAX_MODAL_INPUTS, MAX_SELECTS_PER_MESSAGE, planSteps, unanswered } from '../../../src/platforms/discord/form-steps';
import { defaultProgramme } from '../../support/programme';

const form = buildEnrolmentForm(defaultProgramme());
const keysOf = (values: RawFormValues) =>
  planSteps(form, values).map((step) => `${step.kind}:${step.fields.map((field) => field.key).join(',')}`);

describe('the enrolment form in Discord steps', () => {
  it('asks a mentor in five steps, opening with a modal so the command can answer with it', () => {
    expect(keysOf({ role: 'mentor' })).toEqual([
      'modal:name,affiliation,about',
      'selects:role,sector,fields,languages',
      'selects:format,region,offers',
      'modal:capacity',
      'selects:pairAgain,consentPillars,consentData',
    ]);
  });

  it('asks a mentee with a thesis defended for its date and birth date, after the choice that calls for them', () => {
    expect(keysOf({ role: 'mentee', phdStatus: 'defended' })).toEqual([
      'modal:name,affiliation,about',
      'selects:role,wishedSector,phdStatus,fields',
      'selects:languages,format,region,expectations',
      'modal:phdDate,birthDate,excluded',
      'selects:pairAgain,consentPillars,consentData',
    ]);
  });

  it('moves on once the fields of a step are confirmed, and is done when all are', () => {
    const values = { role: 'mentor' };
    expect(currentStep(form, values, [])?.number).toBe(1);
    const second = currentStep(form, values, ['name', 'affiliation', 'about']);
    expect(second).toMatchObject({ number: 2, total: 5, step: { kind: 'selects' } });
    const all = planSteps(form, values).flatMap((step) => step.fields.map((field) => field.key));
    expect(currentStep(form, values, all)).toBeUndefined();
  });

  it('names the required fields of a step still unanswered, not the optional ones', () => {
    const [first] = planSteps(form, {});
    expect(first && unanswered(first, { name: 'Alice' }).map((field) => field.key)).toEqual(['affiliation']);
  });

  it('for any answers: every applicable field is asked exactly once, within Discord limits, after the fields it depends on', () => {
    const choice = (key: string) => {
      const field = form.fields.find((candidate) => candidate.key === key);
      return field && 'choices' in field ? field.choices.map((item) => item.value) : [];
    };
    const answers = fc.record(
      {
        role: fc.constantFrom(...choice('role')),
        phdStatus: fc.constantFrom(...choice('phdStatus')),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(answers, (values) => {
        const steps = planSteps(form, values);
        const asked = steps.flatMap((step) => step.fields.map((field) => field.key));
        expect([...asked].sort()).toEqual(
          activeFields(form.fields, values)
            .map((field) => field.key)
            .sort(),
        );
        for (const step of steps) {
          expect(step.fields.length).toBeGreaterThan(0);
          expect(step.fields.length).toBeLessThanOrEqual(step.kind === 'modal' ? MAX_MODAL_INPUTS : MAX_SELECTS_PER_MESSAGE);
        }
        for (const field of activeFields(form.fields, values)) {
          if (field.when) expect(asked.indexOf(field.when.field)).toBeLessThan(asked.indexOf(field.key));
        }
      }),
    );
  });
});
