/**
 * Reads the secrets Strapi needs. In development `npm run develop` generates them into an ignored
 * `.env` (scripts/prepare-env.js); anywhere else a missing secret stops startup, naming it, rather
 * than letting Strapi run with an empty key.
 */
import type { Core } from '@strapi/strapi';

type Env = Core.Config.Shared.ConfigParams['env'];

export const requireSecret = (env: Env, name: string): string => {
  const value = env(name);
  if (!value) {
    throw new Error(
      `Missing secret ${name}: set ${name} in the environment` + ' (see .env.example; in development `npm run develop` generates .env).'
    );
  }
  return value;
};

export const requireSecretList = (env: Env, name: string): string[] => {
  const values = (env.array(name) ?? []).filter(Boolean);
  if (values.length === 0) requireSecret(env, name);
  return values;
};
