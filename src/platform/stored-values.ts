/** Column values as plain SQL reads them, which differ by database where the Query Engine would convert them. */

/** A JSON column's value: an object from PostgreSQL's jsonb, the text on SQLite. */
export const storedJson = <T>(value: string | T | null | undefined): T | null =>
  typeof value === 'string' ? (JSON.parse(value) as T) : (value ?? null);

/** A datetime column's value (epoch milliseconds on SQLite, a Date on PostgreSQL) as an ISO instant. */
export const instant = (value: unknown): string | null =>
  value === null || value === undefined ? null : new Date(value as string | number | Date).toISOString();
