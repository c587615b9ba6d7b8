/**
 * Says the app's refusals in the reader's language (src/platform/errors.ts, sayInLanguage): for
 * the REST API the request's Accept-Language; for the admin panel the language the admin user
 * chose in their profile (`preferedLanguage`, Strapi's spelling) when set, else Accept-Language.
 * Sits inside `strapi::errors`, so the error is translated before Strapi writes its body; the
 * codes, status and the rest of the body do not change with the language.
 */
import type { Core } from '@strapi/strapi';
import { acceptedLanguage, ExtraWords, readerLanguage } from '../domain/message-text';
import { FIELD_LABELS, TYPE_NAMES } from '../content-manager/labels';
import { sayInLanguage } from '../platform/errors';

/** Record types and fields in the content manager's words (a field by its first label among the types). */
export const CONTENT_WORDS: ExtraWords = {
  subject: (subject) => TYPE_NAMES[`api::${subject}.${subject}`],
  field: (field) => Object.values(FIELD_LABELS).find((fields) => Object.hasOwn(fields, field))?.[field],
};

interface Context {
  path: string;
  get: (header: string) => string;
  state: { user?: { preferedLanguage?: unknown } };
}

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const restPrefix = strapi.config.get('api.rest.prefix', '/api') as string;
  return async (ctx: Context, next: () => Promise<void>) => {
    try {
      await next();
    } catch (error) {
      const accepted = ctx.get('accept-language');
      const isRest = ctx.path === restPrefix || ctx.path.startsWith(`${restPrefix}/`);
      sayInLanguage(
        error,
        isRest ? acceptedLanguage(accepted) : readerLanguage(ctx.state?.user?.preferedLanguage, accepted),
        CONTENT_WORDS
      );
      throw error;
    }
  };
};
