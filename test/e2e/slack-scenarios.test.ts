import { describe, it } from 'vitest';
import { LOCALES } from '../../src/core/i18n/locale';
import { checkScenario, checkSpacesAtEnd } from '../scenarios/check-scenario';
import { coordinatorScenariosFor } from '../scenarios/coordinator-flow';
import { scenariosFor } from '../scenarios/participant-journey';
import { reportDeadlineScenariosFor } from '../scenarios/report-deadlines';
import { reportScenariosFor } from '../scenarios/report-visibility';
import type { SpaceAtEnd } from '../scenarios/scenario';
import { runScenarioOnSlack } from '../scenarios/slack-driver';
import { wholeCycleScenariosFor } from '../scenarios/whole-cycle';

describe.each(LOCALES)('the participant journey on Slack, in %s', (locale) => {
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
    checkScenario(
      scenario,
      await runScenarioOnSlack(scenario, locale, (found) => {
        spaces = found;
      }),
    );
    checkSpacesAtEnd(scenario, spaces);
  });
});
