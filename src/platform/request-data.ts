import type { Context } from 'koa';

/** The `data` of the request's JSON body, as Strapi's body middleware (koa-body) parsed it; koa's own types have no body. */
export const requestData = (ctx: Context): unknown => (ctx.request as { body?: { data?: unknown } }).body?.data;
