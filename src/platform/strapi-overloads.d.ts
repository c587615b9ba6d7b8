/**
 * Temporary: statistics/complaint-statistics.ts indexes the complaint's attributes with a plain
 * string, which the generated schema type (types/generated) does not allow. Until that line names
 * the attribute as `keyof` the schema's attributes, strapi.contentType(COMPLAINT) answers the
 * untyped schema, as it did before the types were generated. Delete this file then.
 */
import type { Struct } from '@strapi/strapi';

declare module '@strapi/types/dist/core/strapi' {
  interface Strapi {
    contentType(name: 'api::complaint.complaint'): Struct.ContentTypeSchema;
  }
}
