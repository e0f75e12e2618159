/**
 * runUntilDone: the tool-call loop. Exact request sequences, exact submit bodies, handlers
 * run in parallel, and each failure policy.
 */
import { WaitAbortedError, WaitTimeoutError, runUntilDone, type ToolCallContext, type shared } from "../../src";
import { ManualClock } from "../support/clock";
import { useMockApi } from "../support/mock-api";
import { ASSISTANT, RUN, THREAD, newSdk, requiresActionWire, runWire } from "./fixtures";

const api = useMockApi();
const sdk = newSdk(api);

const CREATE_RUN = `POST /threads/${THREAD}/runs`;
const GET_RUN = `GET /threads/${THREAD}/runs/${RUN}`;
const SUBMIT = `POST /threads/${THREAD}/runs/${RUN}/submit_tool_outputs`;
const CANCEL = `POST /threads/${THREAD}/runs/${RUN}/cancel`;

/** Resolves once `count` callers have arrived: proves handlers of a round run at the same time. */
function barrier(count: number) {
  let arrived = 0;
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return async () => {
    if (++arrived === count) open();
    await opened;
  };
}

describe("runUntilDone", () => {
  test("two rounds of two parallel tool calls: one submit per round with the exact outputs, then completed", async () => {
    api.reply(
      { json: runWire("queued") }, // createRun
      { json: runWire("in_progress") },
      {
        json: requiresActionWire([
          { id: "call_1", name: "getWeather", arguments: '{"city":"Paris"}' },
          { id: "call_2", name: "getTime", arguments: '{"timezone":"Europe/Paris"}' },
        ]),
      },
      { json: runWire("queued") }, // submit
      {
        json: requiresActionWire([
          { id: "call_3", name: "getWeather", arguments: '{"city":"Oslo"}' },
          { id: "call_4", name: "notify", arguments: "" },
        ]),
      },
      { json: runWire("in_progress") }, // submit
      { json: runWire("completed") },
    );
    const clock = new ManualClock();
    const seen: string[] = [];
    const round1 = barrier(2);
    const round2 = barrier(2);
    const calls: unknown[] = [];

    const result = await runUntilDone(sdk, THREAD, {
      assistantId: ASSISTANT,
      createRun: { instructions: "Use the tools." },
      tools: {
        getWeather: async (args: { city: string }, context: ToolCallContext) => {
          calls.push(["getWeather", args, context.toolCall.id, context.run.id]);
          await (args.city === "Paris" ? round1() : round2());
          return { city: args.city, celsius: args.city === "Paris" ? 21 : 4 };
        },
        getTime: async (args: { timezone: string }) => {
          calls.push(["getTime", args]);
          await round1();
          return "12:00";
        },
        notify: async (args: unknown) => {
          calls.push(["notify", args]);
          await round2();
          return undefined;
        },
      },
      onStatus: (run: shared.RunObject) => seen.push(run.status),
      // Handlers run one after the other would never pass their barrier: fail in 5 s, not hang.
      timeoutMs: 5000,
      now: clock.now,
      sleep: clock.sleep,
    });

    expect(api.lines()).toEqual([CREATE_RUN, GET_RUN, GET_RUN, SUBMIT, GET_RUN, SUBMIT, GET_RUN]);
    expect(api.requests[0].json).toEqual({ assistant_id: ASSISTANT, instructions: "Use the tools." });
    expect(api.requests[3].json).toEqual({
      tool_outputs: [
        { tool_call_id: "call_1", output: '{"city":"Paris","celsius":21}' },
        { tool_call_id: "call_2", output: "12:00" },
      ],
    });
    expect(api.requests[5].json).toEqual({
      tool_outputs: [
        { tool_call_id: "call_3", output: '{"city":"Oslo","celsius":4}' },
        { tool_call_id: "call_4", output: "" },
      ],
    });
    expect(calls).toEqual([
      ["getWeather", { city: "Paris" }, "call_1", RUN],
      ["getTime", { timezone: "Europe/Paris" }],
      ["getWeather", { city: "Oslo" }, "call_3", RUN],
      ["notify", {}],
    ]);
    expect(seen).toEqual([
      "queued",
      "in_progress",
      "requires_action",
      "queued",
      "requires_action",
      "in_progress",
      "completed",
    ]);
    expect(clock.sleeps).toEqual([1000, 1000, 1000, 1000]);
    expect(result.run.status).toBe("completed");
    expect(result.rounds).toBe(2);
    expect(result.cancelled).toBe(false);
    expect(result.failures).toEqual([]);
    expect(result.toolCalls.map((c) => [c.toolCallId, c.name, c.arguments, c.output])).toEqual([
      ["call_1", "getWeather", '{"city":"Paris"}', '{"city":"Paris","celsius":21}'],
      ["call_2", "getTime", '{"timezone":"Europe/Paris"}', "12:00"],
      ["call_3", "getWeather", '{"city":"Oslo"}', '{"city":"Oslo","celsius":4}'],
      ["call_4", "notify", "", ""],
    ]);
  });

  test('a throwing handler with onError "report" (the default): its output is {"error": message}, the others are sent as usual', async () => {
    api.reply(
      { json: runWire("queued") },
      {
        json: requiresActionWire([
          { id: "call_1", name: "lookup", arguments: '{"q":"a"}' },
          { id: "call_2", name: "explode", arguments: "{}" },
        ]),
      },
      { json: runWire("in_progress") },
      { json: runWire("completed") },
    );
    const clock = new ManualClock();
    const boom = new Error("database is down");

    const result = await runUntilDone(sdk, THREAD, {
      assistantId: ASSISTANT,
      tools: {
        lookup: (args: { q: string }) => `found ${args.q}`,
        explode: () => {
          throw boom;
        },
      },
      now: clock.now,
      sleep: clock.sleep,
    });

    expect(api.lines()).toEqual([CREATE_RUN, GET_RUN, SUBMIT, GET_RUN]);
    expect(api.requests[2].json).toEqual({
      tool_outputs: [
        { tool_call_id: "call_1", output: "found a" },
        { tool_call_id: "call_2", output: '{"error":"database is down"}' },
      ],
    });
    expect(result.run.status).toBe("completed");
    expect(result.cancelled).toBe(false);
    expect(result.failures).toHaveLength(1);
    expect(result.failures[0]).toMatchObject({
      toolCallId: "call_2",
      name: "explode",
      failure: { kind: "handler_error", message: "database is down", cause: boom },
    });
  });

  test('a throwing handler with onError "cancel": nothing is submitted, the run is cancelled and the result says so', async () => {
    api.reply(
      { json: runWire("queued") },
      {
        json: requiresActionWire([
          { id: "call_1", name: "lookup", arguments: '{"q":"a"}' },
          { id: "call_2", name: "explode", arguments: "{}" },
        ]),
      },
      { json: runWire("cancelling") }, // cancelRun
      { json: runWire("cancelled", { cancelled_at: 1699063300 }) },
    );
    const clock = new ManualClock();
    const seen: string[] = [];

    const result = await runUntilDone(sdk, THREAD, {
      assistantId: ASSISTANT,
      onError: "cancel",
      tools: {
        lookup: async () => "found",
        explode: async () => Promise.reject(new Error("nope")),
      },
      onStatus: (run) => seen.push(run.status),
      now: clock.now,
      sleep: clock.sleep,
    });

    expect(api.lines()).toEqual([CREATE_RUN, GET_RUN, CANCEL, GET_RUN]);
    expect(api.requests[2].json).toBeUndefined();
    expect(seen).toEqual(["queued", "requires_action", "cancelling", "cancelled"]);
    expect(result.cancelled).toBe(true);
    expect(result.run.status).toBe("cancelled");
    expect(result.rounds).toBe(1);
    expect(result.failures.map((f) => [f.toolCallId, f.failure?.kind, f.failure?.message])).toEqual([
      ["call_2", "handler_error", "nope"],
    ]);
  });

  test("a tool with no handler is reported as an error output", async () => {
    api.reply(
      { json: runWire("queued") },
      {
        json: requiresActionWire([
          { id: "call_1", name: "unknownFn", arguments: "{}" },
          { id: "call_2", name: "toString", arguments: "{}" },
        ]),
      },
      { json: runWire("completed") },
    );
    const clock = new ManualClock();

    const result = await runUntilDone(sdk, THREAD, {
      assistantId: ASSISTANT,
      tools: {},
      now: clock.now,
      sleep: clock.sleep,
    });

    expect(api.lines()).toEqual([CREATE_RUN, GET_RUN, SUBMIT]);
    // Names are looked up as own properties only: "toString" is not a handler.
    expect(api.requests[2].json).toEqual({
      tool_outputs: [
        { tool_call_id: "call_1", output: '{"error":"no handler for tool \\"unknownFn\\""}' },
        { tool_call_id: "call_2", output: '{"error":"no handler for tool \\"toString\\""}' },
      ],
    });
    expect(result.failures.map((f) => f.failure?.kind)).toEqual(["no_handler", "no_handler"]);
    expect(result.run.status).toBe("completed");
  });

  test("a tool with no handler, with onError cancel, cancels the run", async () => {
    api.reply(
      { json: runWire("queued") },
      { json: requiresActionWire([{ id: "call_1", name: "unknownFn", arguments: "{}" }]) },
      { json: runWire("cancelled") },
    );
    const clock = new ManualClock();

    const result = await runUntilDone(sdk, THREAD, {
      assistantId: ASSISTANT,
      tools: {},
      onError: "cancel",
      now: clock.now,
      sleep: clock.sleep,
    });

    expect(api.lines()).toEqual([CREATE_RUN, GET_RUN, CANCEL]);
    expect(result).toMatchObject({ cancelled: true, run: { status: "cancelled" } });
  });

  test("arguments that are not JSON are treated like a throwing handler; the handler is not called", async () => {
    api.reply(
      { json: runWire("queued") },
      { json: requiresActionWire([{ id: "call_1", name: "lookup", arguments: '{"q": "a"' }]) },
      { json: runWire("completed") },
    );
    const clock = new ManualClock();
    const lookup = jest.fn();

    const result = await runUntilDone(sdk, THREAD, {
      assistantId: ASSISTANT,
      tools: { lookup },
      now: clock.now,
      sleep: clock.sleep,
    });

    expect(lookup).not.toHaveBeenCalled();
    const body = api.requests[2].json as { tool_outputs: { tool_call_id: string; output: string }[] };
    expect(body.tool_outputs).toHaveLength(1);
    expect(body.tool_outputs[0].tool_call_id).toBe("call_1");
    expect(JSON.parse(body.tool_outputs[0].output).error).toMatch(/^arguments for tool "lookup" are not valid JSON: /);
    expect(result.failures[0].failure?.kind).toBe("invalid_arguments");
  });

  test("a result with no JSON form is treated like a throwing handler", async () => {
    api.reply(
      { json: runWire("queued") },
      { json: requiresActionWire([{ id: "call_1", name: "big", arguments: "{}" }]) },
      { json: runWire("completed") },
    );
    const clock = new ManualClock();

    const result = await runUntilDone(sdk, THREAD, {
      assistantId: ASSISTANT,
      tools: { big: () => 10n },
      now: clock.now,
      sleep: clock.sleep,
    });

    expect(result.failures[0].failure?.kind).toBe("invalid_output");
    expect(
      JSON.parse((api.requests[2].json as { tool_outputs: { output: string }[] }).tool_outputs[0].output).error,
    ).toMatch(/^the result of tool "big" cannot be sent as JSON/);
  });

  test("continues an existing run: no createRun, starts by polling it", async () => {
    api.reply(
      { json: requiresActionWire([{ id: "call_1", name: "echo", arguments: '{"text":"hi"}' }]) },
      { json: runWire("completed") },
    );
    const clock = new ManualClock();

    const result = await runUntilDone(sdk, THREAD, {
      runId: RUN,
      tools: { echo: ({ text }: { text: string }) => text },
      now: clock.now,
      sleep: clock.sleep,
    });

    expect(api.lines()).toEqual([GET_RUN, SUBMIT]);
    expect(api.requests[1].json).toEqual({ tool_outputs: [{ tool_call_id: "call_1", output: "hi" }] });
    expect(result.run.status).toBe("completed");
    expect(clock.sleeps).toEqual([]);
  });

  test("a run that ends without asking for tools is returned as it is (failed here)", async () => {
    api.reply(
      { json: runWire("queued") },
      { json: runWire("failed", { last_error: { code: "server_error", message: "Something went wrong." } }) },
    );
    const clock = new ManualClock();

    const result = await runUntilDone(sdk, THREAD, {
      assistantId: ASSISTANT,
      tools: {},
      now: clock.now,
      sleep: clock.sleep,
    });

    expect(result.run).toMatchObject({
      status: "failed",
      lastError: { code: "server_error", message: "Something went wrong." },
    });
    expect(result.rounds).toBe(0);
  });

  test("a required action other than submit_tool_outputs is returned, not looped on", async () => {
    api.reply({
      json: runWire("requires_action", { required_action: { type: "confirm_purchase", confirm_purchase: {} } }),
    });
    const clock = new ManualClock();

    const result = await runUntilDone(sdk, THREAD, { runId: RUN, tools: {}, now: clock.now, sleep: clock.sleep });

    expect(api.lines()).toEqual([GET_RUN]);
    expect(result.run.status).toBe("requires_action");
    expect(result.rounds).toBe(0);
  });

  test("a handler that never returns is cut off by abort: handlers see the signal, nothing is submitted", async () => {
    api.reply({ json: requiresActionWire([{ id: "call_1", name: "slow", arguments: "{}" }]) });
    const controller = new AbortController();
    let handlerSignal: AbortSignal | undefined;

    const running = runUntilDone(sdk, THREAD, {
      runId: RUN,
      signal: controller.signal,
      tools: {
        slow: (_args: unknown, { signal }: ToolCallContext) => {
          handlerSignal = signal;
          setTimeout(() => controller.abort(), 10);
          return new Promise(() => undefined);
        },
      },
    });

    await expect(running).rejects.toBeInstanceOf(WaitAbortedError);
    expect(handlerSignal?.aborted).toBe(true);
    expect(api.lines()).toEqual([GET_RUN]);
  });

  test("a handler that never returns is cut off by the deadline", async () => {
    api.reply({ json: requiresActionWire([{ id: "call_1", name: "slow", arguments: "{}" }]) });

    const error = await runUntilDone(sdk, THREAD, {
      runId: RUN,
      timeoutMs: 100,
      tools: { slow: () => new Promise(() => undefined) },
    }).catch((e) => e);

    expect(error).toBeInstanceOf(WaitTimeoutError);
    expect(error.message).toBe(
      `run ${RUN} (thread ${THREAD}) did not finish within 100 ms: last status "requires_action"`,
    );
  });

  test("one deadline covers the whole loop", async () => {
    api.reply(
      { json: runWire("queued") },
      { json: requiresActionWire([{ id: "call_1", name: "echo", arguments: "{}" }]) },
      { json: runWire("queued") },
      { json: runWire("in_progress") },
      { json: runWire("in_progress") },
    );
    const clock = new ManualClock();

    const error = await runUntilDone(sdk, THREAD, {
      assistantId: ASSISTANT,
      tools: { echo: () => "ok" },
      timeoutMs: 2500,
      now: clock.now,
      sleep: clock.sleep,
    }).catch((e) => e);

    expect(error).toBeInstanceOf(WaitTimeoutError);
    expect(error.lastStatus).toBe("in_progress");
    // create @0, poll @1000 (requires_action), submit, poll @2000, poll @2500 (deadline).
    expect(api.lines()).toEqual([CREATE_RUN, GET_RUN, SUBMIT, GET_RUN, GET_RUN]);
    expect(clock.sleeps).toEqual([1000, 1000, 500]);
    expect(api.queued()).toBe(0);
  });

  test("exactly one of assistantId and runId", async () => {
    const both = { assistantId: ASSISTANT, runId: RUN, tools: {} } as unknown as Parameters<typeof runUntilDone>[2];
    const neither = { tools: {} } as unknown as Parameters<typeof runUntilDone>[2];
    await expect(runUntilDone(sdk, THREAD, both)).rejects.toThrow(
      "give exactly one of assistantId (start a run) or runId (continue one)",
    );
    await expect(runUntilDone(sdk, THREAD, neither)).rejects.toThrow(TypeError);
    await expect(runUntilDone(sdk, THREAD, { runId: RUN, tools: {}, onError: "ignore" as "report" })).rejects.toThrow(
      'onError must be "report" or "cancel"',
    );
    expect(api.lines()).toEqual([]);
  });
});
