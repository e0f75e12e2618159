/**
 * How long the server asks us to wait before trying again, read from its headers:
 * `retry-after-ms`, `retry-after` (seconds or an HTTP date) and, on 429, OpenAI's
 * `x-ratelimit-reset-requests` / `x-ratelimit-reset-tokens` durations (`1s`, `6m59s`, `20ms`).
 */

/** Lower-cased response headers. */
export type HeaderMap = Readonly<Record<string, string | undefined>>;

/**
 * The delay the server asked for in milliseconds, or undefined when it asked for none
 * (or said something unreadable). Precedence: retry-after-ms, retry-after, rate-limit resets.
 */
export function serverRetryDelayMs(status: number, headers: HeaderMap, now: number): number | undefined {
  const ms = parseNumber(headers["retry-after-ms"]);
  if (ms !== undefined) return ms;
  const after = parseRetryAfter(headers["retry-after"], now);
  if (after !== undefined) return after;
  if (status === 429) return rateLimitResetMs(headers);
  return undefined;
}

/** `retry-after`: delta-seconds (`1`, `0.5`) or an HTTP date; a date in the past means 0. */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (value === undefined) return undefined;
  const seconds = parseNumber(value);
  if (seconds !== undefined) return seconds * 1000;
  // An HTTP date names its day and month ("Tue, 02 Jan 2024 03:04:08 GMT"); "-1" is not one.
  if (!/[a-z]{3}/i.test(value)) return undefined;
  const date = Date.parse(value);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/**
 * On a 429, the reset time of the limit that ran out: requests or tokens. When the
 * `x-ratelimit-remaining-*` headers do not say which, the longer of the two.
 */
export function rateLimitResetMs(headers: HeaderMap): number | undefined {
  const requests = parseDuration(headers["x-ratelimit-reset-requests"]);
  const tokens = parseDuration(headers["x-ratelimit-reset-tokens"]);
  const requestsOut = headers["x-ratelimit-remaining-requests"]?.trim() === "0";
  const tokensOut = headers["x-ratelimit-remaining-tokens"]?.trim() === "0";
  if (requestsOut && !tokensOut && requests !== undefined) return requests;
  if (tokensOut && !requestsOut && tokens !== undefined) return tokens;
  if (requests === undefined) return tokens;
  if (tokens === undefined) return requests;
  return Math.max(requests, tokens);
}

const UNIT_MS: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** Go-style durations as OpenAI sends them: `20ms`, `1s`, `0.5s`, `6m59s`, `1h2m3.5s`. */
export function parseDuration(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (!/^(\d+(\.\d+)?(ms|s|m|h|d))+$/.test(text)) return undefined;
  let total = 0;
  for (const [, amount, , unit] of text.matchAll(/(\d+(\.\d+)?)(ms|s|m|h|d)/g)) total += Number(amount) * UNIT_MS[unit];
  return total;
}

function parseNumber(value: string | undefined): number | undefined {
  if (value === undefined || !/^\s*\d+(\.\d+)?\s*$/.test(value)) return undefined;
  return Number(value);
}
