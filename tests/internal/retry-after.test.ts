/** The server's requested wait (src/internal/retry-after.ts): given response headers, want milliseconds. */
import {
  parseDuration,
  parseRetryAfter,
  rateLimitResetMs,
  serverRetryDelayMs,
  type HeaderMap,
} from "../../src/internal/retry-after";
import type { Row } from "../support/table";

const NOW = Date.parse("2024-01-02T03:04:05Z");
const RESET_REQUESTS = "x-ratelimit-reset-requests";
const RESET_TOKENS = "x-ratelimit-reset-tokens";

describe("parseRetryAfter (now = 2024-01-02T03:04:05Z)", () => {
  const rows: Row<string | undefined, number | undefined>[] = [
    ["whole seconds", { given: "1", want: 1000 }],
    ["fractional seconds", { given: "0.25", want: 250 }],
    ["seconds with spaces around", { given: " 2 ", want: 2000 }],
    ["an HTTP date 7 s ahead", { given: "Tue, 02 Jan 2024 03:04:12 GMT", want: 7000 }],
    ["an HTTP date in the past means now", { given: "Tue, 02 Jan 2024 03:03:00 GMT", want: 0 }],
    ["a negative number is not a delay", { given: "-1", want: undefined }],
    ["an exponent is not delta-seconds", { given: "1e3", want: undefined }],
    ["a word", { given: "later", want: undefined }],
    ["an empty value", { given: "", want: undefined }],
    ["no header", { given: undefined, want: undefined }],
  ];
  test.each(rows)("%s", (_, { given, want }) => expect(parseRetryAfter(given, NOW)).toBe(want));
});

describe("parseDuration", () => {
  const rows: Row<string | undefined, number | undefined>[] = [
    ["milliseconds", { given: "20ms", want: 20 }],
    ["minutes and seconds", { given: "6m59s", want: 419_000 }],
    ["a day", { given: "1d", want: 86_400_000 }],
    ["spaces around", { given: " 2s ", want: 2000 }],
    ["upper-case units are not OpenAI's", { given: "2S", want: undefined }],
    ["a bare number has no unit", { given: "5", want: undefined }],
    ["no header", { given: undefined, want: undefined }],
  ];
  test.each(rows)("%s", (_, { given, want }) => expect(parseDuration(given)).toBe(want));
});

describe("rateLimitResetMs", () => {
  const rows: Row<HeaderMap, number | undefined>[] = [
    [
      "both resets, nothing says which ran out: the longer",
      {
        given: { [RESET_REQUESTS]: "2s", [RESET_TOKENS]: "6m0s" },
        want: 360_000,
      },
    ],
    [
      "requests ran out: its reset",
      {
        given: { [RESET_REQUESTS]: "2s", [RESET_TOKENS]: "6m0s", "x-ratelimit-remaining-requests": "0" },
        want: 2000,
      },
    ],
    [
      "tokens ran out: its reset",
      {
        given: { [RESET_REQUESTS]: "9s", [RESET_TOKENS]: "3s", "x-ratelimit-remaining-tokens": "0" },
        want: 3000,
      },
    ],
    [
      "both ran out: the longer",
      {
        given: {
          [RESET_REQUESTS]: "9s",
          [RESET_TOKENS]: "3s",
          "x-ratelimit-remaining-requests": "0",
          "x-ratelimit-remaining-tokens": "0",
        },
        want: 9000,
      },
    ],
    [
      "the one that ran out has no reset: the other's",
      {
        given: { "x-ratelimit-remaining-requests": "0", [RESET_TOKENS]: "5s" },
        want: 5000,
      },
    ],
    ["only a tokens reset", { given: { [RESET_TOKENS]: "1s" }, want: 1000 }],
    ["unreadable resets", { given: { [RESET_REQUESTS]: "soon" }, want: undefined }],
    ["no headers", { given: {}, want: undefined }],
  ];
  test.each(rows)("%s", (_, { given, want }) => expect(rateLimitResetMs(given)).toBe(want));
});

describe("serverRetryDelayMs (now = 2024-01-02T03:04:05Z)", () => {
  const rows: Row<{ status: number; headers: HeaderMap }, number | undefined>[] = [
    [
      "retry-after-ms first",
      {
        given: { status: 503, headers: { "retry-after-ms": "120", "retry-after": "3" } },
        want: 120,
      },
    ],
    [
      "an unreadable retry-after-ms falls back to retry-after",
      {
        given: { status: 503, headers: { "retry-after-ms": "soon", "retry-after": "3" } },
        want: 3000,
      },
    ],
    [
      "rate-limit resets on a 429",
      {
        given: { status: 429, headers: { "x-ratelimit-reset-tokens": "6m0s" } },
        want: 360_000,
      },
    ],
    [
      "rate-limit resets count on a 429 only",
      {
        given: { status: 503, headers: { "x-ratelimit-reset-requests": "9s" } },
        want: undefined,
      },
    ],
    ["no headers", { given: { status: 500, headers: {} }, want: undefined }],
  ];
  test.each(rows)("%s", (_, { given, want }) => {
    expect(serverRetryDelayMs(given.status, given.headers, NOW)).toBe(want);
  });
});
