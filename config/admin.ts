import type { Core } from '@strapi/strapi';
import { requireSecret } from './secrets';

export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  auth: { secret: requireSecret(env, 'ADMIN_JWT_SECRET') },
  apiToken: { salt: requireSecret(env, 'API_TOKEN_SALT') },
  transfer: { token: { salt: requireSecret(env, 'TRANSFER_TOKEN_SALT') } },
  secrets: { encryptionKey: requireSecret(env, 'ENCRYPTION_KEY') },
  // No survey pop-ups and no enterprise advertising in the panel.
  flags: { nps: false, promoteEE: false },
  // No preview of records on a front end (there is none): without this the edit view offers "Set up preview".
  preview: { enabled: false },
});
