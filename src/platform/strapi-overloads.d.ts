import type { Struct } from '@strapi/strapi';

declare module '@strapi/types/dist/core/strapi' {
  interface Strapi {
    contentType(name: 'api::complaint.complaint'): Struct.ContentTypeSchema;
  }
}
