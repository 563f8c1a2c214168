import { describe, expect, it } from 'vitest';
import { commands } from '../../commands/index';
import type { UseCaseContext } from '../../src/core/context';
import { refusal } from '../support/refusal';

function command(id: string) {
  const found = commands.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no command ${id}`);
  return found;
}

/** An option is parsed before the use case runs: a refused value never reaches the context. */
const unused = {} as UseCaseContext;

describe('an option value that is not a choice', () => {
  it('lists, in English, the ids alone when the English labels say the same', async () => {
    const said = await refusal(() => command('admin.referents').run(unused, { action: 'ajouterr' }, { commands }), 'en');
    expect(said).toBe('The option "action" only accepts: list, add, remove.');
  });

  it('lists, in French, each id with its French label', async () => {
    const said = await refusal(() => command('admin.referents').run(unused, { action: 'ajouterr' }, { commands }), 'fr');
    expect(said).toBe("L'option « action » n'accepte que : list (lister), add (ajouter), remove (retirer).");
  });

  it('adds the label only where it differs from the id', async () => {
    const said = await refusal(() => command('mentorat.benefits').run(unused, { role: 'director' }, { commands }), 'fr');
    expect(said).toBe("L'option « role » n'accepte que : mentor, mentee (Mentoré·e).");
  });
});
