/** Opt-in faults: rate limits, quota, 5xx bursts, latency, dropped connections, slow bodies; and close(). */
import { APIConnectionError, Gpt, InternalServerError, RateLimitError } from "../../src";
import { startEmulator } from "../../src/emulator";
import { ManualClock as RuntimeClock } from "../support/clock";
import { raw, useEmulator } from "./support";

const t = useEmulator({ seed: "faults" });
afterEach(() => t.emu.faults.clear());

test("rate_limit: 429 with retry-after and x-ratelimit-* headers, for the named operation only", async () => {
  t.emu.faults.add({ kind: "rate_limit", operation: "listAssistants", retryAfterSeconds: 2 });
  const limited = await raw(t.emu, "GET", "/v1/assistants");
  expect(limited.status).toBe(429);
  expect(limited.json.error).toEqual({
    message: "Rate limit reached for requests (60 per minute). Try again in 2s.",
    type: "requests",
    param: null,
    code: "rate_limit_exceeded",
  });
  expect(
    ["retry-after", "x-ratelimit-remaining-requests", "x-ratelimit-reset-requests"].map((h) => limited.headers.get(h)),
  ).toEqual(["2", "0", "2s"]);
  expect((await raw(t.emu, "GET", "/v1/files")).status).toBe(200);
});

test("insufficient_quota: a 429 the SDK does not retry", async () => {
  t.emu.faults.add({ kind: "insufficient_quota" });
  const sdk = new Gpt({ apiKeyAuth: "sk-test", serverURL: t.emu.url });
  const error = await sdk.assistants.listAssistants().catch((e: unknown) => e);
  expect(error).toBeInstanceOf(RateLimitError);
  expect([(error as RateLimitError).attempts, (error as RateLimitError).error?.code]).toEqual([
    1,
    "insufficient_quota",
  ]);
});

test("a burst of three 503s outlasts the SDK's two retries (3 attempts); the next call succeeds", async () => {
  const clock = new RuntimeClock().install();
  try {
    t.emu.faults.add({ kind: "server_error", status: 503, times: 3 });
    const sdk = new Gpt({ apiKeyAuth: "sk-test", serverURL: t.emu.url });
    const error = await sdk.assistants.listAssistants().catch((e: unknown) => e);
    expect([
      error instanceof InternalServerError,
      (error as InternalServerError).statusCode,
      (error as InternalServerError).attempts,
    ]).toEqual([true, 503, 3]);
    expect((await sdk.assistants.listAssistants()).statusCode).toBe(200);
  } finally {
    clock.restore();
  }
});

test("drop: the connection closes without an answer", async () => {
  t.emu.faults.add({ kind: "drop", times: 1 });
  const error = await t.sdk.assistants.listAssistants().catch((e: unknown) => e);
  expect(error).toBeInstanceOf(APIConnectionError);
  expect((await t.sdk.assistants.listAssistants()).statusCode).toBe(200);
});

test("latency and a slow body still deliver the whole answer", async () => {
  t.emu.faults.add({ kind: "latency", delayMs: 20, times: 1 });
  t.emu.faults.add({ kind: "slow_body", chunkBytes: 8, delayMs: 1, times: 1 });
  const created = (await t.sdk.assistants.createAssistant({ model: "gpt-4", name: "slow" })).assistantObject!;
  expect([created.name, created.model]).toEqual(["slow", "gpt-4"]);
});

test("close() ends open keep-alive connections and a request held by latency", async () => {
  const emu = await startEmulator({ latencyMs: 60_000 });
  const held = fetch(`${emu.url}/files`, { headers: { authorization: "Bearer k" } }).catch((e: unknown) => e);
  await new Promise((resolve) => setTimeout(resolve, 50));
  await emu.close();
  expect(String(await held)).toMatch(/fetch failed/);
  await emu.close();
});
