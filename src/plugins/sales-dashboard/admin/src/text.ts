/**
 * The dashboard's words and numbers in the admin user's language: our messages (./translations.ts),
 * money (the API's exact decimal strings, shown with two decimals), quantities and shares.
 */
import * as React from 'react';
import { useIntl } from 'react-intl';
import { en, MessageKey, messageId } from './translations';

type Values = Record<string, string | number>;

export const useDashboardText = () => {
  const { formatMessage, formatNumber, formatDate } = useIntl();
  return React.useMemo(() => {
    const t = (key: MessageKey, values?: Values) => formatMessage({ id: messageId(key), defaultMessage: en[key] }, values);
    /** A key this build may not know (a newer server's bucket): the server's own label. */
    const known = (key: string, fallback: string) => (key in en ? t(key as MessageKey) : fallback);
    return {
      t,
      known,
      // Display only: the decimal string is exact, a double shows it to the cent up to 10^13.
      money: (amount: string | null | undefined) =>
        amount == null ? '–' : formatNumber(Number(amount), { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
      quantity: (quantity: number) => formatNumber(quantity),
      percent: (fraction: string | null | undefined) =>
        fraction == null ? '–' : formatNumber(Number(fraction), { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }),
      date: (isoDate: string) => formatDate(`${isoDate}T00:00:00`),
    };
  }, [formatMessage, formatNumber, formatDate]);
};

export type DashboardText = ReturnType<typeof useDashboardText>;
