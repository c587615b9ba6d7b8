/**
 * The content manager in the department's words (src/content-manager/option-words.ts): enumeration
 * inputs, date and datetime inputs and list cells (with money and dates in one format), and list filters.
 */
import { DateInput, DateTimeInput } from './DateInput';
import { INJECT_COLUMN_IN_TABLE, withWordsAndFormats } from './list-cells';
import { INJECT_LIST_VIEW_FILTERS, withWordedOptions } from './list-filters';
import { OptionSelect } from './OptionSelect';

interface App {
  addFields: (field: { type: string; Component: React.ComponentType<never> }) => void;
  registerHook: (name: string, fn: (args: never) => unknown) => void;
}

export const registerOptionWords = (app: App) => {
  app.addFields({ type: 'enumeration', Component: OptionSelect as React.ComponentType<never> });
  app.addFields({ type: 'date', Component: DateInput as React.ComponentType<never> });
  app.addFields({ type: 'datetime', Component: DateTimeInput as React.ComponentType<never> });
  app.registerHook(INJECT_COLUMN_IN_TABLE, withWordsAndFormats as (args: never) => unknown);
  app.registerHook(INJECT_LIST_VIEW_FILTERS, withWordedOptions as (args: never) => unknown);
};
