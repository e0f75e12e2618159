/**
 * The workflow helpers (src/lib) and the generated ...All paginators against the emulator, on
 * one manual clock: each helper's sleep moves the emulator's time, so runs and uploads advance
 * exactly as polled, without real waiting.
 */
import {
  createAndRunUntilCompletion,
  createAndWaitForProcessing,
  FileProcessingError,
  runUntilDone,
  waitForProcessing,
  waitForRun,
} from "../../src";
import { useEmulator } from "./support";

const t = useEmulator({ seed: "helpers" });
const clockOptions = () => ({ now: t.clock.now, sleep: t.clock.sleep, intervalMs: 250 });

test("createAndWaitForProcessing, waitForProcessing: processed, or FileProcessingError with details", async () => {
  const statuses: string[] = [];
  const file = await createAndWaitForProcessing(
    t.sdk,
    { purpose: "assistants", file: { content: Buffer.from("a,b\n"), fileName: "ab.csv" } },
    { ...clockOptions(), onStatus: (f) => statuses.push(f.status) },
  );
  expect([file.status, statuses]).toEqual(["processed", ["uploaded", "uploaded", "processed"]]);

  const empty = (
    await t.sdk.files.createFile({ purpose: "assistants", file: { content: new Uint8Array(), fileName: "e.txt" } })
  ).openAIFile!;
  const error = await waitForProcessing(t.sdk, empty.id, clockOptions()).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(FileProcessingError);
  expect((error as FileProcessingError).statusDetails).toBe("The file is empty.");
});

test("runUntilDone answers the emulator's function call with a handler and returns the completed run", async () => {
  const tools = [{ type: "function" as const, function: { name: "add", parameters: { type: "object" } } }];
  const assistant = (await t.sdk.assistants.createAssistant({ model: "gpt-4", tools })).assistantObject!;
  const thread = (await t.sdk.assistants.createThread({ messages: [{ role: "user", content: 'add {"a":2,"b":3}' }] }))
    .threadObject!;
  const statuses: string[] = [];
  const result = await runUntilDone(t.sdk, thread.id, {
    assistantId: assistant.id,
    tools: { add: ({ a, b }: { a: number; b: number }) => a + b },
    ...clockOptions(),
    onStatus: (run) => statuses.push(run.status),
  });
  expect([result.run.status, result.rounds, result.toolCalls.map((c) => [c.name, c.output])]).toEqual([
    "completed",
    1,
    [["add", "5"]],
  ]);
  expect(statuses).toEqual([
    "queued",
    "queued",
    "in_progress",
    "in_progress",
    "requires_action",
    "queued",
    "queued",
    "in_progress",
    "in_progress",
    "completed",
  ]);
  const [reply] = await t.sdk.assistants.listMessagesAll({ threadId: thread.id }).toArray({ max: 1 });
  expect(reply.content).toEqual([{ type: "text", text: { value: "add returned 5.", annotations: [] } }]);
});

test("createAndRunUntilCompletion and waitForRun: a completed run, then one cancelled mid-way", async () => {
  const assistant = (await t.sdk.assistants.createAssistant({ model: "gpt-4" })).assistantObject!;
  const done = await createAndRunUntilCompletion(
    t.sdk,
    { assistantId: assistant.id, thread: { messages: [{ role: "user", content: "hello" }] } },
    clockOptions(),
  );
  expect([done.status, done.completedAt]).toEqual(["completed", Math.floor(t.clock.now() / 1000)]);

  const run = (await t.sdk.assistants.createRun({ assistantId: assistant.id }, done.threadId)).runObject!;
  await t.sdk.assistants.cancelRun(run.id, done.threadId);
  const cancelled = await waitForRun(t.sdk, done.threadId, run.id, clockOptions());
  expect(cancelled.status).toBe("cancelled");
});

test("...All paginators walk 130 messages in pages of 50, in both orders", async () => {
  const thread = (await t.sdk.assistants.createThread()).threadObject!;
  for (let i = 0; i < 130; i++) await t.sdk.assistants.createMessage({ role: "user", content: `m${i}` }, thread.id);
  const text = (m: { content: unknown[] }) => (m.content[0] as { text: { value: string } }).text.value;
  const asc = await t.sdk.assistants.listMessagesAll({ threadId: thread.id, order: "asc", limit: 50 }).toArray();
  expect(asc.map(text)).toEqual(Array.from({ length: 130 }, (_, i) => `m${i}`));
  const pages: number[] = [];
  for await (const page of t.sdk.assistants.listMessagesAll({ threadId: thread.id, limit: 50 }).pages())
    pages.push(page.items.length);
  expect(pages).toEqual([50, 50, 30]);
  const newest = await t.sdk.assistants.listMessagesAll({ threadId: thread.id }).toArray({ max: 3 });
  expect(newest.map(text)).toEqual(["m129", "m128", "m127"]);
  expect((await t.sdk.assistants.listAssistantsAll({ order: "asc" }).toArray()).length).toBe(2);
});
