/**
 * The list filters' enumeration choices in the department's words. Strapi names a filter's option
 * by a message whose id is the bare value (`draft`, `open`), the same for every record type, so the
 * filter hook names them from our table instead; it runs outside React, so it reads the interface
 * language the admin stores. The chip of a chosen filter shows the option's name only when the
 * filter has its own input: ours is the edit view's select. A filter's field is named by the
 * stored (English) label as it is, so it gets the label's message, which zh-Hans translates.
 */
import { TYPE_NAMES } from '../../content-manager/labels';
import { wordLanguage, wordsFor } from '../../content-manager/option-words';
import { storedInterfaceLanguage } from '../interface-language';
import { OptionSelect } from './OptionSelect';

export const INJECT_LIST_VIEW_FILTERS = 'Admin/CM/pages/ListView/inject-in-filters';

interface Filter {
  name: string;
  label?: unknown;
  type?: string;
  input?: unknown;
  options?: { value: string; label?: string }[];
}

/** The list's record type, known to the filter hook only by its display name. */
const uidOf = (layout: { settings?: { displayName?: string } }) =>
  Object.keys(TYPE_NAMES).find((uid) => uid.includes('::') && TYPE_NAMES[uid].en === layout.settings?.displayName);

const labelled = (filter: Filter, uid: string | undefined): Filter =>
  uid && typeof filter.label === 'string' && filter.label !== ''
    ? { ...filter, label: { id: `content-manager.content-types.${uid}.${filter.name}`, defaultMessage: filter.label } }
    : filter;

export const withWordedOptions = ({
  displayedFilters,
  layout,
}: {
  displayedFilters: Filter[];
  layout: { settings?: { displayName?: string } };
}) => {
  const language = wordLanguage(storedInterfaceLanguage());
  const uid = uidOf(layout);
  return {
    displayedFilters: displayedFilters.map((named) => {
      const filter = labelled(named, uid);
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
