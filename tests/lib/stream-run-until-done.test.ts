/**
 * streamRunUntilDone with a generated SDK (tests/streaming/fixtures/runs.yaml) against a loopback
 * server: exact requests per round, deltas joined exactly, tool outputs submitted with stream: true,
 * an error event, a stream that ends too early, and abort closing the connection.
 */
import { APIStreamError, SDKError } from "../../src/internal/errors";
import { streamRunUntilDone, WaitAbortedError, type StreamEventLike, type ToolHandlers } from "../../src/lib";
import { join } from "node:path";
import { generatedSdk, type GeneratedSdk, type Untyped } from "../support/generated-sdk";
import { frame, openStream } from "../support/event-stream";
import { useRecordingServer } from "../support/recording-server";
import { ROOT } from "../support/root";

const server = useRecordingServer();
let pkg: GeneratedSdk;
let sdk: Untyped;

beforeAll(async () => {
  pkg = await generatedSdk(join(ROOT, "tests/streaming/fixtures/runs.yaml"), "stream");
  sdk = new pkg.exports.Agents({ serverURL: server.baseURL, retries: false });
}, 60_000);

const CREATE = "/v1/threads/thread_1/runs";
const SUBMIT = "/v1/threads/thread_1/runs/run_1/tool_outputs";

function run(status: string, toolCalls?: { id: string; name: string; arguments: string }[]): Record<string, unknown> {
  const calls = toolCalls?.map((c) => ({
    id: c.id,
    type: "function",
    function: { name: c.name, arguments: c.arguments },
  }));
  const action = calls ? { type: "submit_tool_outputs", submit_tool_outputs: { tool_calls: calls } } : null;
  return {
    id: "run_1",
    object: "thread.run",
    thread_id: "thread_1",
    agent_id: "agent_1",
    status,
    required_action: action,
  };
}

const message = (id: string, status: string, content: string[] = []) => ({
  id,
  thread_id: "thread_1",
  role: "assistant",
  status,
  content: content.map((value) => ({ type: "text", text: { value, annotations: [] } })),
});

const delta = (id: string, index: number, value: string) => ({
  id,
  delta: { content: [{ index, type: "text", text: { value } }] },
});

/** Answers the n-th request with the n-th list of frames; `keepOpen` leaves the last response open. */
function serve(rounds: string[][], keepOpen = false): void {
  server.fallback = async (_req, res) => {
    const index = server.requests.length - 1;
    const write = openStream(res);
    for (const text of rounds[index] ?? []) await write(text);
    if (!keepOpen || index < rounds.length - 1) res.end();
  };
}

/** The two operations through the generated SDK, as the helper takes them. */
function operations() {
  return {
    start: async (options: { signal: AbortSignal }) =>
      (await sdk.runs.createRun({ agentId: "agent_1", stream: true }, "thread_1", options)).runStreamEvent,
    submitToolOutputs: async (
      r: { id: string; threadId: string },
      toolOutputs: unknown[],
      options: { signal: AbortSignal },
    ) => (await sdk.runs.submitToolOutputs({ toolOutputs, stream: true }, r.id, r.threadId, options)).runStreamEvent,
  };
}

test("two rounds of tool calls: each round's outputs submitted with stream: true, deltas joined into messages", async () => {
  serve([
    [
      frame("thread.run.created", run("queued")),
      frame("thread.run.in_progress", run("in_progress")),
      frame("thread.message.created", message("msg_1", "in_progress")),
      frame("thread.message.delta", delta("msg_1", 0, "Let me ")),
      frame("thread.message.delta", delta("msg_1", 0, "check.")),
      frame("thread.message.completed", message("msg_1", "completed", ["Let me check."])),
      frame(
        "thread.run.requires_action",
        run("requires_action", [
          { id: "call_1", name: "getWeather", arguments: '{"city":"Paris"}' },
          { id: "call_2", name: "getTime", arguments: '{"zone":"CET"}' },
        ]),
      ),
      frame("done", "[DONE]"),
    ],
    [
      frame("thread.run.queued", run("queued")),
      frame("thread.run.step.delta", { id: "step_2", delta: { note: "ignored by the accumulator" } }),
      frame("thread.message.delta", delta("msg_2", 1, "21 °C")),
      frame("thread.message.delta", delta("msg_2", 0, "Paris: ")),
      frame("thread.message.delta", delta("msg_2", 1, ", sunny ☀")),
      frame("thread.run.requires_action", run("requires_action", [{ id: "call_3", name: "book", arguments: "{}" }])),
      frame("done", "[DONE]"),
    ],
    [
      frame("thread.message.delta", delta("msg_2", 0, "now")),
      frame("thread.message.created", message("msg_3", "completed", ["Sent whole."])),
      frame("thread.run.completed", run("completed")),
      frame("done", "[DONE]"),
    ],
  ]);
  const contexts: string[] = [];
  const tools: ToolHandlers<Untyped, Untyped> = {
    getWeather: async (args: { city: string }, context) => {
      contexts.push(`${context.toolCall.id} ${context.run.id} ${context.run.status}`);
      return { city: args.city, celsius: 21 };
    },
    getTime: (args: { zone: string }) => `12:00 ${args.zone}`,
  };
  const events: string[] = [];
  const result = await streamRunUntilDone({
    ...operations(),
    tools,
    onEvent: (e: StreamEventLike) => void events.push(e.event),
  });

  const outputs = (list: [string, string][]) =>
    JSON.stringify({ tool_outputs: list.map(([id, output]) => ({ tool_call_id: id, output })), stream: true });
  expect(server.requests.map((r) => [r.method, r.url, r.body])).toEqual([
    ["POST", CREATE, '{"agent_id":"agent_1","stream":true}'],
    [
      "POST",
      SUBMIT,
      outputs([
        ["call_1", '{"city":"Paris","celsius":21}'],
        ["call_2", "12:00 CET"],
      ]),
    ],
    ["POST", SUBMIT, outputs([["call_3", '{"error":"no handler for tool \\"book\\""}']])],
  ]);
  expect(contexts).toEqual(["call_1 run_1 requires_action"]);
  expect(result.run).toEqual({
    id: "run_1",
    object: "thread.run",
    threadId: "thread_1",
    agentId: "agent_1",
    status: "completed",
    requiredAction: null,
  });
  expect(result.run.constructor.name).toBe("Run");
  expect(result.rounds).toBe(2);
  expect(result.toolCalls.map((c) => [c.toolCallId, c.output, c.failure?.kind])).toEqual([
    ["call_1", '{"city":"Paris","celsius":21}', undefined],
    ["call_2", "12:00 CET", undefined],
    ["call_3", '{"error":"no handler for tool \\"book\\""}', "no_handler"],
  ]);
  expect(result.failures.map((c) => c.toolCallId)).toEqual(["call_3"]);
  expect(result.messages).toEqual([
    {
      id: "msg_1",
      role: "assistant",
      status: "completed",
      content: [{ index: 0, text: "Let me check." }],
      text: "Let me check.",
    },
    {
      id: "msg_2",
      role: undefined,
      status: undefined,
      content: [
        { index: 0, text: "Paris: now" },
        { index: 1, text: "21 °C, sunny ☀" },
      ],
      text: "Paris: now21 °C, sunny ☀",
    },
    {
      id: "msg_3",
      role: "assistant",
      status: "completed",
      content: [{ index: 0, text: "Sent whole." }],
      text: "Sent whole.",
    },
  ]);
  expect(events).toEqual([
    "thread.run.created",
    "thread.run.in_progress",
    "thread.message.created",
    "thread.message.delta",
    "thread.message.delta",
    "thread.message.completed",
    "thread.run.requires_action",
    "thread.run.queued",
    "thread.run.step.delta",
    "thread.message.delta",
    "thread.message.delta",
    "thread.message.delta",
    "thread.run.requires_action",
    "thread.message.delta",
    "thread.message.created",
    "thread.run.completed",
  ]);
});

test("an error event rejects with the stream's APIStreamError after forwarding the events before it", async () => {
  serve([
    [
      frame("thread.run.created", run("queued")),
      frame("error", { code: "server_error", message: "Run crashed." }),
      frame("done", "[DONE]"),
    ],
  ]);
  const events: string[] = [];
  const error = await streamRunUntilDone({
    ...operations(),
    tools: {},
    onEvent: (e: StreamEventLike) => void events.push(e.event),
  }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(pkg.exports.APIStreamError);
  expect(error).toMatchObject({
    message: "createRun: the server reported an error mid-stream: Run crashed.",
    error: { code: "server_error" },
  });
  expect(events).toEqual(["thread.run.created"]);
  expect(server.requests).toHaveLength(1);
});

test("an error event from a source that is not an SDK stream is thrown the same way", async () => {
  async function* source(): AsyncGenerator<StreamEventLike> {
    yield { event: "thread.run.created", data: { id: "run_9", threadId: "thread_9", status: "queued" } };
    yield { event: "error", data: { message: "Gone." } };
  }
  const error = await streamRunUntilDone({
    start: async () => source(),
    submitToolOutputs: async () => undefined,
    tools: {},
  }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(APIStreamError);
  expect(error).toMatchObject({
    message: "streamRunUntilDone: the server reported an error mid-stream: Gone.",
    body: '{"message":"Gone."}',
  });
});

test("a stream that ends before the run finishes is an error naming the last status", async () => {
  serve([
    [
      frame("thread.run.created", run("queued")),
      frame("thread.run.in_progress", run("in_progress")),
      frame("done", "[DONE]"),
    ],
  ]);
  const error = await streamRunUntilDone({ ...operations(), tools: {} }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(SDKError);
  expect((error as Error).message).toBe(
    'run run_1 (thread thread_1): the event stream ended before the run finished (its last status was "in_progress")',
  );
});

test("an operation that answers without a stream (no stream: true) is a clear error", async () => {
  const error = await streamRunUntilDone({
    start: async () => undefined,
    submitToolOutputs: async () => undefined,
    tools: {},
  }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(SDKError);
  expect((error as Error).message).toBe(
    "streamRunUntilDone: start gave no event stream (did its request set stream: true?)",
  );
});

test("aborting while the stream waits for events closes the connection and rejects with APIUserAbortError", async () => {
  serve([[frame("thread.run.created", run("queued")), frame("thread.run.in_progress", run("in_progress"))]], true);
  const controller = new AbortController();
  const events: string[] = [];
  const error = await streamRunUntilDone({
    ...operations(),
    tools: {},
    signal: controller.signal,
    onEvent: (e: StreamEventLike) => {
      // The server sends nothing more: the abort comes while the helper waits on the socket.
      if (events.push(e.event) === 2) setTimeout(() => controller.abort(), 10);
    },
  }).catch((e: unknown) => e);
  // The generated package's own runtime threw it (its copy of the class).
  expect(error).toBeInstanceOf(pkg.exports.APIUserAbortError);
  expect((error as Error).message).toBe(`Request aborted by the caller: POST ${server.origin}${CREATE}`);
  expect(events).toEqual(["thread.run.created", "thread.run.in_progress"]);
  expect(await server.waitForClientClose(0)).toBe(true);
});

test("aborting from an event callback stops reading at once and closes the connection", async () => {
  serve([[frame("thread.run.created", run("queued")), frame("thread.run.in_progress", run("in_progress"))]], true);
  const controller = new AbortController();
  const error = await streamRunUntilDone({
    ...operations(),
    tools: {},
    signal: controller.signal,
    onEvent: () => controller.abort(),
  }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(WaitAbortedError);
  expect((error as Error).message).toBe("waiting for run run_1 (thread thread_1) was aborted");
  expect(await server.waitForClientClose(0)).toBe(true);
});

test("aborting while the tools run submits nothing and rejects with WaitAbortedError", async () => {
  serve([
    [
      frame("thread.run.requires_action", run("requires_action", [{ id: "call_1", name: "slow", arguments: "{}" }])),
      frame("done", "[DONE]"),
    ],
  ]);
  const controller = new AbortController();
  const error = await streamRunUntilDone({
    ...operations(),
    signal: controller.signal,
    tools: {
      slow: () => controller.abort("user gave up"),
    },
  }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(WaitAbortedError);
  expect(error).toMatchObject({
    message: "waiting for run run_1 (thread thread_1) was aborted",
    cause: "user gave up",
  });
  expect(server.requests.map((r) => r.url)).toEqual([CREATE]);
});
