/**
 * A fuzz run: a few customers and products to start from, then `steps` random steps
 * (./actions.ts) from `seed`, the invariants (./invariants.ts) checked after each one. Answers the
 * figures a run is judged by: steps, answers by HTTP status, ms per step, and each violation once,
 * with the step that first showed it (replay: same seed, fresh database).
 */
import type { Core } from '@strapi/strapi';
import { createCustomer, createProduct } from '../fixtures';
import { randomStep } from './actions';
import { createActors } from './actors';
import { checkInvariants, readWorld } from './invariants';
import { mulberry32 } from './prng';

export interface FuzzReport {
  seed: number;
  steps: number;
  /** How many answers had each HTTP status. */
  statuses: Record<string, number>;
  /** The same per kind of step (`createOrder`, `order confirm`, …). */
  byKind: Record<string, Record<string, number>>;
  /** Per step: the request and the invariant checks. */
  msPerStep: number;
  /** Of which the invariant checks (reading the tables and comparing). */
  msChecksPerStep: number;
  violations: { step: number; name: string; status: number; message: string }[];
}

export const DEFAULT_SEED = 20261205;

export const fuzz = async (
  strapi: Core.Strapi,
  { seed = DEFAULT_SEED, steps = 200, onStep }: { seed?: number; steps?: number; onStep?: (step: number, report: FuzzReport) => void } = {}
): Promise<FuzzReport> => {
  const random = mulberry32(seed);
  const actors = await createActors(strapi);
  for (let i = 0; i < 3; i++) await createCustomer(strapi, actors.rest['cs-specialist'], { creditLimit: '0' });
  for (let i = 0; i < 4; i++) await createProduct(strapi, actors.rest['cs-supervisor'], { stockOnHand: 20 });
  const report: FuzzReport = { seed, steps: 0, statuses: {}, byKind: {}, msPerStep: 0, msChecksPerStep: 0, violations: [] };
  const seen = new Set<string>();
  let world = await readWorld(strapi);
  const started = Date.now();
  let checking = 0;
  for (let step = 1; step <= steps; step++) {
    const outcome = await randomStep({ strapi, random, actors });
    const checked = Date.now();
    const after = await readWorld(strapi);
    for (const message of checkInvariants(world, after, outcome)) {
      if (seen.has(message)) continue;
      seen.add(message);
      report.violations.push({ step, name: outcome.name, status: outcome.status, message });
    }
    checking += Date.now() - checked;
    world = after;
    report.steps = step;
    report.statuses[outcome.status] = (report.statuses[outcome.status] ?? 0) + 1;
    const kind = (report.byKind[outcome.kind ?? outcome.name] ??= {});
    kind[outcome.status] = (kind[outcome.status] ?? 0) + 1;
    report.msPerStep = (Date.now() - started) / step;
    report.msChecksPerStep = checking / step;
    onStep?.(step, report);
  }
  return report;
};
