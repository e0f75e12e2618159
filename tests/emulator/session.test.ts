/**
 * A scripted session through the generated SDK that touches all 33 operations, on a manual
 * clock (each run transition and each upload's processing is 500 ms on it), asserting exact values.
 */
import { Gpt } from "../../src";
import { manualClock, startEmulator, type Emulator, type ManualClock } from "../../src/emulator";
import { START_SECONDS, type WireJson } from "./support";

const ID = (prefix: string) => new RegExp(`^${prefix}[A-Za-z0-9]{24}$`);
const OPERATIONS = [
  "listFiles",
  "createFile",
  "deleteFile",
  "retrieveFile",
  "downloadFile",
  "listAssistants",
  "createAssistant",
  "getAssistant",
  "modifyAssistant",
  "deleteAssistant",
  "createThread",
  "getThread",
  "modifyThread",
  "deleteThread",
  "listMessages",
  "createMessage",
  "getMessage",
  "modifyMessage",
  "createThreadAndRun",
  "listRuns",
  "createRun",
  "getRun",
  "modifyRun",
  "submitToolOuputsToRun",
  "cancelRun",
  "listRunSteps",
  "getRunStep",
  "listAssistantFiles",
  "createAssistantFile",
  "getAssistantFile",
  "deleteAssistantFile",
  "listMessageFiles",
  "getMessageFile",
];

let emu: Emulator;
let clock: ManualClock;
let sdk: Gpt;
const lines: string[] = [];

beforeAll(async () => {
  clock = manualClock();
  emu = await startEmulator({ host: "127.0.0.1", port: 0, clock, seed: "session", log: (line) => lines.push(line) });
  sdk = new Gpt({ apiKeyAuth: "sk-test", serverURL: emu.url, retries: false });
});
afterAll(() => emu.close());

const csv = "month,sales\njan,10\nfeb,12\n";
const state: Record<string, string> = {};

test("files: upload, processing on the clock, list by purpose, download rules", async () => {
  const uploaded = (
    await sdk.files.createFile({ purpose: "assistants", file: { content: Buffer.from(csv), fileName: "sales.csv" } })
  ).openAIFile!;
  expect(uploaded).toEqual({
    id: expect.stringMatching(ID("file-")),
    object: "file",
    bytes: csv.length,
    createdAt: START_SECONDS,
    filename: "sales.csv",
    purpose: "assistants",
    status: "uploaded",
    statusDetails: null,
  });
  state.file = uploaded.id;
  clock.advance(500);
  expect((await sdk.files.retrieveFile(uploaded.id)).openAIFile).toMatchObject({
    status: "processed",
    statusDetails: null,
  });

  const empty = (
    await sdk.files.createFile({ purpose: "fine-tune", file: { content: new Uint8Array(), fileName: "empty.jsonl" } })
  ).openAIFile!;
  clock.advance(500);
  const failed = (await sdk.files.retrieveFile(empty.id)).openAIFile!;
  expect([failed.status, failed.statusDetails, failed.bytes]).toEqual(["error", "The file is empty.", 0]);

  const listed = (await sdk.files.listFiles("assistants")).listFilesResponse!;
  expect(listed.object).toBe("list");
  expect(listed.data.map((f) => f.id)).toEqual([uploaded.id]);
  expect((await sdk.files.listFiles()).listFilesResponse!.data.map((f) => f.id)).toEqual([uploaded.id, empty.id]);

  await expect(sdk.files.downloadFile(uploaded.id)).rejects.toThrow(
    "400 Bad Request: Not allowed to download files of purpose: assistants.",
  );
  expect((await sdk.files.deleteFile(empty.id)).deleteFileResponse).toEqual({
    id: empty.id,
    object: "file",
    deleted: true,
  });
  await expect(sdk.files.retrieveFile(empty.id)).rejects.toThrow(`No file found with id '${empty.id}'.`);
});

test("assistants: create, get, modify, list with cursors", async () => {
  const weather = { type: "function" as const, function: { name: "get_weather", parameters: { type: "object" } } };
  const created = (
    await sdk.assistants.createAssistant({
      model: "gpt-4-1106-preview",
      name: "Helper",
      instructions: "Be brief.",
      tools: [weather, { type: "retrieval" }],
      fileIds: [state.file],
      metadata: { team: "a" },
    })
  ).assistantObject!;
  expect(created).toEqual({
    id: expect.stringMatching(ID("asst_")),
    object: "assistant",
    createdAt: START_SECONDS + 1,
    name: "Helper",
    description: null,
    model: "gpt-4-1106-preview",
    instructions: "Be brief.",
    tools: [weather, { type: "retrieval" }],
    fileIds: [state.file],
    metadata: { team: "a" },
  });
  state.assistant = created.id;
  expect((await sdk.assistants.getAssistant(created.id)).assistantObject).toEqual(created);

  const modified = (
    await sdk.assistants.modifyAssistant({ name: "Weather helper", metadata: { team: "b" } }, created.id)
  ).assistantObject!;
  expect(modified).toEqual({ ...created, name: "Weather helper", metadata: { team: "b" } });

  // Two more in the same second: creation order is kept.
  const second = (await sdk.assistants.createAssistant({ model: "gpt-4", name: "Two" })).assistantObject!;
  const third = (await sdk.assistants.createAssistant({ model: "gpt-4", name: "Three" })).assistantObject!;
  const all = (await sdk.assistants.listAssistants()).listAssistantsResponse!;
  expect(all.data.map((a) => a.name)).toEqual(["Three", "Two", "Weather helper"]);
  expect([all.firstId, all.lastId, all.hasMore]).toEqual([third.id, created.id, false]);
  const page = (await sdk.assistants.listAssistants(undefined, undefined, 2, "asc")).listAssistantsResponse!;
  expect([page.data.map((a) => a.id), page.hasMore]).toEqual([[created.id, second.id], true]);
  const next = (await sdk.assistants.listAssistants(second.id, undefined, 2, "asc")).listAssistantsResponse!;
  expect([next.data.map((a) => a.id), next.hasMore]).toEqual([[third.id], false]);
  const end = (await sdk.assistants.listAssistants(third.id, undefined, 2, "asc")).listAssistantsResponse!;
  expect([end.data, end.firstId, end.lastId, end.hasMore]).toEqual([[], null, null, false]);
  const before = (await sdk.assistants.listAssistants(undefined, third.id, 20, "asc")).listAssistantsResponse!;
  expect(before.data.map((a) => a.id)).toEqual([created.id, second.id]);

  expect((await sdk.assistants.deleteAssistant(third.id)).deleteAssistantResponse).toEqual({
    id: third.id,
    object: "assistant.deleted",
    deleted: true,
  });
  await expect(sdk.assistants.getAssistant(third.id)).rejects.toThrow(`No assistant found with id '${third.id}'.`);
  state.second = second.id;
});

test("assistant files: attach, get, list, detach (file_ids follow)", async () => {
  const { assistant, second, file } = state;
  const attached = (await sdk.assistants.createAssistantFile({ fileId: file }, second)).assistantFileObject!;
  expect(attached).toEqual({ id: file, object: "assistant.file", createdAt: START_SECONDS + 1, assistantId: second });
  expect((await sdk.assistants.getAssistantFile(second, file)).assistantFileObject).toEqual(attached);
  expect((await sdk.assistants.getAssistant(second)).assistantObject!.fileIds).toEqual([file]);
  const list = (await sdk.assistants.listAssistantFiles({ assistantId: assistant })).listAssistantFilesResponse!;
  expect([list.data.map((f) => f.id), list.firstId, list.lastId, list.hasMore]).toEqual([[file], file, file, false]);
  expect((await sdk.assistants.deleteAssistantFile(second, file)).deleteAssistantFileResponse).toEqual({
    id: file,
    object: "assistant.file.deleted",
    deleted: true,
  });
  expect((await sdk.assistants.getAssistant(second)).assistantObject!.fileIds).toEqual([]);
  await expect(sdk.assistants.getAssistantFile(second, file)).rejects.toThrow(`No file found with id '${file}'.`);
});

test("threads and messages: create with messages, modify, list, message files", async () => {
  clock.advance(1000);
  const thread = (
    await sdk.assistants.createThread({
      messages: [{ role: "user", content: "Hello", fileIds: [state.file] }],
      metadata: { user: "u1" },
    })
  ).threadObject!;
  expect(thread).toEqual({
    id: expect.stringMatching(ID("thread_")),
    object: "thread",
    createdAt: START_SECONDS + 2,
    metadata: { user: "u1" },
  });
  state.thread = thread.id;
  expect((await sdk.assistants.getThread(thread.id)).threadObject).toEqual(thread);
  expect((await sdk.assistants.modifyThread({ metadata: { user: "u2" } }, thread.id)).threadObject!.metadata).toEqual({
    user: "u2",
  });

  const message = (
    await sdk.assistants.createMessage(
      { role: "user", content: 'What is the weather? get_weather {"city":"Paris"}' },
      thread.id,
    )
  ).messageObject!;
  expect(message).toEqual({
    id: expect.stringMatching(ID("msg_")),
    object: "thread.message",
    createdAt: START_SECONDS + 2,
    threadId: thread.id,
    role: "user",
    content: [{ type: "text", text: { value: 'What is the weather? get_weather {"city":"Paris"}', annotations: [] } }],
    assistantId: null,
    runId: null,
    fileIds: [],
    metadata: {},
  });
  expect((await sdk.assistants.getMessage(message.id, thread.id)).messageObject).toEqual(message);
  const tagged = (await sdk.assistants.modifyMessage({ metadata: { seen: "yes" } }, message.id, thread.id))
    .messageObject!;
  expect(tagged.metadata).toEqual({ seen: "yes" });

  const messages = (await sdk.assistants.listMessages({ threadId: thread.id })).listMessagesResponse!;
  const first = messages.data[1];
  expect(messages.data.map((m) => m.id)).toEqual([message.id, first.id]);
  const files = (await sdk.assistants.listMessageFiles({ threadId: thread.id, messageId: first.id }))
    .listMessageFilesResponse!;
  const messageFile = {
    id: state.file,
    object: "thread.message.file",
    createdAt: START_SECONDS + 2,
    messageId: first.id,
  };
  expect(files.data).toEqual([messageFile]);
  expect((await sdk.assistants.getMessageFile(state.file, first.id, thread.id)).messageFileObject).toEqual(messageFile);
});

test("a run with a function call: queued, in_progress, requires_action, outputs, completed", async () => {
  const { thread, assistant } = state;
  const run = (await sdk.assistants.createRun({ assistantId: assistant, metadata: { try: "1" } }, thread)).runObject!;
  expect(run).toEqual({
    id: expect.stringMatching(ID("run_")),
    object: "thread.run",
    createdAt: START_SECONDS + 2,
    threadId: thread,
    assistantId: assistant,
    status: "queued",
    requiredAction: null,
    lastError: null,
    expiresAt: START_SECONDS + 2 + 600,
    startedAt: null,
    cancelledAt: null,
    failedAt: null,
    completedAt: null,
    model: "gpt-4-1106-preview",
    instructions: "Be brief.",
    tools: [
      { type: "function", function: { name: "get_weather", parameters: { type: "object" } } },
      { type: "retrieval" },
    ],
    fileIds: [state.file],
    metadata: { try: "1" },
  });
  clock.advance(500);
  expect((await sdk.assistants.getRun(run.id, thread)).runObject).toMatchObject({
    status: "in_progress",
    startedAt: START_SECONDS + 2,
  });
  clock.advance(500);
  const waiting = (await sdk.assistants.getRun(run.id, thread)).runObject!;
  expect(waiting.status).toBe("requires_action");
  const call = waiting.requiredAction!.submitToolOutputs.toolCalls[0];
  expect(waiting.requiredAction).toEqual({
    type: "submit_tool_outputs",
    submitToolOutputs: {
      toolCalls: [
        {
          id: expect.stringMatching(ID("call_")),
          type: "function",
          function: { name: "get_weather", arguments: '{"city":"Paris"}' },
        },
      ],
    },
  });

  const steps = (await sdk.assistants.listRunSteps({ threadId: thread, runId: run.id })).listRunStepsResponse!;
  expect(steps.data).toHaveLength(1);
  const step = steps.data[0];
  expect(step).toMatchObject({
    object: "thread.run.step",
    type: "tool_calls",
    status: "in_progress",
    runId: run.id,
    completedAt: null,
  });
  expect(step.stepDetails).toEqual({
    type: "tool_calls",
    toolCalls: [
      { id: call.id, type: "function", function: { name: "get_weather", arguments: '{"city":"Paris"}', output: null } },
    ],
  });

  const submitted = (
    await sdk.assistants.submitToolOuputsToRun(
      { toolOutputs: [{ toolCallId: call.id, output: "sunny" }] },
      run.id,
      thread,
    )
  ).runObject!;
  expect([submitted.status, submitted.requiredAction]).toEqual(["queued", null]);
  clock.advance(1000);
  const done = (await sdk.assistants.getRun(run.id, thread)).runObject!;
  expect([done.status, done.completedAt]).toEqual(["completed", START_SECONDS + 4]);

  const finished = (await sdk.assistants.getRunStep(run.id, step.id, thread)).runStepObject!;
  expect([finished.status, finished.completedAt]).toEqual(["completed", START_SECONDS + 3]);
  expect(finished.stepDetails).toMatchObject({ toolCalls: [{ function: { output: "sunny" } }] });
  const allSteps = (await sdk.assistants.listRunSteps({ threadId: thread, runId: run.id, order: "asc" }))
    .listRunStepsResponse!;
  expect(allSteps.data.map((s) => s.type)).toEqual(["tool_calls", "message_creation"]);

  const [reply] = (await sdk.assistants.listMessages({ threadId: thread, limit: 1 })).listMessagesResponse!.data;
  expect(reply).toMatchObject({ role: "assistant", assistantId: assistant, runId: run.id });
  expect(reply.content).toEqual([{ type: "text", text: { value: "get_weather returned sunny.", annotations: [] } }]);
  expect(allSteps.data[1].stepDetails).toEqual({ type: "message_creation", messageCreation: { messageId: reply.id } });

  expect((await sdk.assistants.modifyRun({ metadata: { try: "2" } }, run.id, thread)).runObject!.metadata).toEqual({
    try: "2",
  });
  expect((await sdk.assistants.listRuns({ threadId: thread })).listRunsResponse!.data.map((r) => r.id)).toEqual([
    run.id,
  ]);
  state.run = run.id;
});

test("createThreadAndRun with code_interpreter: logs, a chart file that downloads, cancel", async () => {
  const analyst = (
    await sdk.assistants.createAssistant({
      model: "gpt-4",
      tools: [{ type: "code_interpreter" }],
      fileIds: [state.file],
    })
  ).assistantObject!;
  const run = (
    await sdk.assistants.createThreadAndRun({
      assistantId: analyst.id,
      thread: { messages: [{ role: "user", content: "Plot it" }] },
    })
  ).runObject!;
  expect([run.status, run.assistantId, run.tools]).toEqual(["queued", analyst.id, [{ type: "code_interpreter" }]]);
  clock.advance(1000);
  expect((await sdk.assistants.getRun(run.id, run.threadId)).runObject!.status).toBe("completed");
  const [code, creation] = (await sdk.assistants.listRunSteps({ threadId: run.threadId, runId: run.id, order: "asc" }))
    .listRunStepsResponse!.data;
  const details: WireJson = code.stepDetails;
  const image = details.toolCalls[0].codeInterpreter.outputs[1].image.fileId as string;
  expect(details.toolCalls[0].codeInterpreter).toEqual({
    input: `import pandas as pd\ndf = pd.read_csv('/mnt/data/${state.file}')\ndf.plot()`,
    outputs: [
      { type: "logs", logs: "3 rows read from sales.csv" },
      { type: "image", image: { fileId: image } },
    ],
  });
  expect(creation.type).toBe("message_creation");
  const [answer] = (await sdk.assistants.listMessages({ threadId: run.threadId, limit: 1 })).listMessagesResponse!.data;
  expect(answer.content).toEqual([
    { type: "image_file", imageFile: { fileId: image } },
    { type: "text", text: { value: "I plotted sales.csv: see the chart above.", annotations: [] } },
  ]);
  expect((await sdk.files.retrieveFile(image)).openAIFile).toMatchObject({
    purpose: "assistants_output",
    status: "processed",
    filename: "chart.png",
  });
  const png = (await sdk.files.downloadFile(image)).body!;
  expect(Buffer.from(png).subarray(1, 4).toString()).toBe("PNG");

  // A second run on that thread, cancelled while queued.
  const second = (await sdk.assistants.createRun({ assistantId: analyst.id }, run.threadId)).runObject!;
  expect((await sdk.assistants.cancelRun(second.id, run.threadId)).runObject!.status).toBe("cancelling");
  clock.advance(500);
  const cancelled = (await sdk.assistants.getRun(second.id, run.threadId)).runObject!;
  expect([cancelled.status, cancelled.cancelledAt]).toEqual(["cancelled", START_SECONDS + 5]);
});

test("deletes cascade: a thread takes its messages and runs, a file leaves its assistants", async () => {
  const { thread, run, file, assistant } = state;
  expect((await sdk.assistants.deleteThread(thread)).deleteThreadResponse).toEqual({
    id: thread,
    object: "thread.deleted",
    deleted: true,
  });
  await expect(sdk.assistants.getThread(thread)).rejects.toThrow(`No thread found with id '${thread}'.`);
  await expect(sdk.assistants.getRun(run, thread)).rejects.toThrow(`No thread found with id '${thread}'.`);
  await sdk.files.deleteFile(file);
  expect((await sdk.assistants.getAssistant(assistant)).assistantObject!.fileIds).toEqual([]);
});

test("the session touched all 33 operations, each answered 2xx at least once", () => {
  const succeeded = new Set(lines.filter((line) => / 2\d\d /.test(line)).map((line) => line.split(" ")[2]));
  expect([...succeeded].sort()).toEqual([...OPERATIONS].sort());
  expect(OPERATIONS).toHaveLength(33);
});
