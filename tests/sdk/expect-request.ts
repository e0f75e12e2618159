/** What the SDK suites assert about every wire request and every JSON result. */
import { BASE_PATH, type Recorded } from "../support/recording";
import { BETA_HEADER_VALUE } from "../support/pinned-spec";

export const API_KEY = "sk-test-1234567890";

export interface ExpectedRequest {
  method: "GET" | "POST" | "DELETE";
  /** Path plus query string after the base URL (e.g. `/assistants?limit=5`). */
  path: string;
  /** True for the Assistants operations (beta): `OpenAI-Beta` must be sent; false: it must be absent. */
  beta: boolean;
  /** The JSON body the wire must carry (compared after JSON.parse). Omit for a request without a body. */
  json?: unknown;
}

/**
 * Asserts everything about one wire request: method, the target as sent (query included, no
 * bare `?`), bearer auth, the beta header present or absent, the SDK's user agent, content
 * type and body.
 */
export function expectRequest(req: Recorded, expected: ExpectedRequest): void {
  expect(req.method).toBe(expected.method);
  expect(req.url).toBe(`${BASE_PATH}${expected.path}`);
  expect(req.headers["authorization"]).toBe(`Bearer ${API_KEY}`);
  if (expected.beta) {
    expect(req.headers["openai-beta"]).toBe(BETA_HEADER_VALUE);
  } else {
    expect(req.headers).not.toHaveProperty("openai-beta");
  }
  expect(req.headers["user-agent"]).toMatch(/^gpt-sdk\/\d+\.\d+\.\d+/);
  if (expected.json === undefined) {
    expect(req.contentType).toBeUndefined();
    expect(req.body).toBe("");
  } else {
    expect(req.contentType).toBe("application/json");
    expect(JSON.parse(req.body)).toEqual(expected.json);
  }
}

/** Asserts the common result fields of a successful JSON call. */
export function expectJsonResult(res: {
  statusCode: number;
  contentType: string;
  rawResponse: { status: number };
}): void {
  expect(res.statusCode).toBe(200);
  expect(res.contentType).toBe("application/json");
  expect(res.rawResponse.status).toBe(200);
}

/** The OpenAI error body a 404 carries. */
export function notFoundBody(message: string) {
  return { error: { message, type: "invalid_request_error", param: null, code: null } };
}
