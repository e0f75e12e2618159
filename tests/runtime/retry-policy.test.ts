/** The retry policy's pure parts: header parsing, backoff, which responses are retried. */
import { parseDuration, parseRetryAfter, rateLimitResetMs, serverRetryDelayMs } from "../../src/internal/retry-after";
import { backoffMs, isRetryableResponse, resolveRetries, retryDelayMs } from "../../src/internal/retries";

const NOW = Date.parse("2024-01-02T03:04:05Z");
const config = resolveRetries({ maxRetries: 2, initialDelayMs: 500, maxDelayMs: 8000 });

test.each([
  ["20ms", 20],
  ["1s", 1000],
  ["0.5s", 500],
  ["6m59s", 419_000],
  ["1h2m3.5s", 3_723_500],
  ["", undefined],
  ["soon", undefined],
  ["5", undefined],
  ["1s junk", undefined],
])("parseDuration(%j) = %p", (text, ms) => {
  expect(parseDuration(text)).toBe(ms);
});

test("retry-after: seconds, fractions, HTTP dates (past dates mean now), garbage", () => {
  expect(parseRetryAfter("1", NOW)).toBe(1000);
  expect(parseRetryAfter("0.25", NOW)).toBe(250);
  expect(parseRetryAfter(new Date(NOW + 7000).toUTCString(), NOW)).toBe(7000);
  expect(parseRetryAfter(new Date(NOW - 7000).toUTCString(), NOW)).toBe(0);
  expect(parseRetryAfter("-1", NOW)).toBeUndefined();
  expect(parseRetryAfter("later", NOW)).toBeUndefined();
});

test("precedence: retry-after-ms, then retry-after, then (429 only) x-ratelimit-reset-*", () => {
  expect(
    serverRetryDelayMs(429, { "retry-after-ms": "120", "retry-after": "3", "x-ratelimit-reset-requests": "9s" }, NOW),
  ).toBe(120);
  expect(serverRetryDelayMs(429, { "retry-after": "3", "x-ratelimit-reset-requests": "9s" }, NOW)).toBe(3000);
  expect(serverRetryDelayMs(429, { "x-ratelimit-reset-requests": "9s" }, NOW)).toBe(9000);
  expect(serverRetryDelayMs(503, { "x-ratelimit-reset-requests": "9s" }, NOW)).toBeUndefined();
  expect(rateLimitResetMs({ "x-ratelimit-reset-requests": "2s", "x-ratelimit-reset-tokens": "6m0s" })).toBe(360_000);
  expect(
    rateLimitResetMs({
      "x-ratelimit-reset-requests": "2s",
      "x-ratelimit-reset-tokens": "6m0s",
      "x-ratelimit-remaining-requests": "0",
    }),
  ).toBe(2000);
});

test("backoff: 500 ms doubling to 8 s, minus up to 25% jitter", () => {
  expect([0, 1, 2, 3, 4, 5].map((n) => backoffMs(n, config, 0))).toEqual([500, 1000, 2000, 4000, 8000, 8000]);
  expect([0, 1, 2, 3, 4, 5].map((n) => backoffMs(n, config, 1))).toEqual([375, 750, 1500, 3000, 6000, 6000]);
});

test("a server wait above maxRetryAfterMs (60 s) or a negative one falls back to backoff", () => {
  expect(retryDelayMs(0, config, { status: 429, headers: { "retry-after": "61" } }, NOW, 0)).toBe(500);
  expect(retryDelayMs(0, config, { status: 429, headers: { "retry-after": "60" } }, NOW, 0)).toBe(60_000);
  expect(
    retryDelayMs(
      1,
      resolveRetries(config, { maxRetryAfterMs: 120_000 }),
      { status: 429, headers: { "retry-after": "61" } },
      NOW,
      0,
    ),
  ).toBe(61_000);
});

test("which statuses are retried", () => {
  const retried = [400, 401, 403, 404, 408, 409, 422, 429, 500, 502, 503, 504].filter((s) =>
    isRetryableResponse(s, {}, undefined),
  );
  expect(retried).toEqual([408, 409, 429, 500, 502, 503, 504]);
  expect(isRetryableResponse(429, {}, "insufficient_quota")).toBe(false);
  expect(isRetryableResponse(429, { "x-should-retry": "true" }, "insufficient_quota")).toBe(true);
  expect(isRetryableResponse(503, { "x-should-retry": "false" }, undefined)).toBe(false);
  expect(isRetryableResponse(404, { "x-should-retry": "TRUE" }, undefined)).toBe(true);
});

test("settings merge: client over defaults, call over client; false means no retries", () => {
  expect(resolveRetries(config, { maxRetries: 5 }, { initialDelayMs: 10 })).toEqual({
    maxRetries: 5,
    initialDelayMs: 10,
    maxDelayMs: 8000,
    maxRetryAfterMs: 60_000,
  });
  expect(resolveRetries(config, false).maxRetries).toBe(0);
  expect(resolveRetries(config, false, { maxRetries: 3 }).maxRetries).toBe(3);
  expect(resolveRetries(config, { maxRetries: undefined }).maxRetries).toBe(2);
});
