/**
 * Redirects, which the runtime follows itself (axios sends with `maxRedirects: 0`): against
 * real servers on 127.0.0.1, each case asserts every request the servers saw.
 */
import axios from "axios";
import { APIError, APITimeoutError, Gpt } from "../../src";
import { useFaultServer } from "../support/fault-server";
import {
  json,
  raw,
  type RecordingServer,
  type Reply,
  respond,
  startRecordingServer,
} from "../support/recording-server";
import { assistantWire, failure } from "./fixtures";
import { BETA_HEADER_VALUE } from "../support/pinned-spec";

const API_KEY = "sk-redirect-0123456789abcdef";
const env = useFaultServer();

function client(options: ConstructorParameters<typeof Gpt>[0] = {}): Gpt {
  return new Gpt({ apiKeyAuth: API_KEY, serverURL: env.server.baseURL, ...options });
}

function redirect(status: number, location: string): Reply {
  return raw(status, "", { location });
}

const seen = (server: RecordingServer) =>
  server.requests.map((r) => `${r.method} ${r.url}${r.body ? ` ${r.body}` : ""}`);

test("a GET that meets 301 then 302 (relative Locations) ends at the final resource, credentials kept on the same origin", async () => {
  env.server.reply(
    redirect(301, "/v1/assistants/asst_moved"),
    redirect(302, "asst_final?from=redirect"),
    json(200, assistantWire("asst_final")),
  );

  const res = await client().assistants.getAssistant("asst_abc123");

  expect(res.statusCode).toBe(200);
  expect(res.assistantObject!.id).toBe("asst_final");
  expect(seen(env.server)).toEqual([
    "GET /v1/assistants/asst_abc123",
    "GET /v1/assistants/asst_moved",
    "GET /v1/assistants/asst_final?from=redirect",
  ]);
  for (const request of env.server.requests) {
    expect(request.headers["authorization"]).toBe(`Bearer ${API_KEY}`);
    expect(request.headers["openai-beta"]).toBe(BETA_HEADER_VALUE);
  }
});

test("307 and 308 repeat a POST with the same body and content type", async () => {
  env.server.reply(redirect(307, "/v1/elsewhere"), redirect(308, "/v1/assistants"), json(200, assistantWire()));

  await client().assistants.createAssistant({ model: "gpt-4", name: "Math Tutor" });

  const body = '{"model":"gpt-4","name":"Math Tutor"}';
  expect(seen(env.server)).toEqual([
    `POST /v1/assistants ${body}`,
    `POST /v1/elsewhere ${body}`,
    `POST /v1/assistants ${body}`,
  ]);
  for (const request of env.server.requests) expect(request.headers["content-type"]).toBe("application/json");
});

test("303 (and 302 after a POST) turn the request into a GET without a body", async () => {
  env.server.reply(redirect(303, "/v1/assistants/asst_abc123"), json(200, assistantWire()));
  await client().assistants.createAssistant({ model: "gpt-4" });
  env.server.reply(redirect(302, "/v1/assistants/asst_abc123"), json(200, assistantWire()));
  await client().assistants.createAssistant({ model: "gpt-4" });

  expect(seen(env.server)).toEqual([
    'POST /v1/assistants {"model":"gpt-4"}',
    "GET /v1/assistants/asst_abc123",
    'POST /v1/assistants {"model":"gpt-4"}',
    "GET /v1/assistants/asst_abc123",
  ]);
  expect(env.server.requests[1].headers["content-type"]).toBeUndefined();
  expect(env.server.requests[1].headers["content-length"]).toBeUndefined();
});

test("a redirect to another origin does not carry the API key there", async () => {
  const other = await startRecordingServer();
  try {
    env.server.reply(redirect(302, `http://localhost:${other.port}/files/file-abc123/content`));
    other.reply(raw(200, "col_a,col_b\n1,2\n", { "content-type": "application/octet-stream" }));

    const res = await client().files.downloadFile("file-abc123");

    expect(Buffer.from(res.body!).toString("utf8")).toBe("col_a,col_b\n1,2\n");
    expect(seen(env.server)).toEqual(["GET /v1/files/file-abc123/content"]);
    expect(env.server.requests[0].headers["authorization"]).toBe(`Bearer ${API_KEY}`);
    expect(seen(other)).toEqual(["GET /files/file-abc123/content"]);
    expect(other.requests[0].headers["authorization"]).toBeUndefined();
    expect(JSON.stringify(other.requests[0].headers)).not.toContain(API_KEY);
  } finally {
    await other.close();
  }
});

test("with timeoutMs: 0 (no limit) every hop still has no limit", async () => {
  env.server.reply(redirect(302, "/v1/assistants/asst_final"), (req, res, seen) => {
    setTimeout(() => respond(json(200, assistantWire("asst_final")), req, res, seen), 50);
  });

  const res = await client({ timeoutMs: 0 }).assistants.getAssistant("asst_abc123");

  expect(res.assistantObject!.id).toBe("asst_final");
  expect(seen(env.server)).toEqual(["GET /v1/assistants/asst_abc123", "GET /v1/assistants/asst_final"]);
});

test("each hop gets what is left of the attempt's time limit: a slow second hop times out", async () => {
  env.server.reply(redirect(302, "/v1/assistants/asst_final"), () => undefined);

  const error = await failure(client({ timeoutMs: 200, retries: false }).assistants.getAssistant("asst_abc123"));

  expect(error).toBeInstanceOf(APITimeoutError);
  expect(env.server.requests).toHaveLength(2);
});

test("a redirect loop stops after 20 redirects with an APIError naming the status", async () => {
  env.server.fallback = redirect(302, "/v1/assistants/asst_abc123");

  const error = await failure(client().assistants.getAssistant("asst_abc123"));

  expect(error).toBeInstanceOf(APIError);
  expect((error as APIError).statusCode).toBe(302);
  expect(error.message).toMatch(/^302 Found/);
  expect(env.server.requests).toHaveLength(21);
});

test("an axios instance with maxRedirects: 0 gets the redirect back as an error, and a per-call maxRedirects wins", async () => {
  env.server.reply(redirect(302, "/v1/assistants/asst_final"));
  const error = await failure(
    client({ defaultClient: axios.create({ maxRedirects: 0 }) }).assistants.getAssistant("asst_abc123"),
  );
  expect((error as APIError).statusCode).toBe(302);
  expect(env.server.requests).toHaveLength(1);

  env.server.reply(redirect(302, "/v1/a"), redirect(302, "/v1/b"), json(200, assistantWire()));
  const second = await failure(client().assistants.getAssistant("asst_abc123", { maxRedirects: 1 }));
  expect((second as APIError).statusCode).toBe(302);
  expect(seen(env.server).slice(1)).toEqual(["GET /v1/assistants/asst_abc123", "GET /v1/a"]);
});

test("a 3xx without a Location, or with one that is not http(s), is returned as an error and not followed", async () => {
  env.server.reply(raw(302, ""), redirect(302, "ftp://example.com/file"));
  const first = await failure(client().assistants.getAssistant("asst_abc123"));
  const second = await failure(client().assistants.getAssistant("asst_abc123"));
  expect([(first as APIError).statusCode, (second as APIError).statusCode]).toEqual([302, 302]);
  expect(env.server.requests).toHaveLength(2);
});
