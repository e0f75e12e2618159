/** Keeping secrets out of output (src/internal/redact.ts): given headers or text, want what may be shown. */
import { redactHeaders, Scrubber } from "../../src/internal/redact";
import type { Row } from "../support/table";

const SECRET = "sk-secret-1234567890";

describe("redactHeaders", () => {
  const rows: Row<{ headers: Record<string, unknown>; extra?: string[] }, Record<string, string>>[] = [
    [
      "credential headers show as ***, names lower-cased",
      {
        given: { headers: { Authorization: `Bearer ${SECRET}`, "Content-Type": "application/json" } },
        want: { authorization: "***", "content-type": "application/json" },
      },
    ],
    [
      "every standard credential header",
      {
        given: {
          headers: {
            "proxy-authorization": "p",
            "api-key": "k",
            "X-API-Key": "x",
            cookie: "c",
            "set-cookie": ["a", "b"],
          },
        },
        want: {
          "proxy-authorization": "***",
          "api-key": "***",
          "x-api-key": "***",
          cookie: "***",
          "set-cookie": "***",
        },
      },
    ],
    [
      "an API's own key header, named by the caller in any case",
      {
        given: { headers: { "openai-organization": "org-1", accept: "*/*" }, extra: ["OpenAI-Organization"] },
        want: { "openai-organization": "***", accept: "*/*" },
      },
    ],
    ["a list value joined", { given: { headers: { accept: ["a", "b"] } }, want: { accept: "a, b" } }],
    [
      "undefined, null and false are left out; 0 is shown",
      {
        given: { headers: { a: undefined, b: null, c: false, d: 0 } },
        want: { d: "0" },
      },
    ],
  ];
  test.each(rows)("%s", (_, { given, want }) => {
    expect(redactHeaders(given.headers, given.extra)).toEqual(want);
  });
});

describe("Scrubber.text", () => {
  const rows: Row<{ secrets: (string | undefined)[]; text: string }, string>[] = [
    ["the secret itself", { given: { secrets: [SECRET], text: `key ${SECRET} here` }, want: "key *** here" }],
    ["every occurrence", { given: { secrets: [SECRET], text: `${SECRET}/${SECRET}` }, want: "***/***" }],
    ["its URL-encoded form", { given: { secrets: ["a b/c+d"], text: "?key=a%20b%2Fc%2Bd" }, want: "?key=***" }],
    [
      "its base64 form (basic auth)",
      {
        given: { secrets: ["user:pass"], text: "Basic dXNlcjpwYXNz" },
        want: "Basic ***",
      },
    ],
    [
      "a secret containing another is replaced whole",
      {
        given: { secrets: ["sk-1234", "sk-1234-long"], text: "sk-1234-long and sk-1234" },
        want: "*** and ***",
      },
    ],
    ["values under 4 characters are not treated as secrets", { given: { secrets: ["abc"], text: "abc" }, want: "abc" }],
    ["no secrets configured", { given: { secrets: [undefined, ""], text: "plain" }, want: "plain" }],
  ];
  test.each(rows)("%s", (_, { given, want }) => expect(new Scrubber(given.secrets).text(given.text)).toBe(want));
});

describe("Scrubber.value", () => {
  const rows: Row<unknown, unknown>[] = [
    [
      "strings inside objects and arrays",
      {
        given: { error: { message: `bad key ${SECRET}`, tries: [SECRET, 2] }, ok: true },
        want: { error: { message: "bad key ***", tries: ["***", 2] }, ok: true },
      },
    ],
    ["a string", { given: SECRET, want: "***" }],
    ["other scalars as they are", { given: [1, null, false], want: [1, null, false] }],
  ];
  test.each(rows)("%s", (_, { given, want }) => expect(new Scrubber([SECRET]).value(given)).toEqual(want));

  test("a __proto__ key stays an own key of the copy", () => {
    const out = new Scrubber([SECRET]).value(JSON.parse(`{"__proto__":"${SECRET}"}`)) as object;
    expect(Object.getOwnPropertyDescriptor(out, "__proto__")?.value).toBe("***");
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
  });
});
