/**
 * What a model turn leaves in the thread: run steps (tool calls: code interpreter and
 * retrieval; message creation), the assistant's message, and the files the code interpreter wrote.
 */
import { toSeconds } from "./clock";
import { addFile } from "./files";
import type { IdSource } from "./ids";
import type { ModelTurn } from "./model";
import { CHART_PNG } from "./png";
import type { Store, StoredRun } from "./store";
import type { Annotation, CodeOutput, MessageContent, MessageObject, RunStepObject, StepToolCall } from "./types";

/** The marker a citation annotation points at inside the message text. */
const CITATION = "【0†source】";

export interface TurnContext {
  store: Store;
  ids: IdSource;
  stored: StoredRun;
  atMs: number;
}

export function newStep(
  ctx: TurnContext,
  details: RunStepObject["step_details"],
  status: RunStepObject["status"],
): RunStepObject {
  const { run } = ctx.stored;
  const at = toSeconds(ctx.atMs);
  return ctx.stored.steps.add({
    id: ctx.ids("step_"),
    object: "thread.run.step",
    created_at: at,
    assistant_id: run.assistant_id,
    thread_id: run.thread_id,
    run_id: run.id,
    type: details.type,
    status,
    step_details: details,
    last_error: null,
    expired_at: null,
    cancelled_at: null,
    failed_at: null,
    completed_at: status === "completed" ? at : null,
    metadata: {},
  });
}

/** Adds the turn's steps and message; the run's status is the caller's business. */
export function applyTurn(ctx: TurnContext, turn: ModelTurn): void {
  const calls: StepToolCall[] = [];
  let imageFileId: string | undefined;
  if (turn.codeInterpreter) {
    const { input, logs, image } = turn.codeInterpreter;
    const outputs: CodeOutput[] = logs !== undefined ? [{ type: "logs", logs }] : [];
    if (image) {
      imageFileId = writeImage(ctx, image === true ? CHART_PNG : Buffer.from(image));
      outputs.push({ type: "image", image: { file_id: imageFileId } });
    }
    calls.push({ id: ctx.ids("call_"), type: "code_interpreter", code_interpreter: { input, outputs } });
  }
  if (turn.retrieval) calls.push({ id: ctx.ids("call_"), type: "retrieval", retrieval: {} });
  if (calls.length > 0) newStep(ctx, { type: "tool_calls", tool_calls: calls }, "completed");
  if (turn.message === undefined && imageFileId === undefined) return;

  const content: MessageContent[] = imageFileId ? [{ type: "image_file", image_file: { file_id: imageFileId } }] : [];
  if (turn.message !== undefined || turn.retrieval) content.push(textPart(turn.message ?? "", turn.retrieval));
  const message = addAssistantMessage(ctx, content);
  newStep(ctx, { type: "message_creation", message_creation: { message_id: message.id } }, "completed");
}

function writeImage(ctx: TurnContext, bytes: Buffer): string {
  const file = addFile(ctx.store, ctx.ids, {
    filename: "chart.png",
    purpose: "assistants_output",
    content: bytes,
    atMs: ctx.atMs,
    processingMs: 0,
  });
  return file.id;
}

function textPart(text: string, citation: ModelTurn["retrieval"]): MessageContent {
  if (!citation) return { type: "text", text: { value: text, annotations: [] } };
  const value = `${text}${CITATION}`;
  const annotation: Annotation = {
    type: "file_citation",
    text: CITATION,
    file_citation: { file_id: citation.fileId, quote: citation.quote },
    start_index: text.length,
    end_index: value.length,
  };
  return { type: "text", text: { value, annotations: [annotation] } };
}

function addAssistantMessage(ctx: TurnContext, content: MessageContent[]): MessageObject {
  const { run } = ctx.stored;
  const message: MessageObject = {
    id: ctx.ids("msg_"),
    object: "thread.message",
    created_at: toSeconds(ctx.atMs),
    thread_id: run.thread_id,
    role: "assistant",
    content,
    assistant_id: run.assistant_id,
    run_id: run.id,
    file_ids: [],
    metadata: {},
  };
  return ctx.store.messagesOf(run.thread_id).add(message);
}
