/**
 * The runtime driven directly with hand-written operation descriptions, for what the
 * generated Assistants/Files SDK has no operation for: one-shot stream bodies, API keys in
 * the query, a promised JSON type; plus a custom axios instance and a retried upload.
 */
import axios from "axios";
import { Readable } from "node:stream";
import { inspect } from "node:util";
import { APIConnectionError, Gpt, InternalServerError, ResponseValidationError } from "../../src";
import type { BaseResult, ClientDefaults, OperationDef } from "../../src/internal";
import { Runtime } from "../../src/internal";

import { useFaultServer } from "../support/fault-server";
import { json, raw, startRecordingServer } from "../support/recording-server";
import { assistantWire, failure } from "./fixtures";

const API_KEY = "sk-core-7a6b5c4d3e2f1a0b";
// A fresh server and manual clock for each test.
const env = useFaultServer();

function defaults(overrides: Partial<ClientDefaults> = {}): ClientDefaults {
  return {
    serverURL: env.server.baseURL,
    userAgent: "test/1",
    security: [],
    retries: { maxRetries: 2, initialDelayMs: 500, maxDelayMs: 8000 },
    timeoutMs: 10_000,
    ...overrides,
  };
}

const uploadOp: OperationDef = {
  operationId: "upload",
  method: "post",
  path: "/upload",
  body: { kind: "bytes", contentType: "application/octet-stream", required: true },
  responses: [{ status: "200", kind: "empty" }],
  secured: false,
};

test("a one-shot stream body is sent once and never retried", async () => {
  env.server.fallback = json(500, {});
  const runtime = new Runtime({}, defaults());
  const error = await failure(
    runtime.call<BaseResult>(uploadOp, { body: Readable.from([Buffer.from("chunk-1;"), Buffer.from("chunk-2")]) }),
  );
  expect(error).toBeInstanceOf(InternalServerError);
  expect(error.attempts).toBe(1);
  expect(env.server.requests.map((r) => r.body)).toEqual(["chunk-1;chunk-2"]);
  expect(env.clock.sleeps).toEqual([]);
});

test("the same bytes as a Buffer are retried", async () => {
  env.server.reply(json(500, {}), raw(200, ""));
  const runtime = new Runtime({}, defaults());
  const res = await runtime.call<BaseResult>(uploadOp, { body: Buffer.from("chunk-1;chunk-2") });
  expect(res.statusCode).toBe(200);
  expect(env.server.requests.map((r) => r.body)).toEqual(["chunk-1;chunk-2", "chunk-1;chunk-2"]);
});

test("createFile with a stream: the multipart body is buffered once, so a retry resends the whole file", async () => {
  env.server.reply(
    json(503, {}),
    json(200, {
      id: "file-1",
      object: "file",
      bytes: 11,
      created_at: 1,
      filename: "notes.txt",
      purpose: "assistants",
      status: "uploaded",
    }),
  );
  const sdk = new Gpt({ apiKeyAuth: API_KEY, serverURL: env.server.baseURL });
  const res = await sdk.files.createFile({
    file: { content: Readable.from([Buffer.from("hello world")]), fileName: "notes.txt" },
    purpose: "assistants",
  });
  expect(res.openAIFile!.id).toBe("file-1");
  expect(env.server.requests).toHaveLength(2);
  for (const request of env.server.requests) {
    expect(request.body).toContain('filename="notes.txt"');
    expect(request.body).toContain("hello world");
  }
});

test("an API key sent in the query is scrubbed from error messages and logs", async () => {
  const lines: string[] = [];
  const closed = await startRecordingServer();
  const base = closed.baseURL;
  await closed.close();
  const runtime = new Runtime(
    { retries: false, logger: (line) => lines.push(line) },
    defaults({ serverURL: base, security: [{ kind: "apiKeyQuery", name: "key", option: "key", value: API_KEY }] }),
  );
  const op: OperationDef = {
    operationId: "ping",
    method: "get",
    path: "/ping",
    responses: [{ status: "200", kind: "empty" }],
    secured: true,
  };
  const error = await failure(runtime.call<BaseResult>(op, {}));
  expect(error).toBeInstanceOf(APIConnectionError);
  expect(error.message).toContain(`GET ${base}/ping?key=***:`);
  expect(inspect(error) + JSON.stringify(error) + lines.join("\n")).not.toContain(API_KEY);
  expect(lines[0]).toBe(`gpt-sdk: request ping GET ${base}/ping?key=*** (attempt 1/1) headers={"user-agent":"test/1"}`);
});

describe("a promised JSON type", () => {
  const op = (nullable?: boolean): OperationDef => ({
    operationId: "getThing",
    method: "get",
    path: "/thing",
    responses: [
      {
        status: "200",
        kind: "json",
        contentType: "application/json",
        field: "thing",
        jsonType: "object",
        nullable,
        decode: (v) => v,
      },
    ],
    secured: false,
  });

  test.each([
    ["[]", "an array"],
    ['"text"', "a string"],
    ["42", "a number"],
    ["null", "null"],
  ])("%s where an object is promised: ResponseValidationError", async (body, kind) => {
    env.server.fallback = raw(200, body, { "content-type": "application/json" });
    const error = await failure(new Runtime({}, defaults()).call<BaseResult>(op(), {}));
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect(error.message).toBe(
      `getThing: response body is ${kind}; the API document promises an object (200 OK, application/json, ${body.length} bytes): ${body}`,
    );
    expect(error.body).toBe(body);
  });

  test("null is accepted when the schema is nullable", async () => {
    env.server.fallback = raw(200, "null", { "content-type": "application/json" });
    const res = await new Runtime({}, defaults()).call<BaseResult & { thing: unknown }>(op(true), {});
    expect(res.thing).toBeNull();
  });

  test("a decoder that throws becomes a ResponseValidationError", async () => {
    env.server.fallback = json(200, { a: 1 });
    const throwing: OperationDef = {
      ...op(),
      responses: [
        {
          status: "200",
          kind: "json",
          field: "thing",
          decode: () => {
            throw new TypeError("boom");
          },
        },
      ],
    };
    const error = await failure(new Runtime({}, defaults()).call<BaseResult>(throwing, {}));
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect(error.message).toBe(
      'getThing: response body does not match the declared schema (200 OK, application/json, 7 bytes): {"a":1}',
    );
  });
});

test("a custom axios instance (defaultClient) sends the requests, interceptors included, and retries still apply", async () => {
  const instance = axios.create({ headers: { "x-instance-default": "yes" } });
  instance.interceptors.request.use((config) => {
    config.headers.set("x-intercepted", "1");
    return config;
  });
  env.server.reply(json(500, {}), json(200, assistantWire()));
  const sdk = new Gpt({ apiKeyAuth: API_KEY, serverURL: env.server.baseURL, defaultClient: instance });
  const res = await sdk.assistants.getAssistant("asst_abc123");
  expect(res.assistantObject!.id).toBe("asst_abc123");
  expect(env.server.requests).toHaveLength(2);
  for (const request of env.server.requests) {
    expect(request.headers["x-intercepted"]).toBe("1");
    expect(request.headers["x-instance-default"]).toBe("yes");
  }
});

test("a POST without a body declares no content type", async () => {
  env.server.fallback = json(200, { id: "thread_1", object: "thread", created_at: 1, metadata: {} });
  await new Gpt({ apiKeyAuth: API_KEY, serverURL: env.server.baseURL }).assistants.createThread();
  expect(env.server.requests[0].headers["content-type"]).toBeUndefined();
  expect(env.server.requests[0].body).toBe("");
});

test("per-call headers override the SDK's", async () => {
  env.server.fallback = json(200, assistantWire());
  await new Gpt({ apiKeyAuth: API_KEY, serverURL: env.server.baseURL }).assistants.getAssistant("asst_abc123", {
    headers: { "OpenAI-Beta": "assistants=v2", "X-Extra": "1" },
  });
  expect(env.server.requests[0].headers["openai-beta"]).toBe("assistants=v2");
  expect(env.server.requests[0].headers["x-extra"]).toBe("1");
});
