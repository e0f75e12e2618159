/** The run state machine at its edges: the thread lock, tool outputs, cancel, expiry, a failing model, retrieval. */
import type { ModelContext } from "../../src/emulator";
import { apiError, raw, useEmulator, type WireJson } from "./support";

const contexts: ModelContext[] = [];
const t = useEmulator({
  seed: "runs",
  model: (context) => {
    contexts.push(context);
    const text = (context.messages.at(-1)!.content[0] as { text: { value: string } }).text.value;
    if (text === "explode") throw new Error("no more tokens");
    if (text === "two calls" && context.toolOutputs.length === 0) {
      return {
        toolCalls: [
          { name: "a", arguments: { n: 1 } },
          { name: "b", arguments: "{}" },
        ],
      };
    }
    if (text === "cite" && context.files.length > 0) {
      return { message: "The first line says hello.", retrieval: { fileId: context.files[0].id, quote: "hello" } };
    }
    return { message: `outputs: ${context.toolOutputs.map((o) => `${o.name}=${o.output}`).join(",")}` };
  },
});

async function setUp(content: string, fileIds: string[] = []) {
  const tools = [
    { type: "function", function: { name: "a" } },
    { type: "function", function: { name: "b" } },
    { type: "retrieval" },
  ];
  const assistant = (await raw(t.emu, "POST", "/v1/assistants", { body: { model: "m", tools, file_ids: fileIds } }))
    .json.id;
  const thread = (await raw(t.emu, "POST", "/v1/threads", { body: { messages: [{ role: "user", content }] } })).json.id;
  const run = (await raw(t.emu, "POST", `/v1/threads/${thread}/runs`, { body: { assistant_id: assistant } })).json.id;
  const get = async () => (await raw(t.emu, "GET", `/v1/threads/${thread}/runs/${run}`)).json;
  return { assistant, thread, run, get };
}

test("the thread is locked while a run is active, and free again once it ends", async () => {
  const { assistant, thread, run, get } = await setUp("two calls");
  const message = await raw(t.emu, "POST", `/v1/threads/${thread}/messages`, {
    body: { role: "user", content: "more" },
  });
  expect([message.status, message.json]).toEqual([
    400,
    apiError(`Can't add messages to ${thread} while a run ${run} is active.`),
  ]);
  const second = await raw(t.emu, "POST", `/v1/threads/${thread}/runs`, { body: { assistant_id: assistant } });
  expect([second.status, second.json]).toEqual([400, apiError(`Thread ${thread} already has an active run ${run}.`)]);
  t.clock.advance(1000);
  expect((await get()).status).toBe("requires_action");
  await raw(t.emu, "POST", `/v1/threads/${thread}/runs/${run}/cancel`);
  t.clock.advance(500);
  expect((await get()).status).toBe("cancelled");
  expect(
    (await raw(t.emu, "POST", `/v1/threads/${thread}/messages`, { body: { role: "user", content: "ok" } })).status,
  ).toBe(200);
});

test("tool outputs must answer every pending call, once, and only in requires_action", async () => {
  const { thread, run, get } = await setUp("two calls");
  const submit = (tool_outputs: unknown) =>
    raw(t.emu, "POST", `/v1/threads/${thread}/runs/${run}/submit_tool_outputs`, { body: { tool_outputs } });
  expect((await submit([])).json).toEqual(apiError('Runs in status "queued" do not accept tool outputs.'));
  t.clock.advance(1000);
  const calls = (await get()).required_action.submit_tool_outputs.tool_calls;
  expect(calls.map((c: WireJson) => [c.function.name, c.function.arguments])).toEqual([
    ["a", '{"n":1}'],
    ["b", "{}"],
  ]);
  const [a, b] = calls.map((c: WireJson) => c.id);
  const expected = `Expected tool outputs for call_ids ['${a}', '${b}']`;
  expect((await submit([{ tool_call_id: a, output: "1" }])).json).toEqual(
    apiError(`${expected}, got ['${a}'].`, "tool_outputs"),
  );
  expect(
    (
      await submit([
        { tool_call_id: a, output: "1" },
        { tool_call_id: "call_x", output: "2" },
      ])
    ).json,
  ).toEqual(apiError(`${expected}, got ['${a}', 'call_x'].`, "tool_outputs"));
  expect((await submit([{ tool_call_id: a }, { tool_call_id: a }])).status).toBe(400);
  expect(
    (
      await submit([
        { tool_call_id: b, output: "2" },
        { tool_call_id: a, output: "1" },
      ])
    ).json.status,
  ).toBe("queued");
  t.clock.advance(1000);
  expect((await get()).status).toBe("completed");
  expect(contexts.at(-1)!.toolOutputs).toEqual([
    { toolCallId: a, name: "a", arguments: '{"n":1}', output: "1" },
    { toolCallId: b, name: "b", arguments: "{}", output: "2" },
  ]);
  const [reply] = (await raw(t.emu, "GET", `/v1/threads/${thread}/messages?limit=1`)).json.data;
  expect(reply.content[0].text.value).toBe("outputs: a=1,b=2");
  const cancel = await raw(t.emu, "POST", `/v1/threads/${thread}/runs/${run}/cancel`);
  expect([cancel.status, cancel.json]).toEqual([400, apiError("Cannot cancel run with status 'completed'.")]);
});

test("a run still waiting at expires_at expires, with its pending step", async () => {
  const { thread, run, get } = await setUp("two calls");
  const created = await get();
  t.clock.advance(600_000);
  const expired = await get();
  expect([expired.status, expired.expires_at, expired.required_action]).toEqual([
    "expired",
    created.created_at + 600,
    null,
  ]);
  const [step] = (await raw(t.emu, "GET", `/v1/threads/${thread}/runs/${run}/steps`)).json.data;
  expect([step.status, step.expired_at]).toEqual(["expired", created.created_at + 600]);
});

test("a model that throws fails the run with server_error", async () => {
  const { get } = await setUp("explode");
  t.clock.advance(1000);
  const failed = await get();
  expect([failed.status, failed.last_error, failed.failed_at]).toEqual([
    "failed",
    { code: "server_error", message: "The model failed: no more tokens" },
    Math.floor(t.clock.now() / 1000),
  ]);
});

test("retrieval adds a retrieval step and a file_citation annotation", async () => {
  const form = new FormData();
  form.append("purpose", "assistants");
  form.append("file", new Blob(["hello\nworld\n"]), "notes.txt");
  const file = await (
    await fetch(`${t.emu.url}/files`, { method: "POST", headers: { authorization: "Bearer k" }, body: form })
  ).json();
  const { thread, run } = await setUp("cite", [file.id]);
  t.clock.advance(1000);
  const [reply] = (await raw(t.emu, "GET", `/v1/threads/${thread}/messages?limit=1`)).json.data;
  const value = "The first line says hello.【0†source】";
  expect(reply.content).toEqual([
    {
      type: "text",
      text: {
        value,
        annotations: [
          {
            type: "file_citation",
            text: "【0†source】",
            file_citation: { file_id: file.id, quote: "hello" },
            start_index: 26,
            end_index: value.length,
          },
        ],
      },
    },
  ]);
  const steps = (await raw(t.emu, "GET", `/v1/threads/${thread}/runs/${run}/steps?order=asc`)).json.data;
  expect(steps.map((s: WireJson) => s.step_details.type)).toEqual(["tool_calls", "message_creation"]);
  expect(steps[0].step_details.tool_calls).toEqual([
    { id: expect.stringMatching(/^call_/), type: "retrieval", retrieval: {} },
  ]);
});
