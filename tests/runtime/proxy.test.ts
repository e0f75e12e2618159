/**
 * Proxies from the environment still work although the runtime skips axios' per-request
 * lookup when no proxy variable is set (see src/internal/proxy.ts).
 */
import axios from "axios";
import { Gpt } from "../../src";
import { proxySetting } from "../../src/internal/proxy";
import { useFaultServer } from "../support/fault-server";
import { json } from "../support/recording-server";
import { assistantWire } from "./fixtures";

const env = useFaultServer();
const saved = { ...process.env };
afterEach(() => {
  for (const name of ["HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy", "ALL_PROXY", "all_proxy"]) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
});

test("HTTP_PROXY set when the client is built: the request goes through the proxy, with the absolute URL as its target", async () => {
  process.env.HTTP_PROXY = `http://127.0.0.1:${env.server.port}`;
  const sdk = new Gpt({ apiKeyAuth: "sk-proxy-test", serverURL: "http://api.example.invalid/v1" });
  env.server.reply(json(200, assistantWire()));

  const res = await sdk.assistants.getAssistant("asst_abc123");

  expect(res.assistantObject!.id).toBe("asst_abc123");
  expect(env.server.requests.map((r) => `${r.method} ${r.url} host=${r.headers.host}`)).toEqual([
    "GET http://api.example.invalid/v1/assistants/asst_abc123 host=api.example.invalid",
  ]);
});

test("no proxy variable set: the request goes straight to the server", async () => {
  for (const name of ["HTTP_PROXY", "http_proxy", "ALL_PROXY", "all_proxy"]) delete process.env[name];
  env.server.reply(json(200, assistantWire()));

  await new Gpt({ apiKeyAuth: "sk-proxy-test", serverURL: env.server.baseURL }).assistants.getAssistant("asst_abc123");

  expect(env.server.requests.map((r) => `${r.method} ${r.url}`)).toEqual(["GET /v1/assistants/asst_abc123"]);
});

test("a proxy given for one call wins over the runtime's direct default", async () => {
  for (const name of ["HTTP_PROXY", "http_proxy", "ALL_PROXY", "all_proxy"]) delete process.env[name];
  const sdk = new Gpt({ apiKeyAuth: "sk-proxy-test", serverURL: "http://api.example.invalid/v1" });
  env.server.reply(json(200, assistantWire()));

  await sdk.assistants.getAssistant("asst_abc123", {
    proxy: { protocol: "http", host: "127.0.0.1", port: env.server.port },
  });

  expect(env.server.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
    "GET http://api.example.invalid/v1/assistants/asst_abc123",
  ]);
});

test("proxySetting: proxy: false only when no proxy variable is set and the instance has no proxy of its own", () => {
  const plain = axios.create();
  expect(proxySetting(plain, {})).toBe(false);
  expect(proxySetting(plain, { NO_PROXY: "localhost" })).toBe(false);
  expect(proxySetting(plain, { https_proxy: "http://proxy:3128" })).toBeUndefined();
  expect(proxySetting(plain, { ALL_PROXY: "socks://proxy:1080" })).toBeUndefined();
  expect(proxySetting(axios.create({ proxy: { host: "proxy", port: 3128 } }), {})).toBeUndefined();
  expect(proxySetting(axios.create({ proxy: false }), {})).toBeUndefined();
  expect(proxySetting(plain, undefined)).toBeUndefined();
});
