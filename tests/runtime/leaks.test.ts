/**
 * 1,000 calls with mixed faults (success, retried 500, 404, truncated JSON, reset mid-body,
 * HTML 502, empty body, 429 with retry-after-ms, timeouts, aborts in flight and during the
 * backoff wait), on the real clock with short delays. Afterwards: every call ended the exact
 * way its fault dictates, the server saw the exact number of requests, no response is left
 * hanging, and once the server is closed no handle (socket, timer, server) is left behind,
 * and no promise rejection went unhandled.
 */
import {
  APIConnectionError,
  APITimeoutError,
  APIUserAbortError,
  Gpt,
  InternalServerError,
  NotFoundError,
  ResponseValidationError,
} from "../../src";
import { hang, resetMidBody } from "../support/fault-server";
import { json, raw, respond, startRecordingServer, type Handler, type Reply } from "../support/recording-server";
import { assistantWire } from "./fixtures";

const KINDS = ["ok", "flaky", "notFound", "truncated", "reset", "html", "empty", "rateLimited", "ok2", "ok3"] as const;
type Kind = (typeof KINDS)[number] | "timeout" | "abortInFlight" | "abortInBackoff";

/** How each kind ends and how many requests it costs with maxRetries 1. */
const EXPECTED: Record<Kind, { outcome: string; requests: number }> = {
  ok: { outcome: "ok", requests: 1 },
  ok2: { outcome: "ok", requests: 1 },
  ok3: { outcome: "ok", requests: 1 },
  flaky: { outcome: "ok", requests: 2 },
  rateLimited: { outcome: "ok", requests: 2 },
  notFound: { outcome: NotFoundError.name, requests: 1 },
  truncated: { outcome: ResponseValidationError.name, requests: 1 },
  empty: { outcome: ResponseValidationError.name, requests: 1 },
  reset: { outcome: APIConnectionError.name, requests: 2 },
  html: { outcome: InternalServerError.name, requests: 2 },
  timeout: { outcome: APITimeoutError.name, requests: 2 },
  abortInFlight: { outcome: APIUserAbortError.name, requests: 1 },
  abortInBackoff: { outcome: APIUserAbortError.name, requests: 1 },
};

function kindOf(i: number): Kind {
  if (i % 50 === 7) return "timeout";
  if (i % 50 === 17) return "abortInFlight";
  if (i % 50 === 27) return "abortInBackoff";
  return KINDS[i % KINDS.length];
}

function resourceCounts(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const type of process.getActiveResourcesInfo()) counts[type] = (counts[type] ?? 0) + 1;
  return counts;
}

async function eventually(check: () => boolean, ms = 3000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
}

/** Answers each call by the fault its id names (`flaky-11`), counting attempts per id. */
function faultHandler(attemptsById: Map<string, number>, controllers: Map<string, AbortController>): Handler {
  const body = JSON.stringify(assistantWire());
  return (req, res, seen) => {
    const id = decodeURIComponent(seen.url.split("/").pop()!);
    const kind = id.split("-")[0] as Kind;
    const attempt = (attemptsById.get(id) ?? 0) + 1;
    attemptsById.set(id, attempt);
    const answers: Record<Kind, Reply | Handler> = {
      ok: json(200, assistantWire(id)),
      ok2: json(200, assistantWire(id)),
      ok3: json(200, assistantWire(id)),
      flaky: attempt === 1 ? json(500, {}) : json(200, assistantWire(id)),
      rateLimited: attempt === 1 ? json(429, {}, { "retry-after-ms": "3" }) : json(200, assistantWire(id)),
      notFound: json(404, { error: { message: `No assistant found with id '${id}'.` } }),
      truncated: raw(200, body.slice(0, 30), { "content-type": "application/json" }),
      empty: raw(200, "", { "content-type": "application/json" }),
      reset: resetMidBody(body),
      html: raw(502, "<html><body>502 Bad Gateway</body></html>", { "content-type": "text/html" }),
      timeout: hang(),
      abortInFlight: hang(),
      // Asks for a 30 s wait; the abort 5 ms later must end it (and clear its timer).
      abortInBackoff: json(503, {}, { "retry-after": "30" }),
    };
    if (kind === "abortInFlight" || kind === "abortInBackoff") setTimeout(() => controllers.get(id)!.abort(), 5);
    respond(answers[kind], req, res, seen);
  };
}

/** Runs every call, 50 at a time; returns how each ended ("ok" or the error's name). */
async function runCalls(
  sdk: Gpt,
  ids: readonly string[],
  controllers: Map<string, AbortController>,
): Promise<Map<string, string>> {
  const outcomes = new Map<string, string>();
  let next = 0;
  const worker = async () => {
    while (next < ids.length) {
      const id = ids[next++];
      const controller = new AbortController();
      controllers.set(id, controller);
      try {
        // Only the never-answering kind gets a short limit; the rest must not time out under load.
        const timeoutMs = id.startsWith("timeout-") ? 1000 : undefined;
        const res = await sdk.assistants.getAssistant(id, { signal: controller.signal, timeoutMs });
        outcomes.set(id, res.assistantObject!.id === id ? "ok" : "wrong body");
      } catch (error) {
        outcomes.set(id, (error as Error).name);
      }
    }
  };
  await Promise.all(Array.from({ length: 50 }, worker));
  return outcomes;
}

test("1,000 calls with mixed faults leave no open handles, sockets or unhandled rejections", async () => {
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  process.on("unhandledRejection", onUnhandled);
  await new Promise((resolve) => setImmediate(resolve));
  const before = resourceCounts();

  const server = await startRecordingServer();
  const attemptsById = new Map<string, number>();
  const controllers = new Map<string, AbortController>();
  server.fallback = faultHandler(attemptsById, controllers);
  const ids = Array.from({ length: 1000 }, (_, i) => `${kindOf(i)}-${i}`);
  const expected = (id: string) => EXPECTED[id.split("-")[0] as Kind];
  try {
    const sdk = new Gpt({
      apiKeyAuth: "sk-leak-check-123456",
      serverURL: server.baseURL,
      retries: { maxRetries: 1, initialDelayMs: 1, maxDelayMs: 2 },
      timeoutMs: 5000,
    });
    const started = Date.now();
    const outcomes = await runCalls(sdk, ids, controllers);
    expect(Date.now() - started).toBeLessThan(20_000);

    expect(
      ids.filter((id) => outcomes.get(id) !== expected(id).outcome).map((id) => `${id}: ${outcomes.get(id)}`),
    ).toEqual([]);
    expect(
      ids
        .filter((id) => attemptsById.get(id) !== expected(id).requests)
        .map((id) => `${id}: ${attemptsById.get(id)} requests`),
    ).toEqual([]);
    expect(server.requests).toHaveLength(ids.reduce((sum, id) => sum + expected(id).requests, 0));

    // The client gave up on every hanging request by closing its socket.
    await eventually(() => server.pendingResponses() === 0);
    expect(server.pendingResponses()).toBe(0);
  } finally {
    await server.close();
    process.off("unhandledRejection", onUnhandled);
  }
  // Closing the server ends the idle keep-alive connections; after that nothing may remain.
  await eventually(() => JSON.stringify(resourceCounts()) === JSON.stringify(before));
  expect(resourceCounts()).toEqual(before);
  expect(unhandled).toEqual([]);
}, 30_000);
