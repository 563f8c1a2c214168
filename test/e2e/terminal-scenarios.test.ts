import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../src/core/i18n/locale';
import { checkScenario, checkSpacesAtEnd } from '../scenarios/check-scenario';
import { coordinatorScenariosFor } from '../scenarios/coordinator-flow';
import { scenariosFor } from '../scenarios/participant-journey';
import { reportDeadlineScenariosFor } from '../scenarios/report-deadlines';
import { reportScenariosFor } from '../scenarios/report-visibility';
import type { SpaceAtEnd } from '../scenarios/scenario';
import { runScenarioOnTerminal } from '../scenarios/terminal-driver';
import { wholeCycleScenariosFor } from '../scenarios/whole-cycle';

describe.each(LOCALES)('the participant journey in the terminal chat, in %s', (locale) => {
  it.concurrent.each(
    [
      ...scenariosFor(locale),
      ...coordinatorScenariosFor(locale),
      ...reportScenariosFor(locale),
      ...reportDeadlineScenariosFor(locale),
      ...wholeCycleScenariosFor(locale),
    ].map((scenario) => [scenario.name, scenario] as const),
  )('%s', async (_name, scenario) => {
    let spaces: readonly SpaceAtEnd[] = [];
    const { observed, runs } = await runScenarioOnTerminal(scenario, locale, (found) => {
      spaces = found;
    });
    for (const run of runs) {
      expect(run.exitCode).toBe(0);
      expect(run.stderr).toBe('');
    }
    checkScenario(scenario, observed);
    checkSpacesAtEnd(scenario, spaces);
  });
});
