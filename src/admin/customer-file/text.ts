/**
 * The customer file's words in the admin user's language (./translations.ts), our enumerations'
 * values as words (src/content-manager/option-words.ts), money and dates in the one format (../display.ts).
 */
import * as React from 'react';
import { useIntl } from 'react-intl';
import { display } from '../display';
import { optionWord, wordLanguage } from '../../content-manager/option-words';
import { FILE_PREFIX, fileEn, FileMessageKey } from './translations';

type Values = Record<string, string | number>;

export const useFileText = () => {
  const { formatMessage, locale } = useIntl();
  return React.useMemo(() => {
    const t = (key: FileMessageKey, values?: Values) => formatMessage({ id: `${FILE_PREFIX}${key}`, defaultMessage: fileEn[key] }, values);
    return {
      t,
      /** A value of one of our enumerations (src/content-manager/option-words.ts), as a word. */
      option: (uid: string, field: string, value: string | null | undefined) => optionWord(uid, field, value, wordLanguage(locale)),
      /** A label the server gives in both languages (the aging's buckets). */
      both: (label: { en: string; zh: string }) => (locale.startsWith('zh') ? label.zh : label.en),
      money: (amount: string | null | undefined, currency?: string) => display.money(amount, currency),
      day: display.date,
      dateTime: display.dateTime,
      percent: (value: number | null | undefined) => (value === null || value === undefined ? '—' : `${Math.round(value)} %`),
    };
  }, [formatMessage, locale]);
};

export type FileText = ReturnType<typeof useFileText>;
