/**
 * All 33 operations in one plausible session, for checks that look at every answer (the Prism
 * conformance test). Values are asserted by session.test.ts; this only drives the calls.
 */
import type { Gpt } from "../../src";
import type { ManualClock } from "../../src/emulator";

type Assistants = Gpt["assistants"];

export async function runAllOperations(sdk: Gpt, clock: ManualClock): Promise<void> {
  const a = sdk.assistants;
  const fileId = await fileCalls(sdk, clock);
  const assistantId = await assistantCalls(a, fileId);
  const threadId = await threadAndMessageCalls(a, fileId);
  await runCalls(a, clock, assistantId, threadId);
  const drawnThreadId = await codeInterpreterCalls(sdk, clock, assistantId);
  await cancelCalls(a, clock, assistantId, drawnThreadId);

  await a.deleteThread(drawnThreadId);
  await a.deleteThread(threadId);
  await a.deleteAssistant(assistantId);
  await sdk.files.deleteFile(fileId);
}

/** Uploads a CSV (processed after 500 ms), reads it back and lists files; returns its id. */
async function fileCalls(sdk: Gpt, clock: ManualClock): Promise<string> {
  const file = (
    await sdk.files.createFile({
      purpose: "assistants",
      file: { content: Buffer.from("x,y\n1,2\n"), fileName: "d.csv" },
    })
  ).openAIFile!;
  clock.advance(500);
  await sdk.files.retrieveFile(file.id);
  await sdk.files.listFiles();
  return file.id;
}

/** An assistant with a function tool and code interpreter, and every call on it and its files; returns its id. */
async function assistantCalls(a: Assistants, fileId: string): Promise<string> {
  const tools = [
    { type: "function" as const, function: { name: "lookup", parameters: { type: "object" } } },
    { type: "code_interpreter" as const },
  ];
  const assistant = (await a.createAssistant({ model: "gpt-4", name: "A", tools, fileIds: [fileId] })).assistantObject!;
  await a.getAssistant(assistant.id);
  await a.modifyAssistant({ description: "d", metadata: { k: "v" } }, assistant.id);
  await a.listAssistants();
  await a.listAssistantFiles({ assistantId: assistant.id });
  await a.getAssistantFile(assistant.id, fileId);
  await a.deleteAssistantFile(assistant.id, fileId);
  await a.createAssistantFile({ fileId }, assistant.id);
  return assistant.id;
}

/** A thread with a message that asks for the function tool, and every call on threads and messages; returns its id. */
async function threadAndMessageCalls(a: Assistants, fileId: string): Promise<string> {
  const thread = (await a.createThread({ messages: [{ role: "user", content: "hi", fileIds: [fileId] }] }))
    .threadObject!;
  await a.getThread(thread.id);
  await a.modifyThread({ metadata: { k: "v" } }, thread.id);
  const message = (await a.createMessage({ role: "user", content: 'call lookup {"q":1}' }, thread.id)).messageObject!;
  await a.getMessage(message.id, thread.id);
  await a.modifyMessage({ metadata: { k: "v" } }, message.id, thread.id);
  const first = (await a.listMessages({ threadId: thread.id, order: "asc" })).listMessagesResponse!.data[0];
  await a.listMessageFiles({ threadId: thread.id, messageId: first.id });
  await a.getMessageFile(fileId, first.id, thread.id);
  return thread.id;
}

/** A run that stops for the tool call, gets its output and completes; then its steps and the thread's messages. */
async function runCalls(a: Assistants, clock: ManualClock, assistantId: string, threadId: string): Promise<void> {
  const run = (await a.createRun({ assistantId }, threadId)).runObject!;
  clock.advance(1000);
  const waiting = (await a.getRun(run.id, threadId)).runObject!;
  const call = waiting.requiredAction!.submitToolOutputs.toolCalls[0];
  await a.submitToolOuputsToRun({ toolOutputs: [{ toolCallId: call.id, output: "42" }] }, run.id, threadId);
  clock.advance(1000);
  await a.getRun(run.id, threadId);
  await a.modifyRun({ metadata: { k: "v" } }, run.id, threadId);
  await a.listRuns({ threadId });
  const steps = (await a.listRunSteps({ threadId, runId: run.id })).listRunStepsResponse!.data;
  for (const step of steps) await a.getRunStep(run.id, step.id, threadId);
  await a.listMessages({ threadId });
}

/** A new thread and run that draws a chart: its steps, and the image downloaded; returns the thread's id. */
async function codeInterpreterCalls(sdk: Gpt, clock: ManualClock, assistantId: string): Promise<string> {
  const a = sdk.assistants;
  const drawn = (await a.createThreadAndRun({ assistantId, thread: { messages: [{ role: "user", content: "plot" }] } }))
    .runObject!;
  clock.advance(1000);
  const codeSteps = (await a.listRunSteps({ threadId: drawn.threadId, runId: drawn.id })).listRunStepsResponse!.data;
  for (const step of codeSteps) await a.getRunStep(drawn.id, step.id, drawn.threadId);
  const answer = (await a.listMessages({ threadId: drawn.threadId, limit: 1 })).listMessagesResponse!.data[0];
  const image = answer.content.find((part) => part.type === "image_file");
  if (image?.type === "image_file") await sdk.files.downloadFile(image.imageFile.fileId);
  return drawn.threadId;
}

/** A run cancelled before it finishes, read back once it has. */
async function cancelCalls(a: Assistants, clock: ManualClock, assistantId: string, threadId: string): Promise<void> {
  const cancelled = (await a.createRun({ assistantId }, threadId)).runObject!;
  await a.cancelRun(cancelled.id, threadId);
  clock.advance(500);
  await a.getRun(cancelled.id, threadId);
}
