/**
 * msw server that records every request the SDK sends and answers with a canned response,
 * so a test can assert the exact wire request and the exact parsed result.
 */
import { http, HttpResponse } from "msw";
import { setupServer } from "msw/node";

export const BASE_URL = "https://api.test.local/v1";
export const API_KEY = "sk-test-1234567890";

export interface Recorded {
  method: string;
  url: string;
  headers: Record<string, string>;
  /** Body text as sent on the wire. */
  body: string;
  contentType: string | undefined;
  /** Parsed multipart fields, when the body was multipart. */
  form?: Record<string, string | { name: string; type: string; text: string }>;
}

export interface Reply {
  status?: number;
  json?: unknown;
  body?: string | Uint8Array;
  headers?: Record<string, string>;
}

export function mockApi() {
  const recorded: Recorded[] = [];
  const replies: Reply[] = [];
  const server = setupServer(
    http.all(`${BASE_URL}/*`, async ({ request }) => {
      const contentType = request.headers.get("content-type") ?? undefined;
      const entry: Recorded = {
        method: request.method,
        url: request.url,
        headers: Object.fromEntries(request.headers.entries()),
        body: "",
        contentType,
      };
      if (contentType?.startsWith("multipart/form-data")) {
        const form = await request.formData();
        entry.form = {};
        for (const [name, value] of form.entries()) {
          entry.form[name] = typeof value === "string" ? value : { name: value.name, type: value.type, text: await value.text() };
        }
      } else {
        entry.body = await request.text();
      }
      recorded.push(entry);
      const reply = replies.shift() ?? { status: 500, json: { error: { message: "no reply queued" } } };
      const headers = { ...(reply.json !== undefined ? { "content-type": "application/json" } : {}), ...reply.headers };
      const body = reply.json !== undefined ? JSON.stringify(reply.json) : reply.body ?? null;
      return new HttpResponse(body, { status: reply.status ?? 200, headers });
    }),
  );
  return {
    server,
    recorded,
    /** Queues the next response(s). */
    reply(...next: Reply[]) {
      replies.push(...next);
    },
    /** The only request recorded since the last reset. */
    single(): Recorded {
      expect(recorded).toHaveLength(1);
      return recorded[0];
    },
    reset() {
      recorded.length = 0;
      replies.length = 0;
    },
  };
}

export interface ExpectedRequest {
  method: "GET" | "POST" | "DELETE";
  /** Path plus query string, relative to BASE_URL (e.g. `/assistants?limit=5`). */
  path: string;
  /** True for the Assistants operations (beta): `OpenAI-Beta: assistants=v1` must be sent; false: it must be absent. */
  beta: boolean;
  /** The JSON body the wire must carry (compared after JSON.parse). Omit for a request without a body. */
  json?: unknown;
}

/**
 * Asserts everything about one wire request: method, full URL (query included, no bare `?`),
 * bearer auth, the beta header present or absent, the SDK's user agent, content type and body.
 */
export function expectRequest(req: Recorded, expected: ExpectedRequest): void {
  expect(req.method).toBe(expected.method);
  expect(req.url).toBe(`${BASE_URL}${expected.path}`);
  expect(req.headers["authorization"]).toBe(`Bearer ${API_KEY}`);
  if (expected.beta) {
    expect(req.headers["openai-beta"]).toBe("assistants=v1");
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
export function expectJsonResult(res: { statusCode: number; contentType: string; rawResponse: { status: number } }): void {
  expect(res.statusCode).toBe(200);
  expect(res.contentType).toBe("application/json");
  expect(res.rawResponse.status).toBe(200);
}

/** Creates the mock API and wires it into the current test file's lifecycle. */
export function useMockApi() {
  const api = mockApi();
  beforeAll(() => api.server.listen({ onUnhandledRequest: "error" }));
  afterEach(() => api.reset());
  afterAll(() => api.server.close());
  return api;
}

/** The OpenAI error body a 404 carries. */
export function notFoundBody(message: string) {
  return { error: { message, type: "invalid_request_error", param: null, code: null } };
}
