#!/usr/bin/env node
/**
 * The long invariant fuzz: `npm run fuzz -- --steps 10000 [--seed N] [--postgres]`.
 * Runs tests/integration/invariants.test.ts (the same steps and invariants as the short run in
 * `npm test`, tests/helpers/fuzz/) through jest on a fresh database — a temporary SQLite file, or
 * with --postgres a database created on TEST_DATABASE_URL (default
 * postgres://postgres@127.0.0.1:5432/postgres) and dropped afterwards — then prints the steps,
 * the answers by HTTP status (refusals are the 4xx), the answers per kind of step, the time per
 * step and every violation with the step that first showed it. Exits non-zero on any violation.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawn } = require('child_process');

const args = process.argv.slice(2);
const option = (name) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : undefined;
};
const steps = Number(option('steps') ?? 10000);
const seed = option('seed');
const postgres = args.includes('--postgres');
if (!Number.isInteger(steps) || steps < 1) {
  console.error('usage: npm run fuzz -- --steps N [--seed N] [--postgres]');
  process.exit(2);
}

const reportFile = path.join(os.tmpdir(), `cs-fuzz-${process.pid}.json`);
const env = {
  ...process.env,
  STRAPI_TELEMETRY_DISABLED: 'true',
  FUZZ_STEPS: String(steps),
  FUZZ_REPORT: reportFile,
  FUZZ_PROGRESS: String(Math.max(100, Math.round(steps / 20))),
  ...(seed !== undefined ? { FUZZ_SEED: seed } : {}),
  ...(postgres
    ? { DATABASE_CLIENT: 'postgres', TEST_DATABASE_URL: process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres' }
    : { DATABASE_CLIENT: 'sqlite' }),
};
console.log(`fuzz: ${steps} steps on ${postgres ? 'PostgreSQL' : 'SQLite'}${seed !== undefined ? `, seed ${seed}` : ''}`);
const started = Date.now();
const run = () =>
  new Promise((resolve) => {
    const child = spawn(process.execPath, [require.resolve('jest/bin/jest'), '--runInBand', 'tests/integration/invariants.test.ts'], {
      cwd: path.resolve(__dirname, '..'),
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    // jest's own output is kept for when no report comes; the run's progress lines are shown as they come.
    let output = '';
    let rest = '';
    child.stderr.on('data', (chunk) => {
      output = (output + chunk).slice(-200_000);
      const lines = (rest + chunk).split('\n');
      rest = lines.pop();
      for (const line of lines) if (line.startsWith('fuzz:')) console.log(line);
    });
    child.on('close', (status) => resolve({ status, output }));
  });

const main = async () => {
  const jest = await run();
  const jestOutput = jest.output;
  if (!fs.existsSync(reportFile)) {
    console.error(jestOutput.split('\n').slice(-60).join('\n'));
    console.error(`fuzz: no report (jest exited ${jest.status})`);
    return 1;
  }
  const report = JSON.parse(fs.readFileSync(reportFile, 'utf8'));
  fs.rmSync(reportFile, { force: true });

  const byCode = Object.entries(report.statuses).sort(([a], [b]) => Number(a) - Number(b));
  const refusals = byCode.filter(([code]) => Number(code) >= 400);
  console.log(
    `seed ${report.seed}; steps ${report.steps}; ${report.msPerStep.toFixed(1)} ms/step (request + invariant checks, of which checks ${report.msChecksPerStep.toFixed(1)}); whole run ${((Date.now() - started) / 1000).toFixed(0)} s`
  );
  console.log(`answers by HTTP status: ${byCode.map(([code, n]) => `${code} × ${n}`).join(', ')}`);
  console.log(
    `refusals: ${refusals.reduce((sum, [, n]) => sum + n, 0)} (${refusals.map(([code, n]) => `${code} × ${n}`).join(', ') || 'none'})`
  );
  console.log('per kind of step:');
  for (const [kind, statuses] of Object.entries(report.byKind).sort(([a], [b]) => a.localeCompare(b))) {
    console.log(
      `  ${kind.padEnd(28)} ${Object.entries(statuses)
        .map(([code, n]) => `${code} × ${n}`)
        .join(', ')}`
    );
  }
  console.log(`violations: ${report.violations.length}`);
  for (const v of report.violations) console.log(`  step ${v.step} (${v.name} → ${v.status}): ${v.message}`);
  return report.violations.length > 0 ? 1 : 0;
};

main().then((code) => process.exit(code));
