import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AccessRole } from '../../../src/core/access';
import type { Report } from '../../../src/core/reports/report';
import { canHandle, reportAccess, spaceMayShowText, type Viewer } from '../../../src/core/reports/report-visibility';
import { TERMINAL } from '../../support/use-case-world';

const AT = '2026-03-01T10:00:00.000Z';

/** dan reported about his binôme with erin; ref, its référent, received it. */
function report(overrides: Partial<Report> = {}): Report {
  return {
    schemaVersion: 1,
    community: TERMINAL,
    reference: 'SIG-0001',
    number: 1,
    category: 'relation',
    binomeId: 'b-dan',
    reporter: 'dan',
    reporterLocale: 'fr',
    description: 'Mon mentor annule nos rendez-vous.',
    contact: true,
    status: 'received',
    route: 'referent',
    recipients: ['ref'],
    conversation: [],
    notes: [],
    history: [{ n: 0, at: AT, kind: 'filed', actor: 'dan', to: 'ref' }],
    createdAt: AT,
    updatedAt: AT,
    ...overrides,
  };
}

const viewer = (userId: string, ...roles: AccessRole[]): Viewer => ({ userId, roles: new Set(roles) });

describe('who may see a report', () => {
  it('its reporter sees it as the reporter: their text, status and conversation, never the handling view', () => {
    expect(reportAccess(viewer('dan'), report())).toBe('reporter');
  });

  it('whoever received it, and whoever handles it, see everything', () => {
    expect(reportAccess(viewer('ref', 'referent'), report())).toBe('handling');
    expect(reportAccess(viewer('alice', 'referent'), report({ handler: 'alice', recipients: ['ref'] }))).toBe('handling');
    expect(canHandle(viewer('ref', 'referent'), report())).toBe(true);
  });

  it('the référent who received it keeps seeing it once it went to the coordinators', () => {
    expect(reportAccess(viewer('ref', 'referent'), report({ route: 'coordinators' }))).toBe('handling');
  });

  it('a coordinator sees every report', () => {
    expect(reportAccess(viewer('coord', 'coordinator'), report())).toBe('handling');
    expect(reportAccess(viewer('coord', 'coordinator'), report({ route: 'coordinators', recipients: [] }))).toBe('handling');
  });

  it('a coordinator who is the référent a report is about sees nothing of it', () => {
    const aboutRef = report({ category: 'referent', route: 'coordinators', recipients: [], concerns: 'coord' });
    expect(reportAccess(viewer('coord', 'coordinator', 'referent'), aboutRef)).toBe('none');
    expect(reportAccess(viewer('cleo', 'coordinator'), aboutRef)).toBe('handling');
  });

  it('the other member of the binôme, another référent and a stranger see nothing, not even that it exists', () => {
    expect(reportAccess(viewer('erin'), report())).toBe('none');
    expect(reportAccess(viewer('alice', 'referent'), report())).toBe('none');
    expect(reportAccess(viewer('zoe'), report())).toBe('none');
    expect(canHandle(viewer('erin'), report())).toBe(false);
  });

  it('a reporter who erased their data no longer sees the report', () => {
    const { reporter: _dan, ...erased } = report();
    expect(reportAccess(viewer('dan'), erased)).toBe('none');
  });
});

const PEOPLE = ['dan', 'erin', 'ref', 'alice', 'coord', 'cleo', 'zoe'] as const;
const person: fc.Arbitrary<string> = fc.constantFrom(...PEOPLE);
const roles = fc.subarray<AccessRole>(['coordinator', 'referent']);

const anyReport = fc
  .record({
    reporter: fc.option(person, { nil: undefined }),
    recipients: fc.uniqueArray(person, { maxLength: 3 }),
    handler: fc.option(person, { nil: undefined }),
    concerns: fc.option(person, { nil: undefined }),
    route: fc.constantFrom('referent' as const, 'coordinators' as const),
    status: fc.constantFrom('received' as const, 'in-progress' as const, 'resolved' as const),
  })
  .map(({ reporter, handler, concerns, ...rest }) => {
    const { reporter: _r, ...base } = report();
    return {
      ...base,
      ...rest,
      ...(reporter ? { reporter } : {}),
      ...(handler ? { handler } : {}),
      ...(concerns ? { concerns } : {}),
    } satisfies Report;
  });

describe('the visibility policy, whatever the report and the person', () => {
  it('gives the reporter view to the reporter only, and only when the report was not given to them', () => {
    fc.assert(
      fc.property(anyReport, person, roles, (shown, who, held) => {
        const access = reportAccess(viewer(who, ...held), shown);
        if (access === 'reporter') {
          expect(who).toBe(shown.reporter);
          expect(shown.handler === who || shown.recipients.includes(who)).toBe(false);
        }
        if (who === shown.reporter) expect(access).not.toBe('none');
      }),
    );
  });

  it('gives the handling view to whoever received or handles it, whatever their roles', () => {
    fc.assert(
      fc.property(anyReport, person, roles, (shown, who, held) => {
        if (shown.handler === who || shown.recipients.includes(who)) expect(reportAccess(viewer(who, ...held), shown)).toBe('handling');
      }),
    );
  });

  it('gives coordinators the handling view, except the référent the report is about, and their own reports as reporters', () => {
    fc.assert(
      fc.property(anyReport, person, roles, (shown, who, held) => {
        const given = shown.handler === who || shown.recipients.includes(who);
        const access = reportAccess(viewer(who, 'coordinator', ...held), shown);
        if (given) expect(access).toBe('handling');
        else if (who === shown.concerns) expect(access).toBe(who === shown.reporter ? 'reporter' : 'none');
        else expect(access).toBe(who === shown.reporter ? 'reporter' : 'handling');
      }),
    );
  });

  it('gives nothing to anyone else: the other member, another référent, a stranger', () => {
    fc.assert(
      fc.property(anyReport, person, fc.subarray<AccessRole>(['referent']), (shown, who, held) => {
        const involved = who === shown.reporter || who === shown.handler || shown.recipients.includes(who);
        if (!involved) expect(reportAccess(viewer(who, ...held), shown)).toBe('none');
      }),
    );
  });

  it('never shows a report to the référent it is about unless it was given to them', () => {
    fc.assert(
      fc.property(anyReport, roles, (shown, held) => {
        const about = shown.concerns;
        if (!about || about === shown.reporter || about === shown.handler || shown.recipients.includes(about)) return;
        expect(reportAccess(viewer(about, ...held), shown)).toBe('none');
      }),
    );
  });

  it('depends on nothing but the person and the report: neither the status nor the route change who sees it', () => {
    fc.assert(
      fc.property(anyReport, person, roles, (shown, who, held) => {
        const access = reportAccess(viewer(who, ...held), shown);
        for (const status of ['received', 'in-progress', 'resolved'] as const)
          for (const route of ['referent', 'coordinators'] as const)
            expect(reportAccess(viewer(who, ...held), { ...shown, status, route })).toBe(access);
      }),
    );
  });
});

describe('a coordinator who is part of the story', () => {
  const pair = { mentee: 'dan', mentor: 'erin' };

  it('as the other member of the binôme, sees nothing of it, coordinator or not', () => {
    expect(reportAccess(viewer('erin', 'coordinator'), report(), pair)).toBe('none');
    expect(reportAccess(viewer('cleo', 'coordinator'), report(), pair)).toBe('handling');
  });

  it('keeps the text out of the coordination space when a config coordinator is the reporter, one of the pair or the référent concerned', () => {
    expect(spaceMayShowText(report(), pair, ['coord'])).toBe(true);
    expect(spaceMayShowText(report(), pair, ['coord', 'erin'])).toBe(false);
    expect(spaceMayShowText(report(), pair, ['dan'])).toBe(false);
    expect(spaceMayShowText(report({ concerns: 'ref' }), pair, ['coord'])).toBe(false);
  });
});
