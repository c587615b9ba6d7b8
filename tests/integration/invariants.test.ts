/**
 * The invariant fuzzer (tests/helpers/fuzz/): random writes and actions by random roles over REST
 * and the content manager, the business invariants checked in SQL after every step. A short run
 * here; `npm run fuzz -- --steps 10000 [--seed N] [--postgres]` runs a long one. FUZZ_SEED and
 * FUZZ_STEPS replay or lengthen this one; FUZZ_REPORT names a file the figures are written to.
 */
import fs from 'fs';
import { useStrapi } from '../helpers/strapi';
import { DEFAULT_SEED, fuzz } from '../helpers/fuzz/run';

const seed = Number(process.env.FUZZ_SEED ?? DEFAULT_SEED);
const steps = Number(process.env.FUZZ_STEPS ?? 200);

describe('invariants under random use', () => {
  const app = useStrapi();

  it(
    `hold after each of ${steps} random steps (seed ${seed})`,
    async () => {
      const progress = process.env.FUZZ_PROGRESS ? Number(process.env.FUZZ_PROGRESS) : 0;
      const report = await fuzz(app.strapi, {
        seed,
        steps,
        onStep: (step, figures) => {
          if (progress && step % progress === 0)
            process.stderr.write(
              `fuzz: ${step} steps, ${figures.msPerStep.toFixed(0)} ms/step (checks ${figures.msChecksPerStep.toFixed(0)}), ${figures.violations.length} violations\n`
            );
        },
      });
      if (process.env.FUZZ_REPORT) fs.writeFileSync(process.env.FUZZ_REPORT, JSON.stringify(report, null, 2));
      // On failure the seed is in the diff: replay with FUZZ_SEED=<seed>.
      expect({ seed, violations: report.violations.slice(0, 20) }).toEqual({ seed, violations: [] });
    },
    Math.max(120_000, steps * 2_000)
  );
});
