/**
 * What the outbox does after a send attempt: an SMTP 5xx reply is permanent (the server refused the
 * message: retrying cannot help), a 4xx reply or a connection problem is temporary and retried with
 * exponential backoff, up to a maximum number of attempts.
 */

export interface RetryPolicy {
  /** Delay before the second attempt, in ms; doubles each attempt. */
  baseDelayMs: number;
  maxDelayMs: number;
  maxAttempts: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { baseDelayMs: 30_000, maxDelayMs: 3_600_000, maxAttempts: 10 };

export type SendOutcome = { kind: 'sent' } | { kind: 'retry'; delayMs: number; reason: string } | { kind: 'failed'; reason: string };

interface SmtpError {
  message?: string;
  code?: string;
  responseCode?: number;
  response?: string;
}

export const describeSendError = (error: unknown): string => {
  const e = (error ?? {}) as SmtpError;
  const parts = [e.responseCode ? `SMTP ${e.responseCode}` : e.code, e.response ?? e.message].filter(Boolean);
  return (parts.join(': ') || String(error)).slice(0, 2000);
};

/**
 * The outcome of a failed attempt; `attempts` counts this one. `random` in [0, 1) spreads retries
 * of many messages that failed together (±20%).
 */
export const afterFailure = (
  error: unknown,
  attempts: number,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
  random: () => number = Math.random
): SendOutcome => {
  const reason = describeSendError(error);
  const responseCode = (error as SmtpError)?.responseCode;
  if (typeof responseCode === 'number' && responseCode >= 500) return { kind: 'failed', reason };
  if (attempts >= policy.maxAttempts) return { kind: 'failed', reason: `gave up after ${attempts} attempts: ${reason}` };
  const delay = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempts - 1));
  return { kind: 'retry', delayMs: Math.round(delay * (0.8 + 0.4 * random())), reason };
};
