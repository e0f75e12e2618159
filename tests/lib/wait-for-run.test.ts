/**
 * waitForRun and the seed's run helpers: the exact polls made, the statuses seen, the sleeps
 * asked for (with an injected clock: no real waiting), and how waits end.
 */
import {
  APIUserAbortError,
  DEFAULT_TIMEOUT_MS,
  SDKError,
  WaitAbortedError,
  WaitTimeoutError,
  createAndRunUntilCompletion,
  createAndWaitForCompletion,
  waitForCompletion,
  waitForRun,
  type shared,
} from "../../src";
import { ManualClock } from "../support/clock";
import { useMockApi } from "../support/mock-api";
import { API_KEY, RUN, THREAD, newSdk, runWire } from "./fixtures";
import { BETA_HEADER_VALUE } from "../support/pinned-spec";

const api = useMockApi();
const sdk = newSdk(api);
const GET_RUN = `GET /threads/${THREAD}/runs/${RUN}`;

function statuses() {
  const seen: string[] = [];
  return { seen, onStatus: (run: shared.RunObject) => seen.push(run.status) };
}

describe("waitForRun", () => {
  test("queued -> in_progress -> completed: 3 polls, onStatus each time, the default 1 s between polls", async () => {
    api.reply({ json: runWire("queued") }, { json: runWire("in_progress") }, { json: runWire("completed") });
    const clock = new ManualClock();
    const { seen, onStatus } = statuses();

    const run = await waitForRun(sdk, THREAD, RUN, { onStatus, now: clock.now, sleep: clock.sleep });

    expect(api.lines()).toEqual([GET_RUN, GET_RUN, GET_RUN]);
    for (const req of api.requests) {
      expect(req.headers["authorization"]).toBe(`Bearer ${API_KEY}`);
      expect(req.headers["openai-beta"]).toBe(BETA_HEADER_VALUE);
      expect(req.json).toBeUndefined();
    }
    expect(seen).toEqual(["queued", "in_progress", "completed"]);
    expect(clock.sleeps).toEqual([1000, 1000]);
    expect(run).toMatchObject({
      id: RUN,
      threadId: THREAD,
      status: "completed",
      completedAt: 1699063299,
      requiredAction: null,
    });
  });

  test("requires_action is returned at once, with the required action", async () => {
    const wire = runWire("requires_action", {
      required_action: {
        type: "submit_tool_outputs",
        submit_tool_outputs: {
          tool_calls: [
            { id: "call_1", type: "function", function: { name: "getWeather", arguments: '{"city":"Paris"}' } },
          ],
        },
      },
    });
    api.reply({ json: runWire("in_progress") }, { json: wire });
    const clock = new ManualClock();

    const run = await waitForRun(sdk, THREAD, RUN, { intervalMs: 250, now: clock.now, sleep: clock.sleep });

    expect(api.lines()).toEqual([GET_RUN, GET_RUN]);
    expect(clock.sleeps).toEqual([250]);
    expect(run.status).toBe("requires_action");
    expect(run.requiredAction).toEqual({
      type: "submit_tool_outputs",
      submitToolOutputs: {
        toolCalls: [
          { id: "call_1", type: "function", function: { name: "getWeather", arguments: '{"city":"Paris"}' } },
        ],
      },
    });
  });

  test.each(["completed", "failed", "cancelled", "expired", "incomplete"])(
    "terminal status %s stops after one poll and is returned",
    async (status) => {
      api.reply({ json: runWire(status) });
      const clock = new ManualClock();

      const run = await waitForRun(sdk, THREAD, RUN, { now: clock.now, sleep: clock.sleep });

      expect(api.lines()).toEqual([GET_RUN]);
      expect(clock.sleeps).toEqual([]);
      expect(run.status).toBe(status);
    },
  );

  test("a status the SDK does not know keeps polling until the deadline, which names it", async () => {
    // Deadline 3.5 s, interval 1 s: polls at 0, 1, 2, 3 and (the last sleep cut short) 3.5 s.
    for (let i = 0; i < 5; i++) api.reply({ json: runWire("thinking") });
    const clock = new ManualClock();
    const { seen, onStatus } = statuses();

    const error = await waitForRun(sdk, THREAD, RUN, {
      timeoutMs: 3500,
      onStatus,
      now: clock.now,
      sleep: clock.sleep,
    }).catch((e) => e);

    expect(error).toBeInstanceOf(WaitTimeoutError);
    expect(error).toBeInstanceOf(SDKError);
    expect(error.message).toBe(
      `run ${RUN} (thread ${THREAD}) did not finish within 3500 ms: last status "thinking" (a status this SDK does not know)`,
    );
    expect(error).toMatchObject({ lastStatus: "thinking", statusKnown: false, timeoutMs: 3500 });
    expect(JSON.parse(JSON.stringify(error))).toMatchObject({
      name: "WaitTimeoutError",
      lastStatus: "thinking",
      statusKnown: false,
    });
    expect(api.lines()).toEqual(Array(5).fill(GET_RUN));
    expect(seen).toEqual(Array(5).fill("thinking"));
    expect(clock.sleeps).toEqual([1000, 1000, 1000, 500]);
    expect(clock.elapsed()).toBe(3500);
  });

  test("a run stuck in a known status times out too, with that status", async () => {
    for (let i = 0; i < 3; i++) api.reply({ json: runWire("queued") });
    const clock = new ManualClock();

    const error = await waitForRun(sdk, THREAD, RUN, {
      intervalMs: 1000,
      timeoutMs: 2000,
      now: clock.now,
      sleep: clock.sleep,
    }).catch((e) => e);

    expect(error).toBeInstanceOf(WaitTimeoutError);
    expect(error.message).toBe(`run ${RUN} (thread ${THREAD}) did not finish within 2000 ms: last status "queued"`);
    expect(error).toMatchObject({ lastStatus: "queued", statusKnown: true });
    expect(api.lines()).toHaveLength(3);
  });

  test("the default deadline is 10 minutes", async () => {
    for (let i = 0; i < 7; i++) api.reply({ json: runWire("in_progress") });
    const clock = new ManualClock();

    const error = await waitForRun(sdk, THREAD, RUN, { intervalMs: 100_000, now: clock.now, sleep: clock.sleep }).catch(
      (e) => e,
    );

    expect(DEFAULT_TIMEOUT_MS).toBe(600_000);
    expect(error).toBeInstanceOf(WaitTimeoutError);
    expect(error.timeoutMs).toBe(600_000);
    expect(api.lines()).toHaveLength(7);
    expect(clock.sleeps).toEqual(Array(6).fill(100_000));
  });

  test("openai-poll-after-ms overrides the interval for the next sleep only", async () => {
    api.reply(
      { json: runWire("queued"), headers: { "openai-poll-after-ms": "2500" } },
      { json: runWire("in_progress") },
      { json: runWire("in_progress"), headers: { "openai-poll-after-ms": "300" } },
      { json: runWire("in_progress"), headers: { "openai-poll-after-ms": "soon" } },
      { json: runWire("completed"), headers: { "openai-poll-after-ms": "5000" } },
    );
    const clock = new ManualClock();

    const run = await waitForRun(sdk, THREAD, RUN, { intervalMs: 1000, now: clock.now, sleep: clock.sleep });

    expect(run.status).toBe("completed");
    expect(clock.sleeps).toEqual([2500, 1000, 300, 1000]);
    expect(api.lines()).toHaveLength(5);
  });

  test("abort between polls stops before the next poll, with WaitAbortedError carrying the reason", async () => {
    api.reply({ json: runWire("queued") }, { json: runWire("in_progress") }, { json: runWire("completed") });
    const clock = new ManualClock();
    const controller = new AbortController();
    const reason = new Error("user closed the page");
    const seen: string[] = [];

    const error = await waitForRun(sdk, THREAD, RUN, {
      signal: controller.signal,
      now: clock.now,
      sleep: clock.sleep,
      onStatus: (run) => {
        seen.push(run.status);
        if (run.status === "in_progress") controller.abort(reason);
      },
    }).catch((e) => e);

    expect(error).toBeInstanceOf(WaitAbortedError);
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect(error.message).toBe(`waiting for run ${RUN} (thread ${THREAD}) was aborted`);
    expect(error.cause).toBe(reason);
    expect(seen).toEqual(["queued", "in_progress"]);
    expect(api.lines()).toEqual([GET_RUN, GET_RUN]);
    expect(clock.sleeps).toEqual([1000]);
  });

  test("abort during a (real) sleep ends the wait at once, well within the interval", async () => {
    api.reply({ json: runWire("queued") });
    const controller = new AbortController();
    const started = Date.now();

    const waiting = waitForRun(sdk, THREAD, RUN, {
      intervalMs: 60_000,
      signal: controller.signal,
      onStatus: () => setTimeout(() => controller.abort(), 20),
    });

    await expect(waiting).rejects.toBeInstanceOf(WaitAbortedError);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(api.lines()).toEqual([GET_RUN]);
  });

  test("an already aborted signal makes no request", async () => {
    const controller = new AbortController();
    controller.abort();

    await expect(waitForRun(sdk, THREAD, RUN, { signal: controller.signal })).rejects.toBeInstanceOf(WaitAbortedError);
    expect(api.lines()).toEqual([]);
  });

  test("a failed poll request propagates the runtime's error, unchanged", async () => {
    api.reply(
      { json: runWire("queued") },
      {
        status: 404,
        json: { error: { message: "No run found", type: "invalid_request_error", param: null, code: null } },
      },
    );
    const clock = new ManualClock();

    const error = await waitForRun(sdk, THREAD, RUN, { now: clock.now, sleep: clock.sleep }).catch((e) => e);

    expect(error).toBeInstanceOf(SDKError);
    expect(error).not.toBeInstanceOf(WaitTimeoutError);
    expect(error.statusCode).toBe(404);
    expect(error.error).toMatchObject({ message: "No run found" });
    expect(api.lines()).toEqual([GET_RUN, GET_RUN]);
  });

  test("requestOptions are sent with every poll", async () => {
    api.reply({ json: runWire("queued") }, { json: runWire("completed") });
    const clock = new ManualClock();

    await waitForRun(sdk, THREAD, RUN, {
      requestOptions: { headers: { "x-trace": "t-1" } },
      now: clock.now,
      sleep: clock.sleep,
    });

    expect(api.requests.map((s) => s.headers["x-trace"])).toEqual(["t-1", "t-1"]);
  });

  test("bad options are rejected before any request", async () => {
    await expect(waitForRun(sdk, THREAD, RUN, { intervalMs: -1 })).rejects.toThrow(RangeError);
    await expect(waitForRun(sdk, THREAD, RUN, { timeoutMs: Number.POSITIVE_INFINITY })).rejects.toThrow(
      "timeoutMs must be a finite number",
    );
    expect(api.lines()).toEqual([]);
  });

  test("waitForCompletion (the seed's name) is waitForRun", () => {
    expect(waitForCompletion).toBe(waitForRun);
  });
});

describe("createAndWaitForCompletion", () => {
  test("creates the run, sees the created run first, honours its poll-after header, then polls", async () => {
    api.reply(
      { json: runWire("queued"), headers: { "openai-poll-after-ms": "500" } },
      { json: runWire("in_progress") },
      { json: runWire("completed") },
    );
    const clock = new ManualClock();
    const { seen, onStatus } = statuses();

    const run = await createAndWaitForCompletion(
      sdk,
      THREAD,
      { assistantId: "asst_abc123", instructions: "Be brief." },
      { onStatus, now: clock.now, sleep: clock.sleep },
    );

    expect(api.lines()).toEqual([`POST /threads/${THREAD}/runs`, GET_RUN, GET_RUN]);
    expect(api.requests[0].json).toEqual({ assistant_id: "asst_abc123", instructions: "Be brief." });
    expect(seen).toEqual(["queued", "in_progress", "completed"]);
    expect(clock.sleeps).toEqual([500, 1000]);
    expect(run.status).toBe("completed");
  });

  test("a timeout names the created run", async () => {
    api.reply({ json: runWire("queued") }, { json: runWire("queued") });
    const clock = new ManualClock();

    const error = await createAndWaitForCompletion(
      sdk,
      THREAD,
      { assistantId: "asst_abc123" },
      { timeoutMs: 1000, now: clock.now, sleep: clock.sleep },
    ).catch((e) => e);

    expect(error).toBeInstanceOf(WaitTimeoutError);
    expect(error.subject).toBe(`run ${RUN} (thread ${THREAD})`);
  });
});

describe("createAndRunUntilCompletion", () => {
  test("creates thread and run in one call, then polls the run on the new thread", async () => {
    api.reply({ json: runWire("queued") }, { json: runWire("completed") });
    const clock = new ManualClock();

    const run = await createAndRunUntilCompletion(
      sdk,
      {
        assistantId: "asst_abc123",
        thread: {
          messages: [
            {
              role: "user",
              content: "Create 3 data visualizations based on the trends in this file.",
              metadata: { source: "test" },
            },
          ],
        },
      },
      { now: clock.now, sleep: clock.sleep },
    );

    expect(api.lines()).toEqual(["POST /threads/runs", GET_RUN]);
    expect(api.requests[0].json).toEqual({
      assistant_id: "asst_abc123",
      thread: {
        messages: [
          {
            role: "user",
            content: "Create 3 data visualizations based on the trends in this file.",
            metadata: { source: "test" },
          },
        ],
      },
    });
    expect(run).toMatchObject({ status: "completed", threadId: THREAD });
  });
});
