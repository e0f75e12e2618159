/**
 * Fault injection against a real HTTP server on 127.0.0.1: every case asserts the exact
 * outcome and the number of requests the server saw. Delays between retries go through an
 * injected clock, so the asked-for waits are asserted without waiting for them.
 */
import {
  APIConnectionError,
  APIError,
  APITimeoutError,
  APIUserAbortError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  Gpt,
  InternalServerError,
  NotFoundError,
  RateLimitError,
  ResponseValidationError,
} from "../../src";
import { setClock, systemClock } from "../../src/internal/clock";
import { hang, resetMidBody, stallMidBody, useFaultServer } from "../support/fault-server";
import { json, raw, startRecordingServer } from "../support/recording-server";
import { assistantWire, failure, openAIError } from "./fixtures";

const API_KEY = "sk-fault-0123456789abcdef";
// A fresh server and manual clock for each test.
const env = useFaultServer();

function client(options: ConstructorParameters<typeof Gpt>[0] = {}): Gpt {
  return new Gpt({ apiKeyAuth: API_KEY, serverURL: env.server.baseURL, ...options });
}

describe("retries", () => {
  test("500 → 500 → 200 succeeds on the third attempt after backing off 500 ms then 1000 ms", async () => {
    env.server.reply(
      json(500, openAIError("The server had an error", "server_error")),
      json(500, openAIError("The server had an error", "server_error")),
      json(200, assistantWire()),
    );
    const res = await client().assistants.getAssistant("asst_abc123");
    expect(res.statusCode).toBe(200);
    expect(res.assistantObject!.id).toBe("asst_abc123");
    expect(env.server.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      "GET /v1/assistants/asst_abc123",
      "GET /v1/assistants/asst_abc123",
      "GET /v1/assistants/asst_abc123",
    ]);
    expect(env.clock.sleeps).toEqual([500, 1000]);
  });

  test("the backoff takes up to 25% jitter off: random() = 0.999 gives 375 ms and 750 ms", async () => {
    env.clock.random = 0.999;
    env.server.reply(json(503, {}), json(503, {}), json(200, assistantWire()));
    await client().assistants.getAssistant("asst_abc123");
    expect(env.clock.sleeps).toEqual([375, 750]);
    expect(env.server.requests).toHaveLength(3);
  });

  test("the backoff doubles up to maxDelayMs (8 s by default)", async () => {
    for (let i = 0; i < 6; i++) env.server.reply(json(500, {}));
    env.server.reply(json(200, assistantWire()));
    await client({ retries: { maxRetries: 6 } }).assistants.getAssistant("asst_abc123");
    expect(env.clock.sleeps).toEqual([500, 1000, 2000, 4000, 8000, 8000]);
    expect(env.server.requests).toHaveLength(7);
  });

  test("500 three times: InternalServerError after 3 attempts (default 2 retries)", async () => {
    env.server.fallback = json(
      500,
      openAIError("The server had an error while processing your request.", "server_error"),
      { "x-request-id": "req_500" },
    );
    const error = await failure(client().assistants.getAssistant("asst_abc123"));
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error.message).toBe(
      "500 Internal Server Error: The server had an error while processing your request. (request req_500, 3 attempts)",
    );
    expect(error.attempts).toBe(3);
    expect(env.server.requests).toHaveLength(3);
  });

  test("429 with retry-after: 1 waits 1000 ms, then succeeds", async () => {
    env.server.reply(
      json(429, openAIError("Rate limit reached", "requests", "rate_limit_exceeded"), { "retry-after": "1" }),
      json(200, assistantWire()),
    );
    const res = await client().assistants.getAssistant("asst_abc123");
    expect(res.assistantObject!.id).toBe("asst_abc123");
    expect(env.clock.sleeps).toEqual([1000]);
    expect(env.server.requests).toHaveLength(2);
  });

  test("retry-after as an HTTP date waits until that date", async () => {
    const at = new Date(env.clock.now() + 3000).toUTCString();
    env.server.reply(json(503, {}, { "retry-after": at }), json(200, assistantWire()));
    await client().assistants.getAssistant("asst_abc123");
    expect(env.clock.sleeps).toEqual([3000]);
    expect(env.server.requests).toHaveLength(2);
  });

  test("retry-after-ms: 250 waits 250 ms (and wins over retry-after)", async () => {
    env.server.reply(json(429, {}, { "retry-after-ms": "250", "retry-after": "5" }), json(200, assistantWire()));
    await client().assistants.getAssistant("asst_abc123");
    expect(env.clock.sleeps).toEqual([250]);
    expect(env.server.requests).toHaveLength(2);
  });

  test("429 with x-ratelimit-reset-requests: 1s / x-ratelimit-reset-tokens: 20ms waits for the limit that ran out", async () => {
    env.server.reply(
      json(
        429,
        {},
        {
          "x-ratelimit-reset-requests": "1s",
          "x-ratelimit-remaining-requests": "0",
          "x-ratelimit-reset-tokens": "20ms",
          "x-ratelimit-remaining-tokens": "900",
        },
      ),
      json(
        429,
        {},
        {
          "x-ratelimit-reset-requests": "1s",
          "x-ratelimit-remaining-requests": "10",
          "x-ratelimit-reset-tokens": "20ms",
          "x-ratelimit-remaining-tokens": "0",
        },
      ),
      json(200, assistantWire()),
    );
    await client().assistants.getAssistant("asst_abc123");
    expect(env.clock.sleeps).toEqual([1000, 20]);
    expect(env.server.requests).toHaveLength(3);
  });

  test("a server wait longer than 60 s (x-ratelimit-reset-tokens: 6m59s) falls back to the backoff", async () => {
    env.server.reply(json(429, {}, { "x-ratelimit-reset-tokens": "6m59s" }), json(200, assistantWire()));
    await client().assistants.getAssistant("asst_abc123");
    expect(env.clock.sleeps).toEqual([500]);
    expect(env.server.requests).toHaveLength(2);
  });

  test("x-ratelimit-reset-* is read on 429 only: a 503 carrying it uses the backoff", async () => {
    env.server.reply(json(503, {}, { "x-ratelimit-reset-requests": "2s" }), json(200, assistantWire()));
    await client().assistants.getAssistant("asst_abc123");
    expect(env.clock.sleeps).toEqual([500]);
  });

  test("429 insufficient_quota fails at once with RateLimitError", async () => {
    env.server.fallback = json(
      429,
      openAIError(
        "You exceeded your current quota, please check your plan and billing details.",
        "insufficient_quota",
        "insufficient_quota",
      ),
      {
        "x-request-id": "req_quota",
        "retry-after": "1",
      },
    );
    const error = await failure(client().assistants.getAssistant("asst_abc123"));
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.message).toBe(
      "429 Too Many Requests: You exceeded your current quota, please check your plan and billing details. (request req_quota)",
    );
    expect(error.error).toEqual({
      message: "You exceeded your current quota, please check your plan and billing details.",
      type: "insufficient_quota",
      param: null,
      code: "insufficient_quota",
    });
    expect(error.attempts).toBe(1);
    expect(env.server.requests).toHaveLength(1);
    expect(env.clock.sleeps).toEqual([]);
  });

  test("408 and 409 are retried", async () => {
    env.server.reply(
      json(408, {}),
      json(409, openAIError("Conflict", "invalid_request_error")),
      json(200, assistantWire()),
    );
    await client().assistants.getAssistant("asst_abc123");
    expect(env.server.requests).toHaveLength(3);
    expect(env.clock.sleeps).toEqual([500, 1000]);
  });

  test("409 after the retries are spent is a ConflictError", async () => {
    env.server.fallback = json(409, openAIError("Another run is active", "invalid_request_error"));
    const error = await failure(client({ retries: { maxRetries: 1 } }).assistants.getAssistant("asst_abc123"));
    expect(error).toBeInstanceOf(ConflictError);
    expect(error.message).toBe("409 Conflict: Another run is active (2 attempts)");
    expect(env.server.requests).toHaveLength(2);
  });

  test("x-should-retry: false stops a retryable 500 at once", async () => {
    env.server.fallback = json(500, openAIError("no", "server_error"), { "x-should-retry": "false" });
    const error = await failure(client().assistants.getAssistant("asst_abc123"));
    expect(error).toBeInstanceOf(InternalServerError);
    expect(env.server.requests).toHaveLength(1);
    expect(env.clock.sleeps).toEqual([]);
  });

  test("x-should-retry: true retries a 400 the policy would not retry", async () => {
    env.server.reply(
      json(400, openAIError("try again", "invalid_request_error"), { "x-should-retry": "true" }),
      json(200, assistantWire()),
    );
    const res = await client().assistants.getAssistant("asst_abc123");
    expect(res.statusCode).toBe(200);
    expect(env.server.requests).toHaveLength(2);
    expect(env.clock.sleeps).toEqual([500]);
  });

  test("x-should-retry: true overrides insufficient_quota", async () => {
    env.server.reply(
      json(429, openAIError("quota", "insufficient_quota"), { "x-should-retry": "true" }),
      json(200, assistantWire()),
    );
    await client().assistants.getAssistant("asst_abc123");
    expect(env.server.requests).toHaveLength(2);
  });

  test("per-call retries override the client's: false → 1 request; { maxRetries: 4 } on a client with retries: false → 5 requests", async () => {
    env.server.fallback = json(500, {});
    const error = await failure(client().assistants.getAssistant("asst_abc123", { retries: false }));
    expect(error.attempts).toBe(1);
    expect(env.server.requests).toHaveLength(1);

    const error2 = await failure(
      client({ retries: false }).assistants.getAssistant("asst_abc123", {
        retries: { maxRetries: 4, initialDelayMs: 10 },
      }),
    );
    expect(error2.attempts).toBe(5);
    expect(env.server.requests).toHaveLength(6);
    expect(env.clock.sleeps).toEqual([10, 20, 40, 80]);
  });

  test("client retries { maxRetries: 0 } gives one attempt", async () => {
    env.server.fallback = json(502, {});
    await failure(client({ retries: { maxRetries: 0 } }).assistants.getAssistant("asst_abc123"));
    expect(env.server.requests).toHaveLength(1);
  });

  test("a connection reset mid-body is retried, and the retry succeeds", async () => {
    const body = JSON.stringify(assistantWire());
    env.server.reply(resetMidBody(body), json(200, assistantWire()));
    const res = await client().assistants.getAssistant("asst_abc123");
    expect(res.assistantObject!.id).toBe("asst_abc123");
    expect(env.server.requests).toHaveLength(2);
    expect(env.clock.sleeps).toEqual([500]);
  });

  test("resets on every attempt: APIConnectionError after 3 attempts", async () => {
    env.server.fallback = resetMidBody(JSON.stringify(assistantWire()));
    const error = await failure(client().assistants.getAssistant("asst_abc123"));
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(error).not.toBeInstanceOf(APITimeoutError);
    expect(error.message).toMatch(
      new RegExp(`^Connection error: GET ${env.server.baseURL}/assistants/asst_abc123: .+ \\(.*3 attempts\\)$`),
    );
    expect(error.statusCode).toBeUndefined();
    expect(error.attempts).toBe(3);
    expect(env.server.requests).toHaveLength(3);
  });

  test("connection refused: APIConnectionError (ECONNREFUSED) after the retries", async () => {
    const closed = await startRecordingServer();
    const url = closed.baseURL;
    await closed.close();
    const error = await failure(
      new Gpt({ apiKeyAuth: API_KEY, serverURL: url }).assistants.getAssistant("asst_abc123"),
    );
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(error.message).toContain("ECONNREFUSED");
    expect(error.attempts).toBe(3);
    expect(env.clock.sleeps).toEqual([500, 1000]);
  });

  test("a POST is retried with the same body", async () => {
    env.server.reply(json(500, {}), json(200, assistantWire()));
    await client().assistants.createAssistant({ model: "gpt-4", metadata: { k: "v" } });
    expect(env.server.requests.map((r) => r.body)).toEqual([
      '{"model":"gpt-4","metadata":{"k":"v"}}',
      '{"model":"gpt-4","metadata":{"k":"v"}}',
    ]);
  });
});

describe("typed errors", () => {
  test.each([
    [400, BadRequestError, "Bad Request", "Invalid value for 'limit'.", "invalid_request_error"],
    [401, AuthenticationError, "Unauthorized", "Incorrect API key provided.", "invalid_request_error"],
    [404, NotFoundError, "Not Found", "No assistant found with id 'x'.", "invalid_request_error"],
  ] as const)("%i fails at once with %p and the OpenAI message", async (status, ErrorClass, reason, message, type) => {
    env.server.fallback = json(status, openAIError(message, type), { "x-request-id": "req_123" });
    const error = await failure(client().assistants.getAssistant("x"));
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error).toBeInstanceOf(APIError);
    expect(error.name).toBe(ErrorClass.name);
    expect(error.message).toBe(`${status} ${reason}: ${message} (request req_123)`);
    expect(error.statusCode).toBe(status);
    expect(error.status).toBe(status);
    expect(error.requestId).toBe("req_123");
    expect(error.error).toEqual({ message, type, param: null, code: null });
    expect(error.body).toBe(JSON.stringify(openAIError(message, type)));
    expect(error.headers["content-type"]).toBe("application/json");
    expect(error.attempts).toBe(1);
    expect(env.server.requests).toHaveLength(1);
    expect(env.clock.sleeps).toEqual([]);
  });

  test("an undeclared status (418) without an OpenAI body: APIError with a one-line excerpt", async () => {
    env.server.fallback = raw(418, "I'm a\nteapot", { "content-type": "text/plain" });
    const error = await failure(client().assistants.getAssistant("x"));
    expect(error.constructor).toBe(APIError);
    expect(error.message).toBe("418 I'm a Teapot: I'm a teapot"); // no standard phrase known: the server's own
    expect(error.body).toBe("I'm a\nteapot");
    expect(env.server.requests).toHaveLength(1);
  });
});

describe("timeouts and cancellation", () => {
  test("a server that never answers: APITimeoutError after timeoutMs (one attempt with retries off)", async () => {
    env.server.fallback = hang();
    const started = Date.now();
    const error = await failure(client({ timeoutMs: 300, retries: false }).assistants.getAssistant("asst_abc123"));
    expect(error).toBeInstanceOf(APITimeoutError);
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(error.message).toBe(`Request timed out after 300 ms: GET ${env.server.baseURL}/assistants/asst_abc123`);
    expect(error.attempts).toBe(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(env.server.requests).toHaveLength(1);
  });

  test("timeouts are retried: per-call timeoutMs 300 with 2 retries → 3 requests, then APITimeoutError", async () => {
    env.server.fallback = hang();
    const error = await failure(client().assistants.getAssistant("asst_abc123", { timeoutMs: 300 }));
    expect(error).toBeInstanceOf(APITimeoutError);
    expect(error.message).toBe(
      `Request timed out after 300 ms: GET ${env.server.baseURL}/assistants/asst_abc123 (3 attempts)`,
    );
    expect(error.attempts).toBe(3);
    expect(env.server.requests).toHaveLength(3);
    expect(env.clock.sleeps).toEqual([500, 1000]);
  });

  test("the timeout covers the body: headers arrive, the body stalls → APITimeoutError", async () => {
    env.server.fallback = stallMidBody(JSON.stringify(assistantWire()));
    const error = await failure(client({ timeoutMs: 300, retries: false }).assistants.getAssistant("asst_abc123"));
    expect(error).toBeInstanceOf(APITimeoutError);
    expect(env.server.requests).toHaveLength(1);
  });

  test("the seed's axios `timeout` config still works as the per-call limit", async () => {
    env.server.fallback = hang();
    const error = await failure(client({ retries: false }).assistants.getAssistant("asst_abc123", { timeout: 300 }));
    expect(error).toBeInstanceOf(APITimeoutError);
    expect(error.message).toContain("after 300 ms");
    expect(env.server.requests).toHaveLength(1);
  });

  test("abort during the backoff wait stops at once: no further request, APIUserAbortError", async () => {
    // The real sleep (a 10 s timer), with the abort fired 20 ms into it.
    env.clock.restore();
    const controller = new AbortController();
    const waits: number[] = [];
    const restore = setClock({
      sleep: (ms, signal) => {
        waits.push(ms);
        setTimeout(() => controller.abort(), 20);
        return systemClock.sleep(ms, signal);
      },
    });
    try {
      env.server.fallback = json(500, {});
      const started = Date.now();
      const error = await failure(
        client({ retries: { maxRetries: 2, initialDelayMs: 10_000, maxDelayMs: 10_000 } }).assistants.getAssistant(
          "asst_abc123",
          { signal: controller.signal },
        ),
      );
      expect(error).toBeInstanceOf(APIUserAbortError);
      expect(error.message).toBe(
        `Request aborted by the caller while waiting to retry: GET ${env.server.baseURL}/assistants/asst_abc123`,
      );
      expect(error.attempts).toBe(1);
      expect(waits).toHaveLength(1);
      expect(waits[0]).toBeGreaterThanOrEqual(7500);
      expect(Date.now() - started).toBeLessThan(2000);
      expect(env.server.requests).toHaveLength(1);
    } finally {
      restore();
    }
  });

  test("abort during the request: APIUserAbortError, no retry", async () => {
    const controller = new AbortController();
    env.server.fallback = hang();
    env.server.onRequest = () => setTimeout(() => controller.abort(), 20);
    const error = await failure(client().assistants.getAssistant("asst_abc123", { signal: controller.signal }));
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect(error.message).toBe(`Request aborted by the caller: GET ${env.server.baseURL}/assistants/asst_abc123`);
    expect(env.server.requests).toHaveLength(1);
    expect(env.clock.sleeps).toEqual([]);
  });

  test("an already-aborted signal sends nothing", async () => {
    const error = await failure(client().assistants.getAssistant("asst_abc123", { signal: AbortSignal.abort() }));
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect(error.attempts).toBe(0);
    expect(env.server.requests).toHaveLength(0);
  });
});

describe("responses the SDK cannot read", () => {
  test("truncated JSON (200): ResponseValidationError with the raw text, not retried", async () => {
    const text = '{"id":"asst_abc123","object":"assis';
    env.server.fallback = raw(200, text, { "content-type": "application/json", "x-request-id": "req_trunc" });
    const error = await failure(client().assistants.getAssistant("asst_abc123"));
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect(error.message).toBe(
      `getAssistant: response body is not valid JSON (200 OK, application/json, ${text.length} bytes; request req_trunc): ${text}`,
    );
    expect(error.body).toBe(text);
    expect(error.statusCode).toBe(200);
    expect(error.requestId).toBe("req_trunc");
    expect(env.server.requests).toHaveLength(1);
  });

  const html = `<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>cloudflare</center>\r\n</body>\r\n</html>\r\n`;

  test("an HTML 502 page, retries exhausted: InternalServerError with a one-line excerpt and the full page in body", async () => {
    env.server.fallback = raw(502, html, { "content-type": "text/html" });
    const error = await failure(client().assistants.getAssistant("asst_abc123"));
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error.message).toBe(
      "502 Bad Gateway: <html> <head><title>502 Bad Gateway</title></head> <body> <center><h1>502 Bad Gateway</h1></center> <hr><center>cloudfl… (3 attempts)",
    );
    expect(error.message).not.toContain("\n");
    expect(error.body).toBe(html);
    expect(error.error).toBeUndefined();
    expect(env.server.requests).toHaveLength(3);
  });

  test("an HTML 502 page with retries off: one request", async () => {
    env.server.fallback = raw(502, html, { "content-type": "text/html" });
    const error = await failure(client({ retries: false }).assistants.getAssistant("asst_abc123"));
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error.body).toBe(html);
    expect(env.server.requests).toHaveLength(1);
  });

  test("an HTML page with status 200 where JSON is promised: ResponseValidationError", async () => {
    env.server.fallback = raw(200, "<html><body>Welcome to nginx!</body></html>", { "content-type": "text/html" });
    const error = await failure(client().assistants.getAssistant("asst_abc123"));
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect(error.message).toBe(
      "getAssistant: response body is not valid JSON (200 OK, text/html, 43 bytes): <html><body>Welcome to nginx!</body></html>",
    );
  });

  test("an empty 200 body where an assistant is promised: ResponseValidationError", async () => {
    env.server.fallback = raw(200, "", { "content-type": "application/json" });
    const error = await failure(client().assistants.getAssistant("asst_abc123"));
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect(error.message).toBe(
      "getAssistant: response body is empty; a JSON body was expected (200 OK, application/json, 0 bytes)",
    );
    expect(error.body).toBe("");
    expect(env.server.requests).toHaveLength(1);
  });

  test("an undeclared success status (201) is not passed off as a result", async () => {
    env.server.fallback = json(201, assistantWire());
    const error = await failure(client().assistants.getAssistant("asst_abc123"));
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect(error.message).toMatch(
      /^getAssistant: undeclared response status 201 \(declared: 200\) \(201 Created, application\/json, \d+ bytes\): \{"id":"asst_abc123"/,
    );
  });
});

describe("path parameters", () => {
  test("an id like ../../files/x?y#z stays inside its own path segment", async () => {
    env.server.fallback = json(200, assistantWire());
    await client().assistants.getAssistant("../../files/x?y#z");
    expect(env.server.requests.map((r) => r.url)).toEqual(["/v1/assistants/..%2F..%2Ffiles%2Fx%3Fy%23z"]);
  });

  test("spaces, unicode and an oversize id are percent-encoded in place", async () => {
    env.server.fallback = json(200, { id: "run_1", object: "thread.run" });
    const long = "a/".repeat(2000);
    await client().assistants.getRun("run 1/ä", long);
    expect(env.server.requests.map((r) => r.url)).toEqual([`/v1/threads/${"a%2F".repeat(2000)}/runs/run%201%2F%C3%A4`]);
  });

  test.each([".", ".."])("a dot segment id %j is refused before anything is sent", async (id) => {
    const error = await failure(client().assistants.deleteAssistant(id));
    expect(error.name).toBe("SDKValidationError");
    expect(error.message).toBe(
      `deleteAssistant: path parameter "assistant_id" cannot be "${id}" (it would address another endpoint)`,
    );
    expect(env.server.requests).toHaveLength(0);
  });
});
