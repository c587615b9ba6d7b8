#!/usr/bin/env node
/**
 * Development convenience run before `strapi develop|start|build` and the seed script: creates an
 * ignored .env with freshly generated secrets when there is none, and adds any secret that is
 * missing from an existing one. Never runs in production: there a missing secret stops startup.
 */
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');

const envFile = path.resolve(__dirname, '..', '.env');
const random = () => crypto.randomBytes(24).toString('base64');

const generated = {
  APP_KEYS: () => [random(), random(), random(), random()].join(','),
  ADMIN_JWT_SECRET: random,
  API_TOKEN_SALT: random,
  TRANSFER_TOKEN_SALT: random,
  ENCRYPTION_KEY: random,
  JWT_SECRET: random,
  // Password of the development accounts (super admin and one user per role). Meets Strapi's
  // admin password rules: upper case, lower case, digit, 8+ characters.
  DEMO_PASSWORD: () => `Demo-${crypto.randomBytes(6).toString('hex')}-Aa1`,
};

if (process.env.NODE_ENV === 'production') process.exit(0);

const existing = fs.existsSync(envFile) ? fs.readFileSync(envFile, 'utf8') : '';
const defined = new Set(
  existing
    .split('\n')
    .map((line) => line.match(/^\s*([A-Z0-9_]+)\s*=/))
    .filter(Boolean)
    .map((m) => m[1])
);
const missing = Object.keys(generated).filter((key) => !defined.has(key) && !process.env[key]);
if (missing.length > 0) {
  const header = existing ? '' : '# Generated for development by scripts/prepare-env.js. Never commit.\n';
  const lines = missing.map((key) => `${key}=${generated[key]()}`).join('\n');
  const separator = existing && !existing.endsWith('\n') ? '\n' : '';
  fs.writeFileSync(envFile, `${existing}${separator}${header}${lines}\n`, { mode: 0o600 });
  console.log(`prepare-env: generated ${missing.join(', ')} into .env`);
}
