import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeStepId, encodeStepId, isStepId, STEP_ACTIONS } from '../../../src/platforms/discord/step-ids';

describe('custom ids of form steps', () => {
  it('round-trip, with or without a field, and stay within Discord’s 100 characters', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...STEP_ACTIONS),
        fc.stringMatching(/^[a-z.]{1,20}$/),
        fc.stringMatching(/^\d{17,20}$/),
        fc.option(fc.string({ minLength: 1, maxLength: 15 }), { nil: undefined }),
        (action, formId, owner, field) => {
          const target = field === undefined ? { action, formId, owner } : { action, formId, owner, field };
          const id = encodeStepId(target);
          expect(id.length).toBeLessThanOrEqual(100);
          expect(isStepId(id)).toBe(true);
          expect(decodeStepId(id)).toEqual(target);
        },
      ),
    );
  });

  it('refuses what they could not have produced', () => {
    for (const id of [
      'b1|mentorat.withdraw|confirm|1|2',
      'f1|jump|mentorat.enrol|1',
      'f1|next||1',
      'f1|next|form|1|field|extra',
      'f1|%E0|a|b',
    ]) {
      expect(decodeStepId(id), id).toBeUndefined();
    }
  });

  it('refuses to encode an id too long for Discord', () => {
    expect(() => encodeStepId({ action: 'select', formId: 'x'.repeat(90), owner: '1', field: 'y' })).toThrow(/100 characters/);
  });
});
