/** One-line renderings (src/internal/text.ts): given text or a status, want what errors and logs show. */
import { oneLine, reasonPhrase } from "../../src/internal/text";
import type { Row } from "../support/table";

describe("oneLine", () => {
  const rows: Row<{ text: string; max?: number }, string>[] = [
    ["whitespace runs become one space", { given: { text: "a\n  b\tc\r\nd" }, want: "a b c d" }],
    ["ends are trimmed", { given: { text: "  x  " }, want: "x" }],
    ["the empty string", { given: { text: "" }, want: "" }],
    ["exactly 120 characters stay whole", { given: { text: "y".repeat(120) }, want: "y".repeat(120) }],
    [
      "121 characters are cut to 120 with an ellipsis",
      {
        given: { text: "y".repeat(121) },
        want: `${"y".repeat(119)}…`,
      },
    ],
    ["a shorter limit", { given: { text: "abcdefgh", max: 5 }, want: "abcd…" }],
    ["the limit counts after collapsing", { given: { text: "a    b", max: 3 }, want: "a b" }],
  ];
  test.each(rows)("%s", (_, { given, want }) => expect(oneLine(given.text, given.max)).toBe(want));
});

describe("reasonPhrase", () => {
  const rows: Row<{ status: number; serverText?: string }, string>[] = [
    ["a standard status", { given: { status: 404 }, want: "Not Found" }],
    [
      "the standard phrase wins over the server's",
      {
        given: { status: 429, serverText: "Slow down" },
        want: "Too Many Requests",
      },
    ],
    [
      "an unlisted status: the server's text",
      {
        given: { status: 418, serverText: "I'm a teapot" },
        want: "I'm a teapot",
      },
    ],
    [
      "the server's text on one line",
      {
        given: { status: 599, serverText: "Custom\n  reason" },
        want: "Custom reason",
      },
    ],
    [
      "the server's text cut to 60",
      {
        given: { status: 599, serverText: "z".repeat(70) },
        want: `${"z".repeat(59)}…`,
      },
    ],
    ["an unlisted status and no text", { given: { status: 418 }, want: "" }],
  ];
  test.each(rows)("%s", (_, { given, want }) => expect(reasonPhrase(given.status, given.serverText)).toBe(want));
});
