/** JSON of the wrong kind where the spec promises a schema is a clear error, not a half-parsed result. */
import { Gpt, ResponseValidationError } from "../../src";
import { useMockApi } from "../support/mock-api";
import { API_KEY } from "./expect-request";

const api = useMockApi();

let sdk: Gpt;
beforeAll(() => {
  sdk = new Gpt({ apiKeyAuth: API_KEY, serverURL: api.baseURL, retries: false });
});

test.each([
  ["an array", "[]", "an array"],
  ["a string", '"asst_1"', "a string"],
  ["null", "null", "null"],
])("getAssistant answered with %s fails with the raw text", async (_, body, described) => {
  api.reply({ body, headers: { "content-type": "application/json" } });
  const error = await sdk.assistants.getAssistant("asst_1").catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ResponseValidationError);
  expect((error as ResponseValidationError).message).toContain(
    `response body is ${described}; the API document promises an object`,
  );
  expect((error as ResponseValidationError).body).toBe(body);
  expect(api.requests).toHaveLength(1);
});
