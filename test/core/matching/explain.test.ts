import { describe, expect, it } from 'vitest';
import { DEFAULT_MATCHING_RULES } from '../../../src/core/matching/candidates';
import { assessPair } from '../../../src/core/matching/compatibility';
import { pairReasons, unmatchedReasons } from '../../../src/core/matching/explain';
import { defaultProgramme } from '../../support/programme';
import { mentee, mentor } from './candidates-fixture';

const programme = defaultProgramme();

describe('reasons in words', () => {
  it('name every term that scored with the programme’s labels, then the shared language', () => {
    const assessed = assessPair(mentee(), mentor(), DEFAULT_MATCHING_RULES, false);
    if (!assessed.allowed) throw new Error('not allowed');
    const pair = { mentee: 'dan', mentor: 'alice', pinned: false, ...assessed };
    const label = (list: 'fields' | 'topics' | 'regions', id: string) => programme.lists[list].find((choice) => choice.id === id)?.label.fr;
    expect(pairReasons(pair, programme, 'fr')).toEqual([
      `2 domaines en commun : ${label('fields', 'metabolomique')}, ${label('fields', 'proteomique')}`,
      `secteur souhaité : Privé, secteur du mentor : ${programme.sectors.private.fr} ✓`,
      `1 attente couverte : ${label('topics', 'secteur-prive')}`,
      `rencontres en présentiel possibles : ${label('regions', 'ile-de-france')}`,
      'format compatible',
      'langue : fr',
    ]);
  });

  it('say why a mentoré has nobody, in their language', () => {
    const unmatched = {
      mentee: 'fay',
      reasons: [
        { kind: 'blocked', because: 'no-shared-language', mentors: 3 },
        { kind: 'blocked', because: 'excluded', mentors: 1 },
      ] as const,
    };
    expect(unmatchedReasons(unmatched, 'en')).toEqual(['no shared language with any of the 3 mentors', 'excluded 1 mentor']);
    expect(unmatchedReasons({ mentee: 'gus', reasons: [{ kind: 'compatible-mentors-full', mentors: 2 }] }, 'fr')).toEqual([
      'les 2 mentors compatibles sont complets',
    ]);
  });
});
