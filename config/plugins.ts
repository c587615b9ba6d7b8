import type { Core } from '@strapi/strapi';
import { requireSecret } from './secrets';

export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  'users-permissions': {
    config: {
      jwtSecret: requireSecret(env, 'JWT_SECRET'),
      jwt: { expiresIn: env('JWT_EXPIRES_IN', '7d') },
      // Staff accounts are created by administrators, never by self-registration.
      register: { allowedFields: [] },
    },
  },
});
