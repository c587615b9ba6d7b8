/** documentIds for rows our own code writes without the Document Service (bulk data, the outbox), and order line keys. */
import crypto from 'crypto';

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
const ALPHANUMERIC = `${LETTERS}0123456789`;
/**
 * A 24-character documentId of the kind Strapi generates (cuid2): lower-case letters and digits,
 * starting with a letter. The letter matters: Strapi reads a relation value that starts with a
 * digit as a numeric row id.
 */
export const newDocumentId = (): string => {
  const bytes = crypto.randomBytes(24);
  return Array.from(bytes, (byte, i) => (i === 0 ? LETTERS[byte % 26] : ALPHANUMERIC[byte % 36])).join('');
};

/**
 * The key an order line is named by in allocations and shipments: made once by the server for
 * every line, hand-made or demo, and never changed.
 */
export const newLineKey = (): string => newDocumentId().slice(0, 12);
