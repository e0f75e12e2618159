/**
 * Logging: off by default; the `logger` option or GPT_SDK_LOG turns it on; one line per
 * request and per response/failed attempt; credential headers print as `***` and the API
 * key appears in no line.
 */
import { Gpt } from "../../src";
import { ManualClock } from "../support/clock";
import { resetMidBody } from "../support/fault-server";
import { json, type RecordingServer, startRecordingServer } from "../support/recording-server";
import { assistantWire } from "./fixtures";
import { BETA_HEADER_VALUE } from "../support/pinned-spec";

const API_KEY = "sk-log-secret-9f8e7d6c5b4a";
let server: RecordingServer;
let clock: ManualClock;
const savedEnv = process.env.GPT_SDK_LOG;

beforeEach(async () => {
  server = await startRecordingServer();
  clock = new ManualClock().install();
  delete process.env.GPT_SDK_LOG;
});
afterEach(async () => {
  clock.restore();
  jest.restoreAllMocks();
  if (savedEnv === undefined) delete process.env.GPT_SDK_LOG;
  else process.env.GPT_SDK_LOG = savedEnv;
  await server.close();
});

test("debug: request and response lines per attempt, secrets as ***", async () => {
  const lines: string[] = [];
  const sdk = new Gpt({ apiKeyAuth: API_KEY, serverURL: server.baseURL, logger: (line) => lines.push(line) });
  server.reply(
    json(500, { error: { message: "boom" } }, { "x-request-id": "req_a" }),
    json(200, assistantWire(), { "x-request-id": "req_b", "set-cookie": "__cf_bm=cookie-secret-value; path=/" }),
  );
  await sdk.assistants.createAssistant(
    { model: "gpt-4" },
    {
      headers: {
        cookie: "session=cookie-secret-value",
        "api-key": "other-secret-1",
        "x-api-key": "other-secret-2",
        "X-Trace": "t-1",
      },
    },
  );

  const url = `${server.baseURL}/assistants`;
  expect(lines).toHaveLength(4);
  const requestHeaders =
    `{"user-agent":"gpt-sdk/0.1.0 (typescript)","openai-beta":"${BETA_HEADER_VALUE}","content-type":"application/json",` +
    `"authorization":"***","cookie":"***","api-key":"***","x-api-key":"***","x-trace":"t-1"}`;
  expect(lines[0]).toBe(
    `gpt-sdk: request createAssistant POST ${url} (attempt 1/3) headers=${requestHeaders} body={"model":"gpt-4"}`,
  );
  expect(lines[1]).toMatch(
    new RegExp(
      `^gpt-sdk: response createAssistant 500 POST ${escape(url)} in \\d+ ms \\(attempt 1/3, request req_a\\) headers=\\{.*\\} body=\\{"error":\\{"message":"boom"\\}\\}; retrying in 500 ms$`,
    ),
  );
  expect(lines[2]).toBe(
    `gpt-sdk: request createAssistant POST ${url} (attempt 2/3) headers=${requestHeaders} body={"model":"gpt-4"}`,
  );
  expect(lines[3]).toMatch(
    new RegExp(
      `^gpt-sdk: response createAssistant 200 POST ${escape(url)} in \\d+ ms \\(attempt 2/3, request req_b\\) headers=\\{.*"set-cookie":"\\*\\*\\*".*\\} body=\\{"id":"asst_abc123"`,
    ),
  );
  for (const line of lines) {
    expect(line).not.toContain(API_KEY);
    expect(line).not.toContain("cookie-secret-value");
    expect(line).not.toContain("other-secret");
  }
  // The server did get the real values.
  expect(server.requests[0].headers["authorization"]).toBe(`Bearer ${API_KEY}`);
  expect(server.requests[0].headers["api-key"]).toBe("other-secret-1");
});

test("a failed attempt logs one line with the error and the wait", async () => {
  const lines: string[] = [];
  const sdk = new Gpt({
    apiKeyAuth: API_KEY,
    serverURL: server.baseURL,
    logger: (line) => lines.push(line),
    logLevel: "info",
  });
  server.reply(resetMidBody(JSON.stringify(assistantWire())), json(200, assistantWire()));
  await sdk.assistants.getAssistant("asst_abc123");
  const url = `${server.baseURL}/assistants/asst_abc123`;
  expect(lines).toHaveLength(4);
  expect(lines[0]).toBe(`gpt-sdk: request getAssistant GET ${url} (attempt 1/3)`);
  expect(lines[1]).toMatch(
    new RegExp(
      `^gpt-sdk: failed getAssistant GET ${escape(url)} after \\d+ ms \\(attempt 1/3\\): APIConnectionError: Connection error: GET ${escape(url)}: .+; retrying in 500 ms$`,
    ),
  );
  expect(lines[2]).toBe(`gpt-sdk: request getAssistant GET ${url} (attempt 2/3)`);
  expect(lines[3]).toMatch(
    new RegExp(`^gpt-sdk: response getAssistant 200 GET ${escape(url)} in \\d+ ms \\(attempt 2/3\\)$`),
  );
});

test("off by default: nothing is written to the console", async () => {
  const error = jest.spyOn(console, "error").mockImplementation(() => undefined);
  const log = jest.spyOn(console, "log").mockImplementation(() => undefined);
  const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
  server.fallback = json(200, assistantWire());
  await new Gpt({ apiKeyAuth: API_KEY, serverURL: server.baseURL }).assistants.getAssistant("asst_abc123");
  expect(error).not.toHaveBeenCalled();
  expect(log).not.toHaveBeenCalled();
  expect(warn).not.toHaveBeenCalled();
});

test("GPT_SDK_LOG=debug writes to console.error, redacted", async () => {
  process.env.GPT_SDK_LOG = "debug";
  const error = jest.spyOn(console, "error").mockImplementation(() => undefined);
  server.fallback = json(200, assistantWire());
  await new Gpt({ apiKeyAuth: API_KEY, serverURL: server.baseURL }).assistants.getAssistant("asst_abc123");
  const lines = error.mock.calls.map((args) => String(args[0]));
  expect(lines).toHaveLength(2);
  expect(lines[0]).toContain('"authorization":"***"');
  expect(lines[1]).toMatch(/^gpt-sdk: response getAssistant 200 GET /);
  expect(lines.join("\n")).not.toContain(API_KEY);
});

test("logLevel: 'off' silences a given logger; a throwing logger does not fail the call", async () => {
  const lines: string[] = [];
  server.fallback = json(200, assistantWire());
  await new Gpt({
    apiKeyAuth: API_KEY,
    serverURL: server.baseURL,
    logger: (line) => lines.push(line),
    logLevel: "off",
  }).assistants.getAssistant("asst_abc123");
  expect(lines).toEqual([]);
  const res = await new Gpt({
    apiKeyAuth: API_KEY,
    serverURL: server.baseURL,
    logger: () => {
      throw new Error("logger broke");
    },
  }).assistants.getAssistant("asst_abc123");
  expect(res.statusCode).toBe(200);
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}
