/**
 * Safety: the API key never shows in an error's message, toString(), JSON or inspection;
 * JSON with `__proto__` / `constructor` keys pollutes nothing; missing arguments are refused
 * before any request; every error class is exported from the package.
 */
import { inspect } from "node:util";
import * as pkg from "../../src";
import { Gpt, SDKError, SDKValidationError, errors, shared } from "../../src";

import { hang, resetMidBody, useFaultServer } from "../support/fault-server";
import { json, raw } from "../support/recording-server";
import { assistantWire, failure } from "./fixtures";

const API_KEY = "sk-secret-DO-NOT-LEAK-4f9a8b7c6d5e";
// A fresh server and manual clock for each test.
const env = useFaultServer();

const client = (options: ConstructorParameters<typeof Gpt>[0] = {}) =>
  new Gpt({ apiKeyAuth: API_KEY, serverURL: env.server.baseURL, ...options });

/** Every way an error is commonly turned into text. */
function renderings(error: SDKError): Record<string, string> {
  return {
    message: error.message,
    toString: String(error),
    stack: error.stack ?? "",
    json: JSON.stringify(error),
    jsonNested: JSON.stringify({ error }),
    inspect: inspect(error),
    inspectDeep: inspect(error, { depth: Infinity, showHidden: true }),
    inspectNested: inspect({ wrapped: error }, { depth: Infinity }),
    inspectCause: inspect((error as { cause?: unknown }).cause, { depth: Infinity, showHidden: true }),
    ownProps: JSON.stringify(
      Object.getOwnPropertyNames(error)
        .filter((k) => k !== "rawResponse")
        .map((k) => String((error as unknown as Record<string, unknown>)[k])),
    ),
  };
}

function expectNoKey(error: SDKError): void {
  for (const [how, text] of Object.entries(renderings(error))) {
    expect({ how, leaked: text.includes(API_KEY) || text.includes(encodeURIComponent(API_KEY)) }).toEqual({
      how,
      leaked: false,
    });
  }
}

describe("the API key never leaks through an error", () => {
  test("a 401 whose body echoes the key: scrubbed in message, body and error, still the right class", async () => {
    env.server.fallback = json(401, {
      error: {
        message: `Incorrect API key provided: ${API_KEY}.`,
        type: "invalid_request_error",
        param: null,
        code: "invalid_api_key",
      },
    });
    const error = await failure(client().assistants.getAssistant("asst_abc123"));
    expect(error).toBeInstanceOf(errors.AuthenticationError);
    expect(error.message).toBe("401 Unauthorized: Incorrect API key provided: ***.");
    expect(error.error!.message).toBe("Incorrect API key provided: ***.");
    expect(error.body).not.toContain(API_KEY);
    expectNoKey(error);
    // The raw response stays reachable for debugging, but only on purpose.
    expect(error.rawResponse!.status).toBe(401);
    // Control: the raw response does hold the key, so the checks above are meaningful.
    expect(inspect(error.rawResponse!.config.headers)).toContain(API_KEY);
    expect(Object.keys(error)).not.toContain("rawResponse");
    expect(env.server.requests[0].headers["authorization"]).toBe(`Bearer ${API_KEY}`);
  });

  test("a connection error's cause is a plain summary, not the axios error with its request config", async () => {
    env.server.fallback = resetMidBody(JSON.stringify(assistantWire()));
    const error = await failure(client({ retries: false }).assistants.getAssistant("asst_abc123"));
    expect(error).toBeInstanceOf(errors.APIConnectionError);
    const cause = (error as { cause?: unknown }).cause as Error;
    expect(cause).toBeInstanceOf(Error);
    expect(Object.keys(cause)).toEqual(expect.not.arrayContaining(["config", "request", "response"]));
    expectNoKey(error);
  });

  test("timeout and abort errors", async () => {
    env.server.fallback = hang();
    expectNoKey(await failure(client({ retries: false, timeoutMs: 50 }).assistants.getAssistant("asst_abc123")));
    const controller = new AbortController();
    env.server.onRequest = () => setTimeout(() => controller.abort(), 10);
    expectNoKey(
      await failure(client({ retries: false }).assistants.getAssistant("asst_abc123", { signal: controller.signal })),
    );
  });

  test("a response validation error", async () => {
    env.server.fallback = raw(200, `{"id": "${API_KEY}", trunc`, { "content-type": "application/json" });
    const error = await failure(client().assistants.getAssistant("asst_abc123"));
    expect(error.message).toContain('{"id": "***", trunc');
    expectNoKey(error);
  });

  test("inspect shows the useful fields", async () => {
    env.server.fallback = json(
      404,
      { error: { message: "No assistant found with id 'x'.", type: "invalid_request_error", param: null, code: null } },
      { "x-request-id": "req_9" },
    );
    const error = await failure(client().assistants.getAssistant("x"));
    const text = inspect(error);
    expect(text).toContain("NotFoundError: 404 Not Found: No assistant found with id 'x'. (request req_9)");
    expect(text).toContain("requestId: 'req_9'");
    expect(text).toContain("statusCode: 404");
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: "NotFoundError",
      message: "404 Not Found: No assistant found with id 'x'. (request req_9)",
      statusCode: 404,
      headers: expect.objectContaining({ "x-request-id": "req_9", "content-type": "application/json" }),
      error: { message: "No assistant found with id 'x'.", type: "invalid_request_error", param: null, code: null },
      body: JSON.stringify({
        error: { message: "No assistant found with id 'x'.", type: "invalid_request_error", param: null, code: null },
      }),
      requestId: "req_9",
      attempts: 1,
    });
  });

  test("set-cookie in an error's headers reads ***", async () => {
    env.server.fallback = json(400, { error: { message: "bad" } }, { "set-cookie": "session=abc123secret" });
    const error = await failure(client().assistants.getAssistant("x"));
    expect(error.headers["set-cookie"]).toBe("***");
    expect(JSON.stringify(error)).not.toContain("abc123secret");
  });
});

describe("prototype pollution", () => {
  const hostile =
    `{"id":"asst_1","object":"assistant","created_at":1,"name":null,"description":null,"model":"gpt-4","instructions":null,` +
    `"tools":[{"type":"function","function":{"name":"f","__proto__":{"polluted":"tool"}}}],"file_ids":[],` +
    `"metadata":{"__proto__":{"polluted":"metadata"},"constructor":{"prototype":{"polluted":"metadata"}}},` +
    `"__proto__":{"polluted":"root"},"constructor":{"prototype":{"polluted":"root"}}}`;

  afterEach(() => {
    // Should a test fail, keep the pollution from spreading to the rest of the suite.
    delete (Object.prototype as Record<string, unknown>).polluted;
    delete (shared.AssistantObject.prototype as unknown as Record<string, unknown>).polluted;
  });

  test("getAssistant with __proto__ and constructor keys: data stays data, no prototype changes", async () => {
    env.server.fallback = raw(200, hostile, { "content-type": "application/json" });
    const res = await client().assistants.getAssistant("asst_1");
    const assistant = res.assistantObject!;

    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, "polluted")).toBe(false);
    expect((shared.AssistantObject.prototype as unknown as Record<string, unknown>).polluted).toBeUndefined();

    expect(assistant).toBeInstanceOf(shared.AssistantObject);
    expect(Object.getPrototypeOf(assistant)).toBe(shared.AssistantObject.prototype);
    expect((assistant as unknown as Record<string, unknown>).polluted).toBeUndefined();
    // The hostile keys are kept as plain own data, as sent.
    expect(Object.getOwnPropertyDescriptor(assistant, "__proto__")!.value).toEqual({ polluted: "root" });
    expect(Object.getOwnPropertyDescriptor(assistant, "constructor")!.value).toEqual({
      prototype: { polluted: "root" },
    });

    const metadata = assistant.metadata as Record<string, unknown>;
    expect(Object.getPrototypeOf(metadata)).toBe(Object.prototype);
    expect(metadata.polluted).toBeUndefined();
    expect(Object.getOwnPropertyDescriptor(metadata, "__proto__")!.value).toEqual({ polluted: "metadata" });

    const tool = assistant.tools[0];
    if (tool.type !== "function") throw new Error("expected a function tool");
    expect((tool.function as unknown as Record<string, unknown>).polluted).toBeUndefined();
    expect(tool.function.name).toBe("f");
  });

  test("an error body with __proto__ keys", async () => {
    env.server.fallback = raw(
      400,
      `{"error":{"message":"bad","__proto__":{"polluted":"error"}},"__proto__":{"polluted":"body"}}`,
      { "content-type": "application/json" },
    );
    const error = await failure(client().assistants.getAssistant("asst_1"));
    expect(error.error!.message).toBe("bad");
    expect((error.error as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("missing required arguments are refused before any request", () => {
  test("getAssistant(undefined)", async () => {
    const error = await failure(client().assistants.getAssistant(undefined as unknown as string));
    expect(error).toBeInstanceOf(SDKValidationError);
    expect(error.message).toBe('getAssistant: missing required path parameter "assistant_id"');
    expect((error as SDKValidationError).operationId).toBe("getAssistant");
    expect((error as SDKValidationError).argument).toBe("assistant_id");
    expect(error.attempts).toBe(0);
    expect(env.server.requests).toHaveLength(0);
  });

  test('cancelRun("run_1", "") — an empty id is missing too', async () => {
    const error = await failure(client().assistants.cancelRun("run_1", ""));
    expect(error.message).toBe('cancelRun: missing required path parameter "thread_id"');
    expect(env.server.requests).toHaveLength(0);
  });

  test("createAssistant(undefined): the body", async () => {
    const error = await failure(
      client().assistants.createAssistant(undefined as unknown as shared.CreateAssistantRequest),
    );
    expect(error).toBeInstanceOf(SDKValidationError);
    expect(error.message).toBe("createAssistant: missing required request body");
    expect(env.server.requests).toHaveLength(0);
  });

  test("listRunSteps({ runId }) without threadId", async () => {
    const error = await failure(
      client().assistants.listRunSteps({ runId: "run_1" } as Parameters<Gpt["assistants"]["listRunSteps"]>[0]),
    );
    expect(error).toBeInstanceOf(SDKValidationError);
    expect(error.message).toBe('listRunSteps: missing required path parameter "thread_id"');
    expect(env.server.requests).toHaveLength(0);
  });
});

test("every error class is exported from the package and from the generated errors module", () => {
  const names = [
    "SDKError",
    "APIError",
    "BadRequestError",
    "AuthenticationError",
    "PermissionDeniedError",
    "NotFoundError",
    "ConflictError",
    "UnprocessableEntityError",
    "RateLimitError",
    "InternalServerError",
    "APIConnectionError",
    "APITimeoutError",
    "APIUserAbortError",
    "ResponseValidationError",
    "SDKValidationError",
  ];
  for (const name of names) {
    const fromRoot = (pkg as unknown as Record<string, unknown>)[name];
    expect({ name, type: typeof fromRoot }).toEqual({ name, type: "function" });
    expect((errors as unknown as Record<string, unknown>)[name]).toBe(fromRoot);
    expect(Object.create((fromRoot as { prototype: object }).prototype)).toBeInstanceOf(SDKError);
  }
  expect(new pkg.APITimeoutError("t")).toBeInstanceOf(pkg.APIConnectionError);
  for (const name of names.slice(2, 10))
    expect(Object.create((pkg as unknown as Record<string, { prototype: object }>)[name].prototype)).toBeInstanceOf(
      pkg.APIError,
    );
});
