import type { Modules, UID } from '@strapi/strapi';

type Input<U extends UID.ContentType> = Modules.Documents.Params.Data.Input<U>;

/**
 * The data of a Document Service create or update, with its field names checked against the
 * generated content type. The values are not: Strapi's input type requires the fields our guards
 * fill in on create (state, currency, number), has no `null` to clear a field, and cannot follow a
 * computed field name; the guards (src/guards) check the values at run time.
 */
export const documentData = <U extends UID.ContentType>(_uid: U, data: { [K in keyof Input<U>]?: unknown }): Input<U> => data as Input<U>;
