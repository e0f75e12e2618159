/** URL building (src/internal/url.ts): given path segments, query values and base URLs, want the exact text sent. */
import { buildQuery, encodeSegment, joinURL, type QuerySpec } from "../../src/internal/url";
import type { Row } from "../support/table";

describe("encodeSegment", () => {
  const rows: Row<string, string>[] = [
    ["an id stays as it is", { given: "asst_abc123", want: "asst_abc123" }],
    ["a space and a slash", { given: "a b/c", want: "a%20b%2Fc" }],
    ["query and fragment characters", { given: "?#&=", want: "%3F%23%26%3D" }],
    ["non-ASCII as UTF-8", { given: "é", want: "%C3%A9" }],
    ["a dot inside a segment stays", { given: "a.b", want: "a.b" }],
    ["a dot-dot prefix stays when the segment has more", { given: "../x", want: "..%2Fx" }],
    ["a lone dot is encoded", { given: ".", want: "%2E" }],
    ["a dot-dot segment is encoded", { given: "..", want: "%2E%2E" }],
    ["any run of dots alone is encoded", { given: "...", want: "%2E%2E%2E" }],
    ["the empty string", { given: "", want: "" }],
  ];
  test.each(rows)("%s", (_, { given, want }) => expect(encodeSegment(given)).toBe(want));
});

describe("buildQuery", () => {
  const name = (n: string, explode?: boolean): QuerySpec => {
    return explode === undefined ? { name: n } : { name: n, explode };
  };
  const since = new Date(Date.UTC(2024, 0, 2, 3, 4, 5));
  const rows: Row<{ specs?: QuerySpec[]; values?: Record<string, unknown> }, string>[] = [
    ["no parameters declared: no `?`", { given: { values: { limit: 5 } }, want: "" }],
    ["no values: no `?`", { given: { specs: [name("limit")] }, want: "" }],
    [
      "undefined and null are left out",
      {
        given: { specs: [name("a"), name("b")], values: { a: undefined, b: null } },
        want: "",
      },
    ],
    ["one number", { given: { specs: [name("limit")], values: { limit: 5 } }, want: "?limit=5" }],
    [
      "the declared order, not the values' order",
      {
        given: { specs: [name("a"), name("b")], values: { b: 2, a: 1 } },
        want: "?a=1&b=2",
      },
    ],
    [
      "false and 0 are values",
      {
        given: { specs: [name("f"), name("n")], values: { f: false, n: 0 } },
        want: "?f=false&n=0",
      },
    ],
    ["an empty string is a value", { given: { specs: [name("q")], values: { q: "" } }, want: "?q=" }],
    [
      "names and values are percent-encoded",
      {
        given: { specs: [name("a b")], values: { "a b": "c&d=e" } },
        want: "?a%20b=c%26d%3De",
      },
    ],
    [
      "dates in an array as ISO 8601",
      {
        given: { specs: [name("at")], values: { at: [since] } },
        want: "?at=2024-01-02T03%3A04%3A05.000Z",
      },
    ],
    [
      "an array, exploded (the default)",
      {
        given: { specs: [name("id")], values: { id: ["a", "b"] } },
        want: "?id=a&id=b",
      },
    ],
    [
      "an array, not exploded",
      {
        given: { specs: [name("id", false)], values: { id: ["a", "b c"] } },
        want: "?id=a,b%20c",
      },
    ],
    [
      "an object, exploded: one pair per key",
      {
        given: { specs: [name("f")], values: { f: { x: 1, y: "z" } } },
        want: "?x=1&y=z",
      },
    ],
    [
      "an object, not exploded",
      {
        given: { specs: [name("f", false)], values: { f: { x: 1, y: "z" } } },
        want: "?f=x,1,y,z",
      },
    ],
    [
      "an object's null entries are left out",
      {
        given: { specs: [name("f")], values: { f: { x: null, y: 2 } } },
        want: "?y=2",
      },
    ],
  ];
  test.each(rows)("%s", (_, { given, want }) => expect(buildQuery(given.specs, given.values)).toBe(want));
});

describe("joinURL", () => {
  const rows: Row<{ base: string; path: string }, string>[] = [
    [
      "base without a slash, path with one",
      {
        given: { base: "https://api.test/v1", path: "/files" },
        want: "https://api.test/v1/files",
      },
    ],
    [
      "base with a slash",
      {
        given: { base: "https://api.test/v1/", path: "/files" },
        want: "https://api.test/v1/files",
      },
    ],
    [
      "several trailing slashes",
      {
        given: { base: "https://api.test/v1//", path: "files" },
        want: "https://api.test/v1/files",
      },
    ],
    ["neither has one", { given: { base: "https://api.test", path: "files" }, want: "https://api.test/files" }],
    [
      "a query in the path is kept",
      {
        given: { base: "http://127.0.0.1:8080/v1", path: "/a?b=c" },
        want: "http://127.0.0.1:8080/v1/a?b=c",
      },
    ],
  ];
  test.each(rows)("%s", (_, { given, want }) => expect(joinURL(given.base, given.path)).toBe(want));
});
