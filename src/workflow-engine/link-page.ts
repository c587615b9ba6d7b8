/**
 * What a customer's browser gets through a signed link (./signed-link.ts): plain HTML pages in both
 * of the department's languages, and the one answering rule — a browser gets a page (also for a
 * refusal: 404, 410, 400), a JSON client gets Strapi's usual answers and errors.
 */
import { errors } from '@strapi/utils';
import type { Context } from 'koa';

export const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export const linkPage = (title: string, body: string) =>
  `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
  `<title>${escapeHtml(title)}</title><style>body{font-family:sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem;line-height:1.5}` +
  `label{display:block;margin:.5rem 0}textarea{width:100%;min-height:6rem}</style></head><body>${body}</body></html>`;

/** The refusal page: the link is tampered with, used or expired, or the form was filled in wrongly. */
export const linkRefusedPage = (title: string, message: string) =>
  linkPage(title, `<h1>链接无法使用 / Link not usable</h1><p>${escapeHtml(message)}</p>`);

export const wantsJson = (ctx: Context) => ctx.is('application/json') === 'application/json' || ctx.accepts('html', 'json') === 'json';

/**
 * Runs a link's handler: `work` sets ctx.body itself for JSON clients and returns the page for
 * browsers; a refusal becomes `refused(message)` with its status for browsers.
 */
export const answerLinkPage = async (ctx: Context, work: () => Promise<string>, refused: (message: string) => string) => {
  if (wantsJson(ctx)) {
    await work();
    return;
  }
  try {
    const html = await work();
    ctx.type = 'html';
    ctx.body = html;
  } catch (error) {
    const status =
      (error as { status?: number }).status ??
      (error instanceof errors.NotFoundError ? 404 : error instanceof errors.ValidationError ? 400 : 500);
    if (status >= 500) throw error;
    ctx.status = status;
    ctx.type = 'html';
    ctx.body = refused((error as Error).message);
  }
};
