/**
 * Envelope streams through a generated SDK (tests/streaming/fixtures/runs.yaml, whose events are a
 * union of unions of `{ event, data }` objects) against a loopback server: each SSE message becomes
 * `{ event, data }` with `data` decoded by the model its event name picks, unknown names pass
 * through, and consumers can narrow on `event` (checked by compiling code against the package).
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { frame, openStream } from "../support/event-stream";
import { generatedSdk, type GeneratedSdk, type Untyped } from "../support/generated-sdk";
import { useRecordingServer } from "../support/recording-server";
import { ROOT } from "../support/root";
import { formatDiagnostics, typecheck } from "../support/typecheck";

const server = useRecordingServer();
let pkg: GeneratedSdk;
let sdk: Untyped;

beforeAll(async () => {
  pkg = await generatedSdk(join(ROOT, "tests/streaming/fixtures/runs.yaml"), "stream");
  sdk = new pkg.exports.Agents({ serverURL: server.baseURL, retries: false });
}, 60_000);

const RUN_WIRE = {
  id: "run_1",
  object: "thread.run",
  thread_id: "thread_1",
  agent_id: "agent_1",
  status: "queued",
  required_action: null,
};
const RUN_MODEL = {
  id: "run_1",
  object: "thread.run",
  threadId: "thread_1",
  agentId: "agent_1",
  status: "queued",
  requiredAction: null,
};

function serve(frames: string[]): void {
  server.fallback = async (_req, res) => {
    const write = openStream(res);
    for (const text of frames) await write(text);
    res.end();
  };
}

async function collect(stream: AsyncIterable<unknown>): Promise<unknown[]> {
  const out: unknown[] = [];
  for await (const item of stream) out.push(item);
  return out;
}

test("each message becomes { event, data } with data decoded by the member its event name picks", async () => {
  serve([
    frame("thread.run.created", RUN_WIRE),
    frame("thread.run.step.created", {
      id: "step_1",
      run_id: "run_1",
      status: "in_progress",
      step_details: { type: "message_creation" },
    }),
    frame("thread.message.delta", {
      id: "msg_1",
      delta: { content: [{ index: 0, type: "text", text: { value: "Hi" } }] },
    }),
    frame("thread.run.completed", { ...RUN_WIRE, status: "completed", last_error: null }),
    frame("done", "[DONE]"),
  ]);
  const res = await sdk.runs.createRun({ agentId: "agent_1", stream: true }, "thread_1");
  expect(server.requests).toEqual([
    expect.objectContaining({
      method: "POST",
      url: "/v1/threads/thread_1/runs",
      body: '{"agent_id":"agent_1","stream":true}',
    }),
  ]);
  expect(server.requests[0].headers["content-type"]).toBe("application/json");
  expect(res.run).toBeUndefined();
  const events = await collect(res.runStreamEvent);
  expect(events).toEqual([
    { event: "thread.run.created", data: RUN_MODEL },
    {
      event: "thread.run.step.created",
      data: { id: "step_1", runId: "run_1", status: "in_progress", stepDetails: { type: "message_creation" } },
    },
    {
      event: "thread.message.delta",
      data: { id: "msg_1", delta: { content: [{ index: 0, type: "text", text: { value: "Hi" } }] } },
    },
    { event: "thread.run.completed", data: { ...RUN_MODEL, status: "completed", lastError: null } },
  ]);
  // Decoded by the generated models: the run is the Run class, not plain JSON.
  expect((events[0] as { data: object }).data.constructor.name).toBe("Run");
  expect((events[3] as { data: object }).data.constructor.name).toBe("Run");
});

test("an event name the SDK does not know passes through as { event, data } with the JSON as sent", async () => {
  serve([
    frame("thread.run.step.reticulated", { spline_count: 3 }),
    frame(undefined, { plain_message: true }),
    frame("done", "[DONE]"),
  ]);
  const res = await sdk.runs.submitToolOutputs(
    { toolOutputs: [{ toolCallId: "call_1", output: "42" }], stream: true },
    "run_1",
    "thread_1",
  );
  expect(server.requests[0]).toMatchObject({
    method: "POST",
    url: "/v1/threads/thread_1/runs/run_1/tool_outputs",
    body: '{"tool_outputs":[{"tool_call_id":"call_1","output":"42"}],"stream":true}',
  });
  expect(await collect(res.runStreamEvent)).toEqual([
    { event: "thread.run.step.reticulated", data: { spline_count: 3 } },
    // A message without an `event:` line has the type "message".
    { event: "message", data: { plain_message: true } },
  ]);
});

test("an error event rejects with APIStreamError carrying the body; abort through the signal closes the connection", async () => {
  serve([frame("thread.run.created", RUN_WIRE), frame("error", { code: "rate_limit", message: "Slow down." })]);
  const failing = await sdk.runs.createRun({ agentId: "agent_1", stream: true }, "thread_1");
  const error = await collect(failing.runStreamEvent).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(pkg.exports.APIStreamError);
  expect(error).toMatchObject({
    body: '{"code":"rate_limit","message":"Slow down."}',
    error: { code: "rate_limit", message: "Slow down." },
  });

  server.reset();
  server.fallback = async (_req, res) => {
    const write = openStream(res);
    for (let i = 0; !res.destroyed && i < 1000; i++) {
      await write(
        frame("thread.message.delta", {
          id: "msg_1",
          delta: { content: [{ index: 0, type: "text", text: { value: `${i}` } }] },
        }),
      ).catch(() => undefined);
      await new Promise((r) => setTimeout(r, 2));
    }
  };
  const controller = new AbortController();
  const open = await sdk.runs.createRun({ agentId: "agent_1", stream: true }, "thread_1", {
    signal: controller.signal,
  });
  let count = 0;
  const aborted = await (async () => {
    for await (const _ of open.runStreamEvent) if (++count === 3) controller.abort();
  })().catch((caught: unknown) => caught);
  expect(count).toBe(3);
  expect(aborted).toBeInstanceOf(pkg.exports.APIUserAbortError);
  expect(await server.waitForClientClose(0)).toBe(true);
});

const CONSUMER = `
import { Agents, type shared } from "./index";
import { streamRunUntilDone } from ${JSON.stringify(join(ROOT, "src", "lib"))};

export async function texts(stream: AsyncIterable<shared.RunStreamEvent>): Promise<string[]> {
  const out: string[] = [];
  for await (const e of stream) {
    if (e.event === "thread.message.delta") {
      for (const part of e.data.delta.content ?? []) out.push(part.text?.value ?? "");
    } else if (e.event === "thread.run.requires_action") {
      for (const call of e.data.requiredAction?.submitToolOutputs.toolCalls ?? []) out.push(call.function.name);
    }
    // @ts-expect-error: before narrowing, data may be a run, which has no delta
    void e.data.delta;
    if (e.event === "thread.run.completed") {
      // @ts-expect-error: a run has no delta
      void e.data.delta;
    }
  }
  return out;
}

export async function follow(sdk: Agents): Promise<(string | undefined)[]> {
  const result = await streamRunUntilDone({
    start: async (options) => (await sdk.runs.createRun({ agentId: "agent_1", stream: true }, "thread_1", options)).runStreamEvent,
    submitToolOutputs: async (run, toolOutputs, options) =>
      (await sdk.runs.submitToolOutputs({ toolOutputs, stream: true }, run.id, run.threadId, options)).runStreamEvent,
    tools: { lookup: (args: { q: string }, context) => \`\${args.q} for \${context.run.agentId ?? "?"}\` },
    onEvent: (event) => {
      if (event.event === "thread.run.step.delta") void event.data.delta;
    },
  });
  // The fixture's own Run model, not the helper's minimal one.
  const agent: string | undefined = result.run.agentId;
  return [agent, ...result.messages.map((m) => m.text)];
}
`;

test("consumers narrow on event: code using the package and the streaming helper typechecks", () => {
  const file = join(pkg.dir, "src", "consumer.ts");
  writeFileSync(file, CONSUMER);
  // Compiled as user code (strict): the helper lives outside the package, beyond its own rootDir.
  const problems = formatDiagnostics(typecheck({ files: [file] }));
  expect(problems).toBe("");
}, 120_000);
