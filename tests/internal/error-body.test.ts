/** The API's error object (src/internal/error-body.ts): given a response body, want the error it carries. */
import { errorTypeOf, parseErrorBody, type APIErrorBody } from "../../src/internal/error-body";
import type { Row } from "../support/table";

describe("parseErrorBody", () => {
  const rows: Row<string, APIErrorBody | undefined>[] = [
    [
      "OpenAI's error object",
      {
        given: '{"error":{"message":"No such File","type":"invalid_request_error","param":"id","code":null}}',
        want: { message: "No such File", type: "invalid_request_error", param: "id", code: null },
      },
    ],
    ["whitespace around the JSON", { given: '\n  {"error":{"message":"m"}}  ', want: { message: "m" } }],
    ["extra fields are kept", { given: '{"error":{"message":"m","extra":1}}', want: { message: "m", extra: 1 } }],
    ["`error` as a string", { given: '{"error":"boom"}', want: undefined }],
    ["`error` as an array", { given: '{"error":[1]}', want: undefined }],
    ["`error` null", { given: '{"error":null}', want: undefined }],
    ["no `error` key", { given: '{"message":"m"}', want: undefined }],
    ["a JSON array", { given: "[]", want: undefined }],
    ["truncated JSON", { given: '{"error":{"mess', want: undefined }],
    ["an HTML page", { given: "<html>502 Bad Gateway</html>", want: undefined }],
    ["an empty body", { given: "", want: undefined }],
  ];
  test.each(rows)("%s", (_, { given, want }) => expect(parseErrorBody(given)).toEqual(want));
});

describe("errorTypeOf", () => {
  const body = (error: object) => JSON.stringify({ error });
  const rows: Row<string, string | undefined>[] = [
    ["the type", { given: body({ type: "server_error", code: null }), want: "server_error" }],
    ["the code when there is no type", { given: body({ code: "rate_limit_exceeded" }), want: "rate_limit_exceeded" }],
    [
      "insufficient_quota as the code wins over the type",
      {
        given: body({ type: "requests", code: "insufficient_quota" }),
        want: "insufficient_quota",
      },
    ],
    [
      "insufficient_quota as the type",
      {
        given: body({ type: "insufficient_quota", code: null }),
        want: "insufficient_quota",
      },
    ],
    ["a non-string type falls back to the code", { given: body({ type: 5, code: "c" }), want: "c" }],
    ["neither", { given: body({ message: "m" }), want: undefined }],
    ["not an error body", { given: "oops", want: undefined }],
  ];
  test.each(rows)("%s", (_, { given, want }) => expect(errorTypeOf(given)).toBe(want));
});
