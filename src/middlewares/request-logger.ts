/**
 * The request log, in place of `strapi::logger`: the same line (method, URL, time, status), but a
 * customer link's token in the path is replaced by `[redacted]`, so nobody reading the logs can
 * answer a statement or give complaint feedback in the customer's place (src/platform/signed-link.ts).
 */
import type { Core } from '@strapi/strapi';

const LINK_PATHS = ['/api/statements/respond/', '/api/complaints/feedback/'];

export const redactUrl = (url: string) => {
  for (const path of LINK_PATHS) {
    const at = url.indexOf(path);
    if (at !== -1) return `${url.slice(0, at + path.length)}[redacted]`;
  }
  return url;
};

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx: { method: string; url: string; status: number }, next: () => Promise<void>) => {
    const start = Date.now();
    await next();
    strapi.log.http(`${ctx.method} ${redactUrl(ctx.url)} (${Math.ceil(Date.now() - start)} ms) ${ctx.status}`);
  };
