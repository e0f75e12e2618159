/**
 * Proxies from the environment still work although the runtime skips axios' per-request
 * lookup when no proxy variable is set (see src/internal/proxy.ts).
 */
import axios from "axios";
import { Gpt } from "../../src";
import { proxyConfig } from "../../src/internal/proxy";
import { assistantWire, json, useFaultServer } from "./support/fault-server";

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
  env.server.queue(json(200, assistantWire()));

  const res = await sdk.assistants.getAssistant("asst_abc123");

  expect(res.assistantObject!.id).toBe("asst_abc123");
  expect(env.server.requests.map((r) => `${r.method} ${r.url} host=${r.headers.host}`)).toEqual([
    "GET http://api.example.invalid/v1/assistants/asst_abc123 host=api.example.invalid",
  ]);
});

test("no proxy variable set: the request goes straight to the server", async () => {
  for (const name of ["HTTP_PROXY", "http_proxy", "ALL_PROXY", "all_proxy"]) delete process.env[name];
  env.server.queue(json(200, assistantWire()));

  await new Gpt({ apiKeyAuth: "sk-proxy-test", serverURL: env.server.baseURL }).assistants.getAssistant("asst_abc123");

  expect(env.server.requests.map((r) => `${r.method} ${r.url}`)).toEqual(["GET /v1/assistants/asst_abc123"]);
});

test("proxyConfig: proxy: false only when no proxy variable is set and the instance has no proxy of its own", () => {
  const plain = axios.create();
  expect(proxyConfig(plain, {})).toEqual({ proxy: false });
  expect(proxyConfig(plain, { NO_PROXY: "localhost" })).toEqual({ proxy: false });
  expect(proxyConfig(plain, { https_proxy: "http://proxy:3128" })).toEqual({});
  expect(proxyConfig(plain, { ALL_PROXY: "socks://proxy:1080" })).toEqual({});
  expect(proxyConfig(axios.create({ proxy: { host: "proxy", port: 3128 } }), {})).toEqual({});
  expect(proxyConfig(axios.create({ proxy: false }), {})).toEqual({});
  expect(proxyConfig(plain, undefined)).toEqual({});
});
