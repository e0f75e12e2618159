/**
 * OpenAI's own Node client of the v1 era (openai 4.28, installed as `openai-v4-28`), used as its
 * README showed, against the emulator: an assistant with a function tool and a file, a thread,
 * a message, a run polled to requires_action, tool outputs, and messages auto-paginated.
 */
import OpenAI, { toFile } from "openai-v4-28";
import { manualClock, startEmulator, type Emulator } from "../../src/emulator";

let emu: Emulator;
const clock = manualClock();
beforeAll(async () => {
  emu = await startEmulator({ clock, seed: "openai" });
});
afterAll(() => emu.close());

test("a v1 flow with the openai 4.28 client runs unchanged", async () => {
  const openai = new OpenAI({ apiKey: "sk-test", baseURL: emu.url, maxRetries: 0 });

  const file = await openai.files.create({
    file: await toFile(Buffer.from("city,temp\nParis,21\n"), "temps.csv"),
    purpose: "assistants",
  });
  expect([file.object, file.filename, file.bytes, file.purpose, file.status]).toEqual([
    "file",
    "temps.csv",
    19,
    "assistants",
    "uploaded",
  ]);

  const assistant = await openai.beta.assistants.create({
    model: "gpt-4-1106-preview",
    name: "Weather",
    tools: [
      {
        type: "function",
        function: { name: "get_weather", parameters: { type: "object", properties: { city: { type: "string" } } } },
      },
    ],
    file_ids: [file.id],
  });
  expect([assistant.object, assistant.file_ids]).toEqual(["assistant", [file.id]]);

  const thread = await openai.beta.threads.create();
  await openai.beta.threads.messages.create(thread.id, { role: "user", content: 'Call get_weather {"city":"Paris"}' });
  let run = await openai.beta.threads.runs.create(thread.id, { assistant_id: assistant.id });
  expect(run.status).toBe("queued");

  const statuses: string[] = [];
  while (run.status === "queued" || run.status === "in_progress") {
    clock.advance(500);
    run = await openai.beta.threads.runs.retrieve(thread.id, run.id);
    statuses.push(run.status);
  }
  expect(statuses).toEqual(["in_progress", "requires_action"]);
  const [call] = run.required_action!.submit_tool_outputs.tool_calls;
  expect([call.type, call.function.name, JSON.parse(call.function.arguments)]).toEqual([
    "function",
    "get_weather",
    { city: "Paris" },
  ]);

  run = await openai.beta.threads.runs.submitToolOutputs(thread.id, run.id, {
    tool_outputs: [{ tool_call_id: call.id, output: "21C" }],
  });
  expect(run.status).toBe("queued");
  clock.advance(1000);
  run = await openai.beta.threads.runs.retrieve(thread.id, run.id);
  expect(run.status).toBe("completed");

  // 25 more messages, then every page with the client's auto-pagination (limit 10: three pages and an empty one).
  for (let i = 0; i < 25; i++)
    await openai.beta.threads.messages.create(thread.id, { role: "user", content: `note ${i}` });
  const texts: string[] = [];
  for await (const message of openai.beta.threads.messages.list(thread.id, { order: "asc", limit: 10 })) {
    const part = message.content[0];
    texts.push(part.type === "text" ? `${message.role}: ${part.text.value}` : message.role);
  }
  expect(texts).toHaveLength(27);
  expect(texts.slice(0, 3)).toEqual([
    'user: Call get_weather {"city":"Paris"}',
    "assistant: get_weather returned 21C.",
    "user: note 0",
  ]);
  expect(texts[26]).toBe("user: note 24");

  const steps = await openai.beta.threads.runs.steps.list(thread.id, run.id, { order: "asc" });
  expect(steps.data.map((step: { type: string }) => step.type)).toEqual(["tool_calls", "message_creation"]);
  expect((await openai.beta.assistants.del(assistant.id)).deleted).toBe(true);
  expect((await openai.files.del(file.id)).deleted).toBe(true);
});
