/**
 * Files the server sends to the admin panel (XLSX exports, the contract ledger, delivery notes):
 * fetched through Strapi's fetch client with the admin's token, and handed to the browser as a
 * download under the name the server gives.
 */
import type { FetchClient } from '@strapi/strapi/admin';

/** A file the server sends; an error answer is read as JSON for its message (a blob request loses it otherwise). */
export const fetchFile = async (client: FetchClient, url: string, fallbackName: string): Promise<{ file: Blob; fileName: string }> => {
  const answer = await client.get(url, { responseType: 'blob', validateStatus: () => true });
  const status = answer.status ?? 200;
  if (status >= 400) {
    const text = await answer.data.text();
    let message = `HTTP ${status}`;
    try {
      message = JSON.parse(text)?.error?.message ?? message;
    } catch {
      // not JSON (a proxy's error page): the status is all we know
    }
    throw Object.assign(new Error(message), { status });
  }
  const disposition = answer.headers?.get('Content-Disposition') ?? '';
  const fileName = /filename="([^"]+)"/.exec(disposition)?.[1] ?? fallbackName;
  return { file: answer.data, fileName };
};

/** Saves the file through a temporary link, as the browser's own download. */
export const saveFile = (file: Blob, fileName: string) => {
  const url = URL.createObjectURL(file);
  const link = Object.assign(document.createElement('a'), { href: url, download: fileName });
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Revoked later: some browsers read the URL only after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
};
