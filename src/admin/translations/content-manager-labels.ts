/**
 * Record type and field names that follow the interface language. The content manager runs a
 * field's stored label through `formatMessage` with the id
 * `content-manager.content-types.<uid>.<field>` (edit view and list headers) or
 * `content-manager.components.<component>.<field>` (fields inside a component), the stored label
 * being the default message; a type's name in the menu and list title is looked up under its
 * `displayName` itself. The server stores the English names (src/content-manager/layouts.ts), so
 * English needs no messages (and an administrator's own label, set through "Configure the view",
 * still shows there); zh-Hans gets the department's words from the same table.
 */
import { FIELD_LABELS, TYPE_NAMES } from '../../content-manager/labels';

const fieldMessageId = (uid: string, field: string) =>
  uid.includes('::') ? `content-manager.content-types.${uid}.${field}` : `content-manager.components.${uid}.${field}`;

/** The zh-Hans messages of our record type and field names. */
export const zhHansLabelMessages: Record<string, string> = {
  ...Object.fromEntries(
    Object.entries(TYPE_NAMES)
      .filter(([uid]) => uid.includes('::'))
      .map(([, name]) => [name.en, name.zh])
  ),
  ...Object.fromEntries(
    Object.entries(FIELD_LABELS).flatMap(([uid, fields]) =>
      Object.entries(fields).map(([field, label]) => [fieldMessageId(uid, field), label.zh])
    )
  ),
};
