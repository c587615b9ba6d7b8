/**
 * The interface language outside React (layout and list hooks, which run without the intl
 * context): the admin keeps the language a user picks in local storage under this key, and reads
 * it from there at start. Components use react-intl's `locale` instead.
 */
const LANGUAGE_KEY = 'strapi-admin-language';

export const storedInterfaceLanguage = (): string => window.localStorage.getItem(LANGUAGE_KEY) ?? 'en';
