/** The retry policy (src/internal/retries.ts): given a response or settings, want the decision or the delay. */
import {
  backoffMs,
  isRetryableResponse,
  resolveRetries,
  retryDelayMs,
  type RetryConfig,
  type RetrySetting,
} from "../../src/internal/retries";
import type { HeaderMap } from "../../src/internal/retry-after";
import type { Row } from "../support/table";

const DEFAULTS: RetryConfig = { maxRetries: 2, initialDelayMs: 500, maxDelayMs: 8000 };
const NOW = Date.parse("2024-01-02T03:04:05Z");
/** The resolved defaults with some fields changed. */
const resolved = (changed: Partial<RetryConfig> = {}) => ({ ...DEFAULTS, maxRetryAfterMs: 60_000, ...changed });

describe("isRetryableResponse", () => {
  const rows: Row<{ status: number; headers?: HeaderMap; errorType?: string }, boolean>[] = [
    ["500", { given: { status: 500 }, want: true }],
    ["599", { given: { status: 599 }, want: true }],
    ["408 Request Timeout", { given: { status: 408 }, want: true }],
    ["409 Conflict", { given: { status: 409 }, want: true }],
    ["429 rate limited", { given: { status: 429, errorType: "requests" }, want: true }],
    ["429 out of quota", { given: { status: 429, errorType: "insufficient_quota" }, want: false }],
    ["400", { given: { status: 400 }, want: false }],
    ["404", { given: { status: 404 }, want: false }],
    ["499", { given: { status: 499 }, want: false }],
    ["x-should-retry: true on a 400", { given: { status: 400, headers: { "x-should-retry": "true" } }, want: true }],
    ["x-should-retry: false on a 500", { given: { status: 500, headers: { "x-should-retry": "false" } }, want: false }],
    [
      "x-should-retry read case- and space-insensitively",
      {
        given: { status: 400, headers: { "x-should-retry": " TRUE " } },
        want: true,
      },
    ],
    [
      "x-should-retry: true beats out of quota",
      {
        given: { status: 429, headers: { "x-should-retry": "true" }, errorType: "insufficient_quota" },
        want: true,
      },
    ],
    [
      "another x-should-retry value is ignored",
      {
        given: { status: 500, headers: { "x-should-retry": "maybe" } },
        want: true,
      },
    ],
  ];
  test.each(rows)("%s", (_, { given, want }) => {
    expect(isRetryableResponse(given.status, given.headers ?? {}, given.errorType)).toBe(want);
  });
});

describe("resolveRetries (defaults: 2 retries, 500 ms doubling to 8 s)", () => {
  const rows: Row<(RetrySetting | undefined)[], Required<RetryConfig>>[] = [
    [
      "no settings: the defaults and a 60 s cap on asked waits",
      {
        given: [],
        want: { maxRetries: 2, initialDelayMs: 500, maxDelayMs: 8000, maxRetryAfterMs: 60_000 },
      },
    ],
    [
      "false: no retries",
      {
        given: [false],
        want: resolved({ maxRetries: 0 }),
      },
    ],
    [
      "a partial setting",
      {
        given: [{ maxRetries: 5 }],
        want: resolved({ maxRetries: 5 }),
      },
    ],
    [
      "undefined fields keep what was there",
      {
        given: [{ maxRetries: undefined, maxDelayMs: 1000 }],
        want: resolved({ maxDelayMs: 1000 }),
      },
    ],
    [
      "the call's setting over the client's",
      {
        given: [{ maxRetries: 5 }, { maxRetries: 1 }],
        want: resolved({ maxRetries: 1 }),
      },
    ],
    [
      "a call can turn them back on after the client's false",
      {
        given: [false, { maxRetries: 3 }],
        want: resolved({ maxRetries: 3 }),
      },
    ],
    [
      "fractions are floored",
      {
        given: [{ maxRetries: 2.7 }],
        want: { maxRetries: 2, initialDelayMs: 500, maxDelayMs: 8000, maxRetryAfterMs: 60_000 },
      },
    ],
    [
      "negatives become 0",
      {
        given: [{ maxRetries: -1 }],
        want: resolved({ maxRetries: 0 }),
      },
    ],
  ];
  test.each(rows)("%s", (_, { given, want }) => expect(resolveRetries(DEFAULTS, ...given)).toEqual(want));
});

describe("backoffMs (500 ms doubling to 8 s)", () => {
  const rows: Row<{ retry: number; random: number }, number>[] = [
    ["first retry, no jitter", { given: { retry: 0, random: 0 }, want: 500 }],
    ["second retry", { given: { retry: 1, random: 0 }, want: 1000 }],
    ["capped at 8 s", { given: { retry: 4, random: 0 }, want: 8000 }],
    ["still capped", { given: { retry: 9, random: 0 }, want: 8000 }],
    ["half the jitter: 12.5% off", { given: { retry: 1, random: 0.5 }, want: 875 }],
    ["nearly all the jitter: 25% off, rounded", { given: { retry: 0, random: 0.999 }, want: 375 }],
  ];
  test.each(rows)("%s", (_, { given, want }) => expect(backoffMs(given.retry, DEFAULTS, given.random)).toBe(want));
});

describe("retryDelayMs (first retry, no jitter)", () => {
  const config = resolveRetries(DEFAULTS);
  const rows: Row<{ status: number; headers: HeaderMap } | undefined, number>[] = [
    ["no response (a connection error): the backoff", { given: undefined, want: 500 }],
    ["a response asking nothing: the backoff", { given: { status: 500, headers: {} }, want: 500 }],
    ["the server's wait", { given: { status: 503, headers: { "retry-after": "3" } }, want: 3000 }],
    [
      "the server's wait rounded up to whole ms",
      {
        given: { status: 503, headers: { "retry-after-ms": "0.4" } },
        want: 1,
      },
    ],
    ["a wait of 0 is honoured", { given: { status: 503, headers: { "retry-after": "0" } }, want: 0 }],
    ["exactly the 60 s cap is honoured", { given: { status: 503, headers: { "retry-after": "60" } }, want: 60_000 }],
    ["over the cap: the backoff instead", { given: { status: 503, headers: { "retry-after": "61" } }, want: 500 }],
  ];
  test.each(rows)("%s", (_, { given, want }) => expect(retryDelayMs(0, config, given, NOW, 0)).toBe(want));
});
