/**
 * The retry policy: which failures are tried again, how many times, and how long to wait.
 * Retried: connection errors, timeouts, 408, 409, 429 and 5xx; never a 429 whose error type
 * is `insufficient_quota`; `x-should-retry: true|false` from the server overrides both.
 */
import { type HeaderMap, serverRetryDelayMs } from "./retry-after";

/** When and how often failed requests are tried again. */
export interface RetryConfig {
  /** Retries after the first attempt (2 means at most 3 requests). */
  readonly maxRetries: number;
  /** Backoff before the first retry; it doubles each time, with up to 25% jitter taken off. */
  readonly initialDelayMs: number;
  /** Upper bound for the computed backoff. */
  readonly maxDelayMs: number;
  /**
   * A wait the server asks for (`retry-after`, `retry-after-ms`, `x-ratelimit-reset-*`) is
   * honoured when it is at most this long; a longer one falls back to the backoff. Default 60 000.
   */
  readonly maxRetryAfterMs?: number;
}

/** What a client or a call may say about retries: a partial policy, or `false` for none. */
export type RetrySetting = Partial<RetryConfig> | false;

export const DEFAULT_MAX_RETRY_AFTER_MS = 60_000;

/** Applies client and call settings, in that order, over the generated defaults. */
export function resolveRetries(
  defaults: RetryConfig,
  ...settings: (RetrySetting | undefined)[]
): Required<RetryConfig> {
  let config: Required<RetryConfig> = { maxRetryAfterMs: DEFAULT_MAX_RETRY_AFTER_MS, ...defaults };
  for (const setting of settings) {
    if (setting === undefined) continue;
    config = setting === false ? { ...config, maxRetries: 0 } : { ...config, ...definedOnly(setting) };
  }
  return { ...config, maxRetries: Math.max(0, Math.floor(config.maxRetries)) };
}

/** Should a response with this status be tried again? (Attempts left are checked by the caller.) */
export function isRetryableResponse(status: number, headers: HeaderMap, errorType: string | undefined): boolean {
  const override = headers["x-should-retry"]?.trim().toLowerCase();
  if (override === "true") return true;
  if (override === "false") return false;
  if (status === 429 && errorType === "insufficient_quota") return false;
  return status === 408 || status === 409 || status === 429 || status >= 500;
}

/**
 * Milliseconds to wait before retry number `retry` (0 for the first retry): the server's
 * requested delay when it gave a reasonable one, otherwise exponential backoff with jitter.
 */
export function retryDelayMs(
  retry: number,
  config: Required<RetryConfig>,
  response: { status: number; headers: HeaderMap } | undefined,
  now: number,
  random: number,
): number {
  if (response) {
    const asked = serverRetryDelayMs(response.status, response.headers, now);
    if (asked !== undefined && asked >= 0 && asked <= config.maxRetryAfterMs) return Math.ceil(asked);
  }
  return backoffMs(retry, config, random);
}

/** initialDelayMs · 2^retry, capped at maxDelayMs, minus up to 25% jitter. */
export function backoffMs(retry: number, config: RetryConfig, random: number): number {
  const base = Math.min(config.initialDelayMs * Math.pow(2, retry), config.maxDelayMs);
  return Math.round(base * (1 - 0.25 * random));
}

function definedOnly<T extends object>(value: T): Partial<T> {
  const out: Partial<T> = {};
  for (const key of Object.keys(value) as (keyof T)[]) if (value[key] !== undefined) out[key] = value[key];
  return out;
}
