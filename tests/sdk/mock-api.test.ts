/**
 * The msw mock the SDK suites stand on: it sees every request the SDK sends through axios'
 * node:http adapter (the runtime's own redirect hops and `proxy: false` included), records
 * the request line as written rather than a URL msw re-parsed, fails a request to anywhere
 * else, and gives node:http back when closed.
 */
import http from "node:http";
import { Gpt } from "../../src";
import { json, raw, useMockApi } from "../support/mock-api";
import { startRecordingServer } from "../support/recording-server";
import { API_KEY } from "./expect-request";
import { assistantWire } from "./fixtures";

const platformRequest = http.request;
const api = useMockApi();
let sdk: Gpt;
beforeAll(() => {
  sdk = new Gpt({ apiKeyAuth: API_KEY, serverURL: api.baseURL, retries: false });
});

test("the recorded target is the request line as sent: a quote stays a quote (a parsed URL writes %27)", async () => {
  api.reply(json(200, { object: "list", data: [], first_id: null, last_id: null, has_more: false }));

  await sdk.assistants.listAssistants(undefined, undefined, 5, undefined, { params: { q: "O'Brien" } });

  expect(api.single().url).toBe("/v1/assistants?limit=5&q=O'Brien");
  expect(new URL(`http://x${api.single().url}`).search).toBe("?limit=5&q=O%27Brien");
});

test("headers and body are the wire's: host, content-length of the exact bytes", async () => {
  api.reply(json(200, assistantWire));

  await sdk.assistants.createAssistant({ model: "gpt-4", name: "Zoë" });

  const seen = api.single();
  expect(seen.headers.host).toBe("api.test");
  expect(seen.body).toBe('{"model":"gpt-4","name":"Zoë"}');
  expect(seen.headers["content-length"]).toBe(String(Buffer.byteLength(seen.body)));
});

test("a redirect the runtime follows itself is intercepted hop by hop", async () => {
  api.reply(raw(307, "", { location: "/v1/assistants/asst_moved" }), json(200, assistantWire));

  const res = await sdk.assistants.getAssistant("asst_abc123");

  expect(api.lines()).toEqual(["GET /assistants/asst_abc123", "GET /assistants/asst_moved"]);
  expect(api.requests[1].headers["authorization"]).toBe(`Bearer ${API_KEY}`);
  expect(res.assistantObject!.id).toBe("asst_abc123");
});

test("a request to another origin fails its call and is listed as unhandled (useMockApi fails the test)", async () => {
  const elsewhere = new Gpt({ apiKeyAuth: API_KEY, serverURL: "http://elsewhere.test/v1", retries: false });
  // msw prints each unhandled request; here it is the point of the test. (It also leaves this failed
  // request's parser to the garbage collector, which jest --detectOpenHandles lists.)
  const printed = jest.spyOn(console, "error").mockImplementation(() => undefined);

  const error = await elsewhere.assistants.getAssistant("asst_abc123").catch((e: unknown) => e);
  printed.mockRestore();

  expect(String(error)).toMatch(
    /^APIConnectionError: Connection error: GET http:\/\/elsewhere\.test\/v1\/assistants\//,
  );
  expect(api.unhandled).toEqual(["GET http://elsewhere.test/v1/assistants/asst_abc123"]);
  expect(api.requests).toEqual([]);
  api.unhandled.length = 0;
});

test("while listening node:http is msw's; closed, it is the platform's again and calls reach a real socket", async () => {
  expect(http.request).not.toBe(platformRequest);
  api.close();
  const server = await startRecordingServer();
  try {
    expect(http.request).toBe(platformRequest);
    server.reply(json(200, assistantWire));
    await new Gpt({ apiKeyAuth: API_KEY, serverURL: server.baseURL }).assistants.getAssistant("asst_abc123");
    expect(server.lines()).toEqual(["GET /assistants/asst_abc123"]);
  } finally {
    await server.close();
    api.listen();
  }
  api.reply(json(200, assistantWire));
  await sdk.assistants.getAssistant("asst_abc123");
  expect(api.lines()).toEqual(["GET /assistants/asst_abc123"]);
});
