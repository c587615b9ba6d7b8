/** Where a customer is written to: its primary contact with an e-mail (or the first contact that has one), in its language. */
import { mailLanguage } from '../platform/staff-mailboxes';
import type { Mailbox } from './workflow-service';

export interface CustomerWithContacts {
  preferredLanguage: string;
  contacts: { email: string | null; primary: boolean }[];
}

export const customerMailbox = (customer: CustomerWithContacts | null): Mailbox | null => {
  const contacts = (customer?.contacts ?? []).filter((contact) => contact.email);
  const contact = contacts.find((candidate) => candidate.primary) ?? contacts[0];
  return contact ? { email: contact.email!, language: mailLanguage(customer!.preferredLanguage) } : null;
};
