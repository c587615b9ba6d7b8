/**
 * The customer file's words in the admin user's language (./translations.ts), codes named as words,
 * and one way to show money (grouped, two places, then the currency) and dates.
 */
import * as React from 'react';
import { useIntl } from 'react-intl';
import { groupedMoney } from '../../domain/money';
import { CodeKey, FILE_PREFIX, fileEn, FileMessageKey } from './translations';

type Values = Record<string, string | number>;

export const useFileText = () => {
  const { formatMessage, formatDate, formatTime, locale } = useIntl();
  return React.useMemo(() => {
    const t = (key: FileMessageKey, values?: Values) => formatMessage({ id: `${FILE_PREFIX}${key}`, defaultMessage: fileEn[key] }, values);
    /** A code the server answered with, as a word; one this build does not know stays as it is. */
    const code = (group: string, value: string | null | undefined) => {
      if (value === null || value === undefined || value === '') return '—';
      const key = `${group}.${value}`;
      return key in fileEn ? formatMessage({ id: `${FILE_PREFIX}${key}`, defaultMessage: fileEn[key as CodeKey] }) : value;
    };
    return {
      t,
      code,
      /** A label the server gives in both languages (the aging's buckets). */
      both: (label: { en: string; zh: string }) => (locale.startsWith('zh') ? label.zh : label.en),
      money: (amount: string | null | undefined, currency?: string) =>
        amount === null || amount === undefined ? '—' : `${groupedMoney(amount)}${currency ? ` ${currency}` : ''}`,
      day: (iso: string | null | undefined) => (iso ? iso.slice(0, 10) : '—'),
      dateTime: (iso: string | null | undefined) => (iso ? `${formatDate(iso)} ${formatTime(iso)}` : '—'),
      percent: (value: number | null | undefined) => (value === null || value === undefined ? '—' : `${Math.round(value)} %`),
    };
  }, [formatMessage, formatDate, formatTime, locale]);
};

export type FileText = ReturnType<typeof useFileText>;
