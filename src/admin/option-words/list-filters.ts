/**
 * The list filters' enumeration choices in the department's words. Strapi names a filter's option
 * by a message whose id is the bare value (`draft`, `open`), the same for every record type, so the
 * filter hook names them from our table instead; it runs outside React, so it reads the interface
 * language the admin stores. The chip of a chosen filter shows the option's name only when the
 * filter has its own input: ours is the edit view's select.
 */
import { wordLanguage, wordsFor } from '../../content-manager/option-words';
import { storedInterfaceLanguage } from '../interface-language';
import { OptionSelect } from './OptionSelect';

export const INJECT_LIST_VIEW_FILTERS = 'Admin/CM/pages/ListView/inject-in-filters';

interface Filter {
  name: string;
  type?: string;
  input?: unknown;
  options?: { value: string; label?: string }[];
}

export const withWordedOptions = ({ displayedFilters, layout }: { displayedFilters: Filter[]; layout: unknown }) => {
  const language = wordLanguage(storedInterfaceLanguage());
  return {
    displayedFilters: displayedFilters.map((filter) => {
      if (filter.type !== 'enumeration' || !filter.options || filter.input) return filter;
      const words = wordsFor(
        filter.name,
        filter.options.map(({ value }) => value)
      );
      if (!words) return filter;
      return { ...filter, input: OptionSelect, options: filter.options.map(({ value }) => ({ value, label: words[value][language] })) };
    }),
    layout,
  };
};
