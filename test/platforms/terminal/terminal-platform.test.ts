import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { mention, spaceMention } from '../../../src/core/reply';
import { channelName } from '../../../src/platforms/space-name';
import { createTerminalPlatform } from '../../../src/platforms/terminal/terminal-platform';
import { createTranscript } from '../../../src/platforms/terminal/transcript';
import type { KeyValueStore } from '../../../src/store/key-value-store';
import { openMemoryStore } from '../../../src/store/memory-store';
import { openSqliteStore } from '../../../src/store/sqlite-store';

const COMMUNITY = { platform: 'terminal', id: 'local' } as const;

function terminal(users: string[], store?: KeyValueStore) {
  const output = new PassThrough();
  let printed = '';
  output.on('data', (chunk: Buffer) => {
    printed += chunk.toString('utf8');
  });
  const opened = store ?? openMemoryStore();
  const platform = createTerminalPlatform(createTranscript(output, false), async (_community, userId) => users.includes(userId), opened);
  return { platform, printed: () => printed };
}

describe('the terminal chat platform', () => {
  it('prints a direct message with who receives it', async () => {
    const { platform, printed } = terminal(['alice', 'bob']);
    expect(await platform.sendDirectMessage(COMMUNITY, 'bob', { text: 'Votre binôme est **Alice**.' })).toEqual({ ok: true });
    expect(printed()).toBe('[DM to bob]\n  Votre binôme est Alice.\n');
  });

  it('reports a person it cannot reach instead of throwing', async () => {
    const { platform, printed } = terminal(['alice']);
    expect(await platform.sendDirectMessage(COMMUNITY, 'ghost', { text: 'Bonjour' })).toEqual({ ok: false, reason: 'unreachable' });
    expect(printed()).toBe('');
  });

  it('opens one private space per key, and posts in it with its members named', async () => {
    const { platform, printed } = terminal(['alice', 'bob', 'carol']);
    const first = await platform.openPrivateSpace(COMMUNITY, {
      key: 'binome:1',
      name: 'Binôme Alice & Bob',
      memberIds: ['alice', 'bob', 'carol'],
    });
    const again = await platform.openPrivateSpace(COMMUNITY, {
      key: 'binome:1',
      name: 'Binôme Alice & Bob',
      memberIds: ['alice', 'bob', 'carol'],
    });
    expect(first).toMatchObject({ ok: true, created: true, space: { name: 'binome-alice-bob' } });
    expect(again).toEqual({ ok: true, created: false, space: first.ok ? first.space : undefined });
    const spaceId = first.ok ? first.space.id : '';
    expect(await platform.postInSpace(COMMUNITY, spaceId, { text: 'Bienvenue !' })).toEqual({ ok: true });
    expect(printed()).toBe('[#binome-alice-bob (private: alice, bob, carol)]\n  Bienvenue !\n');
  });

  it('finds the same space by its key after a restart', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'mentorat-spaces-'));
    const file = path.join(dir, 'spaces.sqlite');
    try {
      const before = await openSqliteStore(file);
      const first = await terminal(['alice', 'bob'], before).platform.openPrivateSpace(COMMUNITY, {
        key: 'binome:7',
        name: 'binome',
        memberIds: ['alice', 'bob'],
      });
      await before.close();
      const after = await openSqliteStore(file);
      const { platform, printed } = terminal(['alice', 'bob'], after);
      const again = await platform.openPrivateSpace(COMMUNITY, { key: 'binome:7', name: 'binome', memberIds: ['alice', 'bob'] });
      expect(again).toEqual({ ok: true, created: false, space: first.ok ? first.space : undefined });
      expect(await platform.postInSpace(COMMUNITY, again.ok ? again.space.id : '', { text: 'Toujours là' })).toEqual({ ok: true });
      expect(printed()).toBe('[#binome (private: alice, bob)]\n  Toujours là\n');
      await after.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('gives two spaces with the same name distinct names', async () => {
    const { platform } = terminal(['alice', 'bob']);
    const one = await platform.openPrivateSpace(COMMUNITY, { key: 'a', name: 'binome', memberIds: ['alice'] });
    const two = await platform.openPrivateSpace(COMMUNITY, { key: 'b', name: 'binome', memberIds: ['bob'] });
    expect([one, two].map((result) => (result.ok ? result.space.name : ''))).toEqual(['binome', 'binome-2']);
  });

  it('refuses a space with someone it does not know', async () => {
    const { platform } = terminal(['alice']);
    expect(await platform.openPrivateSpace(COMMUNITY, { key: 'k', name: 'x', memberIds: ['alice', 'ghost'] })).toEqual({
      ok: false,
      reason: 'unreachable',
      detail: 'ghost',
    });
  });

  it('prints a keyed message once, even asked again after a restart when it may have been sent', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'mentorat-deliveries-'));
    const file = path.join(dir, 'deliveries.sqlite');
    try {
      const before = await openSqliteStore(file);
      const first = terminal(['alice', 'bob'], before);
      const opened = await first.platform.openPrivateSpace(COMMUNITY, { key: 'binome:1', name: 'binome', memberIds: ['alice', 'bob'] });
      const space = opened.ok ? opened.space : { id: '', name: '' };
      const welcome = { text: `Bienvenue ${mention('alice')} et ${mention('bob')} dans ${spaceMention(space)}` };
      expect(await first.platform.postInSpace(COMMUNITY, space.id, welcome, { key: 'announce:1' })).toEqual({ ok: true });
      expect(await first.platform.sendDirectMessage(COMMUNITY, 'bob', { text: 'Votre binôme' }, { key: 'dm:bob' })).toEqual({ ok: true });
      await before.close();
      const after = await openSqliteStore(file);
      const { platform, printed } = terminal(['alice', 'bob'], after);
      expect(await platform.postInSpace(COMMUNITY, space.id, welcome, { key: 'announce:1', mayHaveBeenSent: true })).toEqual({ ok: true });
      expect(
        await platform.sendDirectMessage(COMMUNITY, 'bob', { text: 'Votre binôme' }, { key: 'dm:bob', mayHaveBeenSent: true }),
      ).toEqual({
        ok: true,
      });
      expect(
        await platform.sendDirectMessage(COMMUNITY, 'alice', { text: 'Pas encore' }, { key: 'dm:alice', mayHaveBeenSent: true }),
      ).toEqual({
        ok: true,
      });
      expect(await platform.sendDirectMessage(COMMUNITY, 'ghost', { text: 'x' }, { key: 'dm:ghost', mayHaveBeenSent: true })).toEqual({
        ok: false,
        reason: 'unreachable',
      });
      expect(printed()).toBe('[DM to alice]\n  Pas encore\n');
      expect(first.printed()).toBe(
        '[#binome (private: alice, bob)]\n  Bienvenue @alice et @bob dans #binome\n[DM to bob]\n  Votre binôme\n',
      );
      await after.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('drops a person who left from the space at once: the next post no longer names them, and removing them again is fine', async () => {
    const { platform, printed } = terminal(['alice', 'bob', 'carol']);
    const opened = await platform.openPrivateSpace(COMMUNITY, { key: 'binome:1', name: 'Binôme', memberIds: ['alice', 'bob', 'carol'] });
    const spaceId = opened.ok ? opened.space.id : '';
    expect(await platform.removeFromSpace(COMMUNITY, spaceId, 'bob')).toEqual({ ok: true });
    expect(await platform.removeFromSpace(COMMUNITY, spaceId, 'bob')).toEqual({ ok: true });
    await platform.postInSpace(COMMUNITY, spaceId, { text: 'Ce binôme a pris fin.' });
    expect(printed()).toBe('[#binome (private: alice, carol)]\n  Ce binôme a pris fin.\n');
    expect(await platform.removeFromSpace(COMMUNITY, 'binome:unknown', 'bob')).toEqual({ ok: false, reason: 'unreachable' });
  });

  it('keeps an archived space read-only, across a restart: nothing more is posted there, and archiving again is fine', async () => {
    const store = openMemoryStore();
    const first = terminal(['alice', 'bob'], store);
    const opened = await first.platform.openPrivateSpace(COMMUNITY, { key: 'binome:1', name: 'Binôme', memberIds: ['alice', 'bob'] });
    const spaceId = opened.ok ? opened.space.id : '';
    expect(await first.platform.archiveSpace(COMMUNITY, spaceId)).toEqual({ ok: true });
    const restarted = terminal(['alice', 'bob'], store);
    expect(await restarted.platform.archiveSpace(COMMUNITY, spaceId)).toEqual({ ok: true });
    expect(await restarted.platform.postInSpace(COMMUNITY, spaceId, { text: 'Encore là ?' })).toEqual({ ok: false, reason: 'unreachable' });
    expect(restarted.printed()).toBe('');
    expect(await restarted.platform.archiveSpace(COMMUNITY, 'binome:unknown')).toEqual({ ok: false, reason: 'unreachable' });
  });

  it('prints a message without a key as often as asked', async () => {
    const { platform, printed } = terminal(['bob']);
    await platform.sendDirectMessage(COMMUNITY, 'bob', { text: 'Bonjour' });
    await platform.sendDirectMessage(COMMUNITY, 'bob', { text: 'Bonjour' }, undefined);
    expect(printed()).toBe('[DM to bob]\n  Bonjour\n[DM to bob]\n  Bonjour\n');
  });

  it('names channels as the strictest platform allows', () => {
    expect(channelName('Binôme Élodie & Zoë — 2026')).toBe('binome-elodie-zoe-2026');
    expect(channelName('x'.repeat(200))).toHaveLength(80);
    expect(channelName('???')).toBe('binome');
  });
});
