/** Following redirects (src/internal/redirects.ts): given a redirect response, want the next request. */
import { redirectedHeaders, redirectHop, type RedirectHop } from "../../src/internal/redirects";
import type { Row } from "../support/table";

const FROM = "http://127.0.0.1:8080/v1/assistants/asst_1";
const HERE = "http://127.0.0.1:8080";

describe("redirectHop (from http://127.0.0.1:8080/v1/assistants/asst_1)", () => {
  type Given = { status: number; location?: string; method: string };
  const redirect = (status: number, location: string | undefined, method: string): Given => {
    return { status, location, method };
  };
  const next = (url: string, method: string, keepsBody: boolean, crossOrigin = false): RedirectHop => ({
    url,
    method,
    keepsBody,
    crossOrigin,
  });
  const rows: Row<Given, RedirectHop | undefined>[] = [
    [
      "301 GET, relative Location",
      {
        given: redirect(301, "asst_2", "GET"),
        want: next(`${HERE}/v1/assistants/asst_2`, "GET", true),
      },
    ],
    [
      "302 POST becomes a GET without a body",
      {
        given: redirect(302, "/v1/x", "POST"),
        want: next(`${HERE}/v1/x`, "GET", false),
      },
    ],
    [
      "301 PUT keeps its method and body",
      {
        given: redirect(301, "/v1/x", "PUT"),
        want: next(`${HERE}/v1/x`, "PUT", true),
      },
    ],
    ["303 POST becomes a GET", { given: redirect(303, "/v1/x", "POST"), want: next(`${HERE}/v1/x`, "GET", false) }],
    ["303 HEAD stays a HEAD", { given: redirect(303, "/v1/x", "HEAD"), want: next(`${HERE}/v1/x`, "HEAD", true) }],
    [
      "307 keeps POST and its body; the method upper-cased",
      {
        given: redirect(307, "/v1/x", "post"),
        want: next(`${HERE}/v1/x`, "POST", true),
      },
    ],
    ["308 keeps DELETE", { given: redirect(308, "/v1/x", "DELETE"), want: next(`${HERE}/v1/x`, "DELETE", true) }],
    [
      "another port is another origin",
      {
        given: redirect(302, "http://127.0.0.1:9090/f", "GET"),
        want: next("http://127.0.0.1:9090/f", "GET", true, true),
      },
    ],
    [
      "another host is another origin",
      {
        given: redirect(302, "http://localhost:8080/f", "GET"),
        want: next("http://localhost:8080/f", "GET", true, true),
      },
    ],
    [
      "https is another origin",
      {
        given: redirect(302, "https://127.0.0.1:8080/f", "GET"),
        want: next("https://127.0.0.1:8080/f", "GET", true, true),
      },
    ],
    ["not a redirect status", { given: redirect(200, "/v1/x", "GET"), want: undefined }],
    ["304 is not followed", { given: redirect(304, "/v1/x", "GET"), want: undefined }],
    ["no Location", { given: redirect(302, undefined, "GET"), want: undefined }],
    ["a scheme other than http(s)", { given: redirect(302, "ftp://example.com/f", "GET"), want: undefined }],
    ["an unparsable Location", { given: redirect(302, "http://[", "GET"), want: undefined }],
  ];
  test.each(rows)("%s", (_, { given, want }) => {
    expect(redirectHop(given.status, given.location, FROM, given.method)).toEqual(want);
  });
});

describe("redirectedHeaders (the API's key header: Api-Key)", () => {
  const credentials = { authorization: "Bearer k", "api-key": "k2", cookie: "c" };
  const body = { "content-type": "application/json", "content-length": "2" };
  const other = { "openai-beta": "assistants=v1" };
  const sent = { ...credentials, ...body, ...other };
  const hop = (keepsBody: boolean, crossOrigin: boolean): RedirectHop => {
    return { url: "http://x/", method: "GET", keepsBody, crossOrigin };
  };
  const rows: Row<RedirectHop, Record<string, string | false>>[] = [
    ["same origin, body kept: everything", { given: hop(true, false), want: sent }],
    [
      "same origin, body dropped: no body headers, content-type suppressed",
      {
        given: hop(false, false),
        want: { ...credentials, ...other, "content-type": false },
      },
    ],
    [
      "another origin: no credentials, the API's key header included",
      {
        given: hop(true, true),
        want: { ...body, ...other },
      },
    ],
    ["another origin, body dropped", { given: hop(false, true), want: { ...other, "content-type": false } }],
  ];
  test.each(rows)("%s", (_, { given, want }) => expect(redirectedHeaders(sent, given, ["Api-Key"])).toEqual(want));
});
