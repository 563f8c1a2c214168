import { describe, expect, it } from 'vitest';
import type { Programme } from '../../../src/core/programme/programme-schema';
import { coordinationSpaceRequest, routeOf } from '../../../src/core/reports/report-routing';
import { defaultProgramme } from '../../support/programme';
import { binomeOf, programmeWithTwoCoordinators } from './report-world';

const programme = defaultProgramme();
const dansBinome = binomeOf('b1', 'dan', 'erin', 'ref');

describe('where a new report goes', () => {
  it('to the référent of the binôme concerned, by default', () => {
    expect(routeOf(programme, 'relation', dansBinome, 'dan')).toEqual({ to: 'referent', referent: 'ref' });
    expect(routeOf(programme, 'availability', dansBinome, 'erin')).toEqual({ to: 'referent', referent: 'ref' });
  });

  it('to the coordinators when its category says so (about my référent), even with a référent at hand', () => {
    expect(routeOf(programme, 'referent', dansBinome, 'dan')).toEqual({ to: 'coordinators', because: 'category' });
    expect(routeOf(programme, 'referent', undefined, 'dan')).toEqual({ to: 'coordinators', because: 'category' });
  });

  it('follows the rule config gives a category, not code', () => {
    const configured: Programme = {
      ...programme,
      reports: {
        ...programme.reports,
        categories: programme.reports.categories.map((category) =>
          category.id === 'confidentiality' ? { ...category, route: 'coordinators' as const } : category,
        ),
      },
    };
    expect(routeOf(configured, 'confidentiality', dansBinome, 'dan')).toEqual({ to: 'coordinators', because: 'category' });
    expect(routeOf(programme, 'confidentiality', dansBinome, 'dan')).toEqual({ to: 'referent', referent: 'ref' });
  });

  it('to the coordinators when there is no binôme (the programme in general)', () => {
    expect(routeOf(programme, 'relation', undefined, 'zoe')).toEqual({ to: 'coordinators', because: 'no-binome' });
  });

  it('to the coordinators when the binôme has no référent', () => {
    expect(routeOf(programme, 'relation', binomeOf('b-2', 'dan', 'erin'), 'dan')).toEqual({ to: 'coordinators', because: 'no-referent' });
  });

  it('to the coordinators when the référent is a member of the binôme, or its reporter', () => {
    expect(routeOf(programme, 'relation', binomeOf('b-3', 'dan', 'erin', 'erin'), 'dan')).toEqual({
      to: 'coordinators',
      because: 'referent-involved',
    });
    expect(routeOf(programme, 'relation', binomeOf('b-4', 'dan', 'erin', 'dan'), 'erin')).toEqual({
      to: 'coordinators',
      because: 'referent-involved',
    });
    expect(routeOf(programme, 'other', dansBinome, 'ref')).toEqual({ to: 'coordinators', because: 'referent-involved' });
  });

  it('to the référent for a category config no longer lists (a report filed before a config change)', () => {
    expect(routeOf(programme, 'gone-category', dansBinome, 'dan')).toEqual({ to: 'referent', referent: 'ref' });
  });
});

describe('the coordination space', () => {
  it('is always the same space (one key), holding exactly the coordinators config names', () => {
    const request = coordinationSpaceRequest(programmeWithTwoCoordinators());
    expect(request).toMatchObject({ key: 'coordination', name: programme.reports.coordinationSpace, memberIds: ['coord', 'cleo'] });
    expect(coordinationSpaceRequest(programme).key).toBe(request.key);
  });
});
