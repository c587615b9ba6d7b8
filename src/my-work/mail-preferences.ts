/**
 * A person's own mail preferences (per kind of mail: immediately or in the daily digest;
 * src/domain/mail-preferences.ts), read and changed by that person only — the caller is the one
 * whose preferences these are, there is no other to name. Served by GET/PUT
 * /api/my-work/mail-preferences and the admin routes /workflows/my-work/mail-preferences.
 */
import type { Core } from '@strapi/strapi';
import { changedPreferences, DEFAULT_MAIL_PREFERENCES, MailPreferences, preferencesOf } from '../domain/mail-preferences';
import { englishText } from '../domain/message-text';
import { message } from '../domain/messages';
import { currentActor } from '../platform/actor';
import { Endpoint } from '../platform/endpoint';
import { forbidden, validationError } from '../platform/errors';
import { metaOf } from '../platform/table-meta';
import { USER } from '../platform/uids';

export interface MailPreferencesAnswer {
  preferences: MailPreferences;
  defaults: MailPreferences;
}

const callerId = async (strapi: Core.Strapi): Promise<number> => {
  const actor = await currentActor(strapi);
  if (actor.staffUserId === null) throw forbidden(message('mail_preferences.no_account'));
  return actor.staffUserId;
};

const storedOf = async (strapi: Core.Strapi, userId: number) =>
  (await strapi.db.query(USER).findOne({ where: { id: userId }, select: ['mailPreferences'] }))?.mailPreferences ?? null;

const answer = (preferences: MailPreferences): { data: MailPreferencesAnswer } => ({
  data: { preferences, defaults: DEFAULT_MAIL_PREFERENCES },
});

export const readMailPreferences = (strapi: Core.Strapi): Endpoint => ({
  handle: async () => answer(preferencesOf(await storedOf(strapi, await callerId(strapi)))),
});

/** `{ data: { preferences: { <kind>: 'immediately' | 'digest' } } }`; kinds left out keep their choice; any unknown kind or delivery refuses the whole change. */
export const changeMailPreferences = (strapi: Core.Strapi): Endpoint => ({
  data: { fields: ['preferences'] },
  handle: async (_ctx, { data }) => {
    const userId = await callerId(strapi);
    return strapi.db.transaction(async ({ trx }) => {
      // Two changes at once (two tabs) each keep the other's kinds: the second reads after the first wrote.
      if (strapi.db.getInfo().client === 'postgres') await trx(metaOf(strapi, USER).table).where({ id: userId }).forUpdate().first('id');
      const result = changedPreferences(await storedOf(strapi, userId), data.preferences);
      if (!result.preferences) {
        throw validationError(
          result.problems.map((problem) => ({ path: problem.path, message: englishText(problem.said), said: problem.said }))
        );
      }
      await strapi.db.query(USER).update({ where: { id: userId }, data: { mailPreferences: result.preferences } });
      return answer(result.preferences);
    });
  },
});
