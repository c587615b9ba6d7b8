/**
 * Runs the built app (`strapi start`) on a fresh SQLite database with demo data and the
 * development accounts, on its own port, for browser tests; and launches Debian's Chromium.
 * The demo data is loaded once per run (global-setup.ts starts the app on a template file); each
 * test file's app starts on its own copy, so files cannot see each other's changes.
 */
import { ChildProcess, spawn } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { chromium, Browser } from 'playwright-core';

export const APP_DIR = path.resolve(__dirname, '..', '..');
export const DEMO_PASSWORD = 'E2e-Demo-Passw0rd';

export interface RunningApp {
  baseUrl: string;
  /** The app's SQLite file, for setting up and checking what the browser cannot reach. */
  databaseFile: string;
  stop(options?: { keepDatabase?: boolean }): Promise<void>;
}

/** The demo database global-setup.ts prepared, copied by every startApp. */
const TEMPLATE_VARIABLE = 'E2E_TEMPLATE_DATABASE';

const removeDatabase = (file: string) => {
  for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) fs.rmSync(f, { force: true });
};

/**
 * The app's port: E2E_PORT (1339 unless set: two runs on one machine need two), 20 apart per jest
 * worker (files run two at a time); the template's is 10 above the first.
 */
const BASE_PORT = Number(process.env.E2E_PORT || 1339);
const PORT = BASE_PORT + 20 * (Number(process.env.JEST_WORKER_ID || 1) - 1);

export const startApp = async (port = PORT, file = path.join(os.tmpdir(), `cs-e2e-${process.pid}-${port}.db`)): Promise<RunningApp> => {
  // A server left on the port (another run's) would answer the health check for this one.
  const taken = await fetch(`http://127.0.0.1:${port}/_health`).then(
    () => true,
    () => false
  );
  if (taken) throw new Error(`port ${port} is taken by another server: set E2E_PORT`);
  const template = process.env[TEMPLATE_VARIABLE];
  if (template && template !== file) fs.copyFileSync(template, file);
  const env = {
    ...process.env,
    NODE_ENV: 'development',
    DATABASE_CLIENT: 'sqlite',
    DATABASE_FILENAME: file,
    PORT: String(port),
    DEMO_DATA: 'true',
    DEMO_PASSWORD,
    NOTIFICATION_WORKER: 'false', // the tests look at the outbox as staff left it
    // The scheduled jobs would move records at a quarter past the hour, between a test's two looks at a list.
    CRON_ENABLED: 'false',
    LOG_LEVEL: 'warn',
    STRAPI_TELEMETRY_DISABLED: 'true',
    APP_KEYS: 'e2e-1,e2e-2',
    ADMIN_JWT_SECRET: 'e2e-admin-jwt',
    API_TOKEN_SALT: 'e2e-api-token-salt',
    TRANSFER_TOKEN_SALT: 'e2e-transfer-salt',
    ENCRYPTION_KEY: 'e2e-encryption-key',
    JWT_SECRET: 'e2e-jwt',
  };
  const child: ChildProcess = spawn(path.join(APP_DIR, 'node_modules', '.bin', 'strapi'), ['start'], {
    cwd: APP_DIR,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const baseUrl = `http://127.0.0.1:${port}`;
  // The template's first start loads the whole demo before it answers: minutes on a busy machine.
  const seconds = template && template !== file ? 120 : 360;
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`strapi start exited:\n${output}`);
    if (Date.now() > deadline) {
      child.kill('SIGTERM'); // not left holding the port for the next run
      throw new Error(`strapi start not up in ${seconds} s:\n${output}`);
    }
    const up = await fetch(`${baseUrl}/_health`).then(
      (r) => r.ok,
      () => false
    );
    if (up) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return {
    baseUrl,
    databaseFile: file,
    stop: async ({ keepDatabase = false } = {}) => {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
      if (!keepDatabase) removeDatabase(file);
    },
  };
};

/**
 * Loads the demo data once: starts the app on an empty template file, waits until it is up (the
 * demo load happens before it answers) and stops it without removing the file. Returns a function
 * that removes it.
 */
export const prepareDemoTemplate = async (): Promise<() => void> => {
  const file = path.join(os.tmpdir(), `cs-e2e-template-${process.pid}.db`);
  removeDatabase(file);
  const app = await startApp(BASE_PORT + 10, file);
  await app.stop({ keepDatabase: true });
  process.env[TEMPLATE_VARIABLE] = file;
  return () => {
    delete process.env[TEMPLATE_VARIABLE];
    removeDatabase(file);
  };
};

export const launchChromium = (): Promise<Browser> =>
  chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
