/**
 * Money and dates in the admin panel: the one format (src/domain/display-format.ts), instants on
 * the clock of the reader's browser (staff sit in the company's time zone).
 */
import { dateText, dateTimeText, moneyText } from '../domain/display-format';

const readerTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

export const display = {
  money: moneyText,
  date: dateText,
  dateTime: (value: string | Date | null | undefined) => dateTimeText(value, readerTimeZone()),
};
