import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commands } from '../../commands/index';
import {
  type ButtonTarget,
  decodeButtonId,
  encodeButtonId,
  isButtonOwner,
  MAX_BUTTON_ID_LENGTH,
  ownerToken,
  SHARED_OWNER,
} from '../../src/dispatch/button-id';
import { readGuildStamp, stampGuild } from '../../src/platforms/discord/guild-stamp';

/** Short texts full of the characters an id must survive: separators, escapes, accents, emoji. */
const tricky = (minLength: number) =>
  fc.oneof(
    fc.string({ minLength, maxLength: 6, unit: fc.constantFrom('|', '%', '%7C', '.', ' ', 'é', '😀', '·', 'a', '1') }),
    fc.string({ minLength, maxLength: 6, unit: 'grapheme' }),
  );

const targets: fc.Arbitrary<ButtonTarget> = fc.record({
  commandId: tricky(1),
  action: tricky(1),
  // `*` marks a button anyone may press (SHARED_OWNER): no person has it as an id.
  owner: tricky(1).filter((owner) => owner !== SHARED_OWNER),
  args: fc.array(tricky(0), { maxLength: 3 }),
});

const encodedLength = (target: ButtonTarget) =>
  ['b1', target.commandId, target.action, ownerToken(target.owner), ...target.args].map(encodeURIComponent).join('|').length;

describe('button ids', () => {
  it('decode to exactly what was encoded, whatever the characters', () => {
    fc.assert(
      fc.property(targets, (target) => {
        fc.pre(encodedLength(target) <= MAX_BUTTON_ID_LENGTH);
        const decoded = decodeButtonId(encodeButtonId(target));
        expect(decoded).toEqual({ ...target, owner: ownerToken(target.owner) });
        expect(decoded && isButtonOwner(decoded.owner, target.owner)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('keep an empty argument apart from no argument', () => {
    const base = { commandId: 'mentorat.withdraw', action: 'confirm', owner: '42' };
    expect(decodeButtonId(encodeButtonId({ ...base, args: [] }))?.args).toEqual([]);
    expect(decodeButtonId(encodeButtonId({ ...base, args: [''] }))?.args).toEqual(['']);
  });

  it('are refused when longer than 100 characters, and accepted at exactly 100', () => {
    const prefix = 'b1|c|a|o|';
    const fits = { commandId: 'c', action: 'a', owner: 'o', args: ['x'.repeat(MAX_BUTTON_ID_LENGTH - prefix.length)] };
    expect(encodeButtonId(fits)).toHaveLength(MAX_BUTTON_ID_LENGTH);
    expect(() => encodeButtonId({ ...fits, args: [`${fits.args[0]}x`] })).toThrow(/longer than 100/);
  });

  it('count the escaped length against the limit', () => {
    fc.assert(
      fc.property(targets, (target) => {
        if (encodedLength(target) > MAX_BUTTON_ID_LENGTH) expect(() => encodeButtonId(target)).toThrow();
        else expect(encodeButtonId(target).length).toBeLessThanOrEqual(MAX_BUTTON_ID_LENGTH);
      }),
    );
  });

  it.each([
    [''],
    ['hello'],
    ['b1'],
    ['b1|mentorat.withdraw|confirm'],
    ['b1||confirm|42'],
    ['b1|mentorat.withdraw||42'],
    ['b1|mentorat.withdraw|confirm|'],
    ['b2|mentorat.withdraw|confirm|42'],
    ['b1|mentorat.withdraw|confirm|42|%E0%A4%A'],
    ['%|%|%|%'],
  ])('decode the garbage %j to nothing', (id) => {
    expect(decodeButtonId(id)).toBeUndefined();
  });

  it('never throw while decoding, and decode only ids naming a command, an action and an owner', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 120, unit: 'binary' }), (id) => {
        const decoded = decodeButtonId(id);
        if (decoded) {
          expect(id.startsWith('b1|')).toBe(true);
          expect([decoded.commandId, decoded.action, decoded.owner].every((part) => part.length > 0)).toBe(true);
        }
      }),
    );
  });

  it('keep a plain id (Discord, Slack, a Latin terminal name) as it is, and the digest of any other', () => {
    expect(ownerToken('123456789012345678')).toBe('123456789012345678');
    expect(ownerToken('U0123ABCD')).toBe('U0123ABCD');
    expect(ownerToken(SHARED_OWNER)).toBe(SHARED_OWNER);
    expect(ownerToken('محمد_عبدالله')).toMatch(/^~[A-Za-z0-9_-]{16}$/);
    expect(ownerToken('محمد_عبدالله')).not.toBe(ownerToken('محمد_عبدالل'));
    expect(isButtonOwner(ownerToken('محمد_عبدالله'), 'محمد_عبدالله')).toBe(true);
    expect(isButtonOwner(ownerToken('محمد_عبدالله'), 'dan')).toBe(false);
    expect(isButtonOwner(SHARED_OWNER, SHARED_OWNER)).toBe(false);
  });
});

/** The arguments buttons really carry: a confirmation's time and revision or binôme, a report, a proposal. */
const minutes36 = fc.integer({ min: 0, max: 2 ** 31 }).map((minutes) => minutes.toString(36));
const revision = fc.integer({ min: 0, max: 2 ** 31 }).map(String);
const binomeId = fc.oneof(
  fc.tuple(revision, fc.integer({ min: 1, max: 20_000 })).map(([rev, index]) => `p${rev}-${index}`),
  fc.tuple(fc.integer({ min: 0, max: 2 ** 52 }), fc.integer({ min: 2, max: 99 })).map(([ms, suffix]) => `m${ms.toString(36)}-${suffix}`),
);
const reference = fc.integer({ min: 1, max: 999_999 }).map((n) => `SIG-${String(n).padStart(4, '0')}`);
const realArgs = fc.oneof(
  fc.constant([] as string[]),
  fc.tuple(minutes36, revision),
  fc.tuple(minutes36, binomeId),
  fc.tuple(minutes36),
  fc.tuple(reference),
  fc.tuple(revision),
);
const realButtons = commands.flatMap((command) => Object.keys(command.actions ?? {}).map((action) => ({ commandId: command.id, action })));

/** Any person: a Discord or Slack id, or a terminal name in any script, up to 64 characters. */
const anyUserId = fc.oneof(
  fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }).map(String),
  fc.string({ minLength: 1, maxLength: 64, unit: 'grapheme' }),
  fc.string({ minLength: 1, maxLength: 64, unit: 'binary' }),
);
/** Any Discord server, whose id a button shown in a DM carries. */
const anyGuildId = fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }).map(String);

describe('every button the bot makes', () => {
  it('fits 100 characters, even stamped with its server, and comes back to the same action for the same person only', () => {
    fc.assert(
      fc.property(fc.constantFrom(...realButtons), realArgs, anyUserId, anyGuildId, (button, args, owner, guildId) => {
        // `*` is no one's id (a shared button's owner), never a person's on any platform.
        fc.pre(owner !== SHARED_OWNER);
        const target = { ...button, owner, args };
        const id = encodeButtonId(target);
        const stamped = stampGuild(id, guildId);
        expect(id.length).toBeLessThanOrEqual(MAX_BUTTON_ID_LENGTH);
        expect(stamped.length).toBeLessThanOrEqual(MAX_BUTTON_ID_LENGTH);
        const read = readGuildStamp(stamped);
        expect(read?.guildId).toBe(guildId);
        const decoded = decodeButtonId(read?.customId ?? '');
        expect(decoded).toEqual({ ...target, owner: ownerToken(owner) });
        expect(isButtonOwner(decoded?.owner ?? '', owner)).toBe(true);
        expect(isButtonOwner(decoded?.owner ?? '', `${owner}x`)).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });
});
