import { expect } from 'vitest';
import { type Delivery, plain, type Scenario, type SpaceAtEnd } from './scenario';

function describeDeliveries(deliveries: readonly Delivery[]): string {
  return (
    deliveries.map((delivery) => `  [${delivery.via} to ${delivery.to}] ${plain(delivery.text).slice(0, 160)}`).join('\n') || '  (nothing)'
  );
}

/**
 * Every expectation of every step holds, and nobody the step does not name received anything:
 * what a person sees is private unless the scenario says otherwise.
 */
export function checkScenario(scenario: Scenario, observed: readonly (readonly Delivery[])[]): void {
  expect(observed, `${scenario.name}: one observation per step`).toHaveLength(scenario.steps.length);
  scenario.steps.forEach((step, index) => {
    const deliveries = observed[index] ?? [];
    const where = `${scenario.name}, step ${index + 1} (${step.actor}: ${JSON.stringify(step.action)})\nobserved:\n${describeDeliveries(deliveries)}`;
    for (const expectation of step.expect) {
      const mine = deliveries.filter((delivery) => delivery.to === expectation.to && delivery.via === expectation.via);
      if (expectation.says) {
        const wanted = expectation.says.map(plain);
        const found = mine.some((delivery) => wanted.every((fragment) => plain(delivery.text).includes(fragment)));
        expect(found, `${where}\nexpected a ${expectation.via} to ${expectation.to} saying ${JSON.stringify(wanted)}`).toBe(true);
      }
      for (const fragment of expectation.saysNot ?? []) {
        const leaked = deliveries.filter((delivery) => delivery.to === expectation.to && plain(delivery.text).includes(plain(fragment)));
        expect(leaked, `${where}\n${expectation.to} must not see ${JSON.stringify(fragment)}`).toEqual([]);
      }
    }
    const addressed = new Set(step.expect.map((expectation) => expectation.to));
    const strays = deliveries.filter((delivery) => !addressed.has(delivery.to));
    expect(strays, `${where}\nonly ${[...addressed].join(', ')} may receive something`).toEqual([]);
  });
}

/** Each space the scenario names is found, with exactly these readers and writers (order aside). */
export function checkSpacesAtEnd(scenario: Scenario, found: readonly SpaceAtEnd[]): void {
  for (const wanted of scenario.spacesAtEnd ?? []) {
    const space = found.find((candidate) => candidate.name === wanted.name);
    const names = found.map((candidate) => candidate.name).join(', ');
    expect(space, `${scenario.name}: no space ${wanted.name} at the end (found: ${names})`).toBeDefined();
    expect(
      { readers: [...(space?.readers ?? [])].sort(), writers: [...(space?.writers ?? [])].sort() },
      `${scenario.name}: who can read and write in ${wanted.name} at the end`,
    ).toEqual({ readers: [...wanted.readers].sort(), writers: [...wanted.writers].sort() });
  }
}
