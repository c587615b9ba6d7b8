/**
 * What a specialist on the phone can find a customer by: its code, name and short name, and each
 * contact's name, e-mail and phone. The server keeps them in one lowercased text column of the
 * customer (`searchText`), because the content manager's list search (`_q`) and REST filters look
 * into the customer's own columns only, not into its contacts (a repeatable component).
 *
 * Those searches are plain substring matches (`LIKE '%…%'`), so a phone is kept twice, as typed and
 * as its digits only ("0772-123 4567" and "07721234567"), and a term that looks like a phone number
 * (digits with spaces, dashes, dots, brackets or a plus) is searched by its digits only
 * (`searchTermOf`): "0772 1234", "0772-1234" and "07721234" then all find "0772-123 4567", and the
 * last digits of a number find it too. A code's digits are kept likewise, so "2024-001" still finds
 * the code "SH-2024-001".
 */

export interface SearchedContact {
  name?: string | null;
  phone?: string | null;
  email?: string | null;
}

export interface SearchedCustomer {
  code?: string | null;
  name?: string | null;
  shortName?: string | null;
  contacts?: readonly SearchedContact[] | null;
}

/** Between the values: a character no search term contains, so no match spans two values. */
const SEPARATOR = '\n';

const digitsOf = (value: string) => value.replace(/\D/g, '');

/** The value as typed and, when it has separators between digits ("0772-123 4567", not "C-000123"), its digits only. */
const withDigits = (value: string | null | undefined): string[] => {
  const typed = value?.trim() ?? '';
  const digits = digitsOf(typed);
  return digits && !typed.includes(digits) ? [typed, digits] : [typed];
};

/** The text a customer is searched by: its values lowercased, one per line, each once. */
export const customerSearchText = (customer: SearchedCustomer): string => {
  const values = [
    ...withDigits(customer.code),
    customer.name,
    customer.shortName,
    ...(customer.contacts ?? []).flatMap((contact) => [contact.name, contact.email, ...withDigits(contact.phone)]),
  ];
  const kept = values.map((value) => (value ?? '').trim().toLowerCase()).filter((value) => value !== '');
  return [...new Set(kept)].join(SEPARATOR);
};

/** A term of digits with phone separators only (at least three digits): "0772-123 4567", "(0772) 1234", "+86 772". */
const PHONE_LIKE = /^[\d\s\-+()./]+$/;

/**
 * The term to look for in `searchText`: lowercased and trimmed; a phone-like term by its digits only,
 * since the digits-only form of every phone is kept.
 */
export const searchTermOf = (term: string): string => {
  const trimmed = term.trim().toLowerCase();
  const digits = digitsOf(trimmed);
  return PHONE_LIKE.test(trimmed) && digits.length >= 3 ? digits : trimmed;
};
