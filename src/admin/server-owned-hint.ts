/**
 * The hint under a field the server owns, in the interface language. The content manager shows a
 * field's stored description as it is (no message id, unlike labels), and the server stores the
 * English one (src/content-manager/layouts.ts); this edit-view layout hook puts the reader's
 * language in its place.
 */
import { storedInterfaceLanguage } from './interface-language';

export const SERVER_OWNED_HINT = 'Set by the server';
const HINTS: Record<string, string> = { 'zh-Hans': '由系统生成' };
const MUTATE_EDIT_VIEW_LAYOUT = 'Admin/CM/pages/EditView/mutate-edit-view-layout';

type Field = { hint?: unknown };
type Rows = Field[][];
interface EditLayout {
  layout: Rows[];
  components: Record<string, { layout: Rows }>;
}

const translateRows = (rows: Rows, hint: string): Rows =>
  rows.map((row) => row.map((field) => (field.hint === SERVER_OWNED_HINT ? { ...field, hint } : field)));

export const registerServerOwnedHint = (app: { registerHook: (name: string, fn: (args: never) => unknown) => void }) => {
  app.registerHook(MUTATE_EDIT_VIEW_LAYOUT, (({ layout, query }: { layout: EditLayout; query: unknown }) => {
    const hint = HINTS[storedInterfaceLanguage()];
    if (!hint) return { layout, query };
    const components = Object.fromEntries(
      Object.entries(layout.components).map(([uid, component]) => [uid, { ...component, layout: translateRows(component.layout, hint) }])
    );
    return { layout: { ...layout, layout: layout.layout.map((panel) => translateRows(panel, hint)), components }, query };
  }) as (args: never) => unknown);
};
