/** Business settings from config/server.ts (environment variables documented in .env.example). */
import type { Core } from '@strapi/strapi';

export const reportTimeZone = (strapi: Core.Strapi): string => strapi.config.get('server.business.reportTimeZone', 'Asia/Shanghai');
