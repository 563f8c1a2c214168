import { expect } from 'vitest';
import { type Delivery, plain, type Scenario } from './scenario';

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
