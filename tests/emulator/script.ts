/**
 * All 33 operations in one plausible session, for checks that look at every answer (the Prism
 * conformance test). Values are asserted by session.test.ts; this only drives the calls.
 */
import type { Gpt } from "../../src";
import type { ManualClock } from "../../src/emulator";

export async function runAllOperations(sdk: Gpt, clock: ManualClock): Promise<void> {
  const a = sdk.assistants;
  const file = (
    await sdk.files.createFile({
      purpose: "assistants",
      file: { content: Buffer.from("x,y\n1,2\n"), fileName: "d.csv" },
    })
  ).openAIFile!;
  clock.advance(500);
  await sdk.files.retrieveFile(file.id);
  await sdk.files.listFiles();

  const tools = [
    { type: "function" as const, function: { name: "lookup", parameters: { type: "object" } } },
    { type: "code_interpreter" as const },
  ];
  const assistant = (await a.createAssistant({ model: "gpt-4", name: "A", tools, fileIds: [file.id] }))
    .assistantObject!;
  await a.getAssistant(assistant.id);
  await a.modifyAssistant({ description: "d", metadata: { k: "v" } }, assistant.id);
  await a.listAssistants();
  await a.listAssistantFiles({ assistantId: assistant.id });
  await a.getAssistantFile(assistant.id, file.id);
  await a.deleteAssistantFile(assistant.id, file.id);
  await a.createAssistantFile({ fileId: file.id }, assistant.id);

  const thread = (await a.createThread({ messages: [{ role: "user", content: "hi", fileIds: [file.id] }] }))
    .threadObject!;
  await a.getThread(thread.id);
  await a.modifyThread({ metadata: { k: "v" } }, thread.id);
  const message = (await a.createMessage({ role: "user", content: 'call lookup {"q":1}' }, thread.id)).messageObject!;
  await a.getMessage(message.id, thread.id);
  await a.modifyMessage({ metadata: { k: "v" } }, message.id, thread.id);
  const first = (await a.listMessages({ threadId: thread.id, order: "asc" })).listMessagesResponse!.data[0];
  await a.listMessageFiles({ threadId: thread.id, messageId: first.id });
  await a.getMessageFile(file.id, first.id, thread.id);

  const run = (await a.createRun({ assistantId: assistant.id }, thread.id)).runObject!;
  clock.advance(1000);
  const waiting = (await a.getRun(run.id, thread.id)).runObject!;
  const call = waiting.requiredAction!.submitToolOutputs.toolCalls[0];
  await a.submitToolOuputsToRun({ toolOutputs: [{ toolCallId: call.id, output: "42" }] }, run.id, thread.id);
  clock.advance(1000);
  await a.getRun(run.id, thread.id);
  await a.modifyRun({ metadata: { k: "v" } }, run.id, thread.id);
  await a.listRuns({ threadId: thread.id });
  const steps = (await a.listRunSteps({ threadId: thread.id, runId: run.id })).listRunStepsResponse!.data;
  for (const step of steps) await a.getRunStep(run.id, step.id, thread.id);
  await a.listMessages({ threadId: thread.id });

  const drawn = (
    await a.createThreadAndRun({ assistantId: assistant.id, thread: { messages: [{ role: "user", content: "plot" }] } })
  ).runObject!;
  clock.advance(1000);
  const codeSteps = (await a.listRunSteps({ threadId: drawn.threadId, runId: drawn.id })).listRunStepsResponse!.data;
  for (const step of codeSteps) await a.getRunStep(drawn.id, step.id, drawn.threadId);
  const answer = (await a.listMessages({ threadId: drawn.threadId, limit: 1 })).listMessagesResponse!.data[0];
  const image = answer.content.find((part) => part.type === "image_file");
  if (image?.type === "image_file") await sdk.files.downloadFile(image.imageFile.fileId);

  const cancelled = (await a.createRun({ assistantId: assistant.id }, drawn.threadId)).runObject!;
  await a.cancelRun(cancelled.id, drawn.threadId);
  clock.advance(500);
  await a.getRun(cancelled.id, drawn.threadId);

  await a.deleteThread(drawn.threadId);
  await a.deleteThread(thread.id);
  await a.deleteAssistant(assistant.id);
  await sdk.files.deleteFile(file.id);
}
