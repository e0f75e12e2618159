/**
 * The run state machine. queued → in_progress → (requires_action → queued → in_progress →)
 * completed | failed; cancel: → cancelling → cancelled; anything still active at `expires_at`
 * (10 minutes after creation) → expired. Transitions are due `stepMs` apart on the emulator's
 * clock and happen when a request reads the thread, stamped with the time they were due.
 */
import { type EmulatorClock, toSeconds } from "./clock";
import { badRequest } from "./errors";
import type { IdSource } from "./ids";
import type { EmulatorModel, ModelContext, ModelTurn } from "./model";
import { applyTurn, newStep, type TurnContext } from "./run-turn";
import { Collection, type Store, type StoredRun } from "./store";
import type { AssistantObject, FunctionToolCall, Metadata, RunObject, RunStatus, Tool } from "./types";

export const RUN_LIFETIME_SECONDS = 600;
const ACTIVE: readonly RunStatus[] = ["queued", "in_progress", "requires_action", "cancelling"];

export interface RunOverrides {
  model?: string | null;
  instructions?: string | null;
  tools?: Tool[];
  metadata?: Metadata;
}

export interface RunEngineOptions {
  store: Store;
  clock: EmulatorClock;
  ids: IdSource;
  model: EmulatorModel;
  stepMs: number;
}

export function isActive(run: RunObject): boolean {
  return ACTIVE.includes(run.status);
}

export class RunEngine {
  constructor(private readonly options: RunEngineOptions) {}

  /** The thread's active run, after bringing its runs up to now. */
  activeRun(threadId: string): StoredRun | undefined {
    this.catchUpThread(threadId);
    return this.options.store
      .runsOf(threadId)
      .all()
      .find((stored) => isActive(stored.run));
  }

  create(threadId: string, assistant: AssistantObject, overrides: RunOverrides): StoredRun {
    const active = this.activeRun(threadId);
    if (active) throw badRequest(`Thread ${threadId} already has an active run ${active.id}.`);
    const now = this.options.clock.now();
    const createdAt = toSeconds(now);
    const run: RunObject = {
      id: this.options.ids("run_"),
      object: "thread.run",
      created_at: createdAt,
      thread_id: threadId,
      assistant_id: assistant.id,
      status: "queued",
      required_action: null,
      last_error: null,
      expires_at: createdAt + RUN_LIFETIME_SECONDS,
      started_at: null,
      cancelled_at: null,
      failed_at: null,
      completed_at: null,
      model: overrides.model ?? assistant.model,
      instructions: overrides.instructions ?? assistant.instructions ?? "",
      tools: overrides.tools ?? structuredClone(assistant.tools),
      file_ids: [...assistant.file_ids],
      metadata: overrides.metadata ?? {},
    };
    const stored: StoredRun = {
      id: run.id,
      run,
      nextAtMs: now + this.options.stepMs,
      assistant: structuredClone(assistant),
      toolOutputs: [],
      pendingStepId: null,
      steps: new Collection("step"),
    };
    return this.options.store.runsOf(threadId).add(stored);
  }

  get(threadId: string, runId: string): StoredRun {
    this.catchUpThread(threadId);
    return this.options.store.runsOf(threadId).get(runId);
  }

  catchUpThread(threadId: string): void {
    for (const stored of this.options.store.runsOf(threadId).all()) this.catchUp(stored);
  }

  submitToolOutputs(stored: StoredRun, outputs: { tool_call_id: string; output: string }[]): void {
    const { run } = stored;
    if (run.status !== "requires_action" || !run.required_action) {
      throw badRequest(`Runs in status "${run.status}" do not accept tool outputs.`);
    }
    const calls = run.required_action.submit_tool_outputs.tool_calls;
    checkAnswers(calls, outputs);
    const now = this.options.clock.now();
    const step = stored.steps.get(stored.pendingStepId!);
    if (step.step_details.type === "tool_calls") {
      for (const call of step.step_details.tool_calls) {
        if (call.type === "function") call.function.output = outputs.find((o) => o.tool_call_id === call.id)!.output;
      }
    }
    Object.assign(step, { status: "completed", completed_at: toSeconds(now) });
    for (const call of calls) {
      const { output } = outputs.find((o) => o.tool_call_id === call.id)!;
      stored.toolOutputs.push({
        toolCallId: call.id,
        name: call.function.name,
        arguments: call.function.arguments,
        output,
      });
    }
    Object.assign(run, { status: "queued", required_action: null });
    stored.pendingStepId = null;
    stored.nextAtMs = now + this.options.stepMs;
  }

  cancel(stored: StoredRun): void {
    const { run } = stored;
    if (!["queued", "in_progress", "requires_action"].includes(run.status)) {
      throw badRequest(`Cannot cancel run with status '${run.status}'.`);
    }
    Object.assign(run, { status: "cancelling", required_action: null });
    stored.nextAtMs = this.options.clock.now() + this.options.stepMs;
  }

  private catchUp(stored: StoredRun): void {
    const now = this.options.clock.now();
    const expiresAtMs = stored.run.expires_at * 1000;
    while (isActive(stored.run)) {
      const due = stored.nextAtMs;
      if (due !== null && due <= now && due < expiresAtMs) {
        this.transition(stored, due);
        continue;
      }
      if (now >= expiresAtMs) this.finish(stored, "expired", expiresAtMs);
      return;
    }
  }

  private transition(stored: StoredRun, atMs: number): void {
    const { run } = stored;
    if (run.status === "queued") {
      run.status = "in_progress";
      run.started_at ??= toSeconds(atMs);
      stored.nextAtMs = atMs + this.options.stepMs;
    } else if (run.status === "in_progress") {
      this.think(stored, atMs);
    } else if (run.status === "cancelling") {
      this.finish(stored, "cancelled", atMs);
    }
  }

  private think(stored: StoredRun, atMs: number): void {
    let turn: ModelTurn;
    try {
      turn = this.options.model(this.modelContext(stored));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      stored.run.last_error = { code: "server_error", message: `The model failed: ${message}` };
      this.finish(stored, "failed", atMs);
      return;
    }
    const ctx: TurnContext = { store: this.options.store, ids: this.options.ids, stored, atMs };
    if (turn.toolCalls && turn.toolCalls.length > 0) {
      this.requireAction(ctx, turn.toolCalls);
      return;
    }
    applyTurn(ctx, turn);
    this.finish(stored, "completed", atMs);
  }

  private requireAction(ctx: TurnContext, toolCalls: NonNullable<ModelTurn["toolCalls"]>): void {
    const calls: FunctionToolCall[] = toolCalls.map((call) => ({
      id: this.options.ids("call_"),
      type: "function",
      function: {
        name: call.name,
        arguments: typeof call.arguments === "string" ? call.arguments : JSON.stringify(call.arguments),
      },
    }));
    const stepCalls = calls.map((call) => ({ ...call, function: { ...call.function, output: null } }));
    const step = newStep(ctx, { type: "tool_calls", tool_calls: stepCalls }, "in_progress");
    const { stored } = ctx;
    stored.pendingStepId = step.id;
    stored.nextAtMs = null;
    stored.run.status = "requires_action";
    stored.run.required_action = { type: "submit_tool_outputs", submit_tool_outputs: { tool_calls: calls } };
  }

  /** Ends the run; a step still in progress ends the same way (cancelled, failed or expired). */
  private finish(stored: StoredRun, status: "completed" | "failed" | "cancelled" | "expired", atMs: number): void {
    const at = toSeconds(atMs);
    const { run } = stored;
    run.status = status;
    run.required_action = null;
    stored.nextAtMs = null;
    if (status === "completed") run.completed_at = at;
    if (status === "failed") run.failed_at = at;
    if (status === "cancelled") run.cancelled_at = at;
    for (const step of stored.steps.all()) {
      if (step.status !== "in_progress" || status === "completed") continue;
      step.status = status;
      if (status === "expired") step.expired_at = at;
      else if (status === "failed") Object.assign(step, { failed_at: at, last_error: run.last_error });
      else step.cancelled_at = at;
    }
  }

  private modelContext(stored: StoredRun): ModelContext {
    const { store } = this.options;
    const threadId = stored.run.thread_id;
    const messages = store.messagesOf(threadId).all();
    const fileIds = new Set([...stored.run.file_ids, ...messages.flatMap((message) => message.file_ids)]);
    const files = [...fileIds].flatMap((id) => {
      const file = store.files.find(id);
      return file ? [{ id, filename: file.object.filename, content: file.content }] : [];
    });
    return {
      assistant: stored.assistant,
      thread: store.threads.get(threadId),
      run: stored.run,
      messages,
      toolOutputs: [...stored.toolOutputs],
      files,
    };
  }
}

/** Every pending call answered once, and nothing else. */
function checkAnswers(calls: FunctionToolCall[], outputs: { tool_call_id: string }[]): void {
  const expected = calls.map((call) => call.id);
  const got = outputs.map((output) => output.tool_call_id);
  const unknown = got.find((id) => !expected.includes(id));
  const repeated = got.find((id, i) => got.indexOf(id) !== i);
  const missing = expected.filter((id) => !got.includes(id));
  if (unknown !== undefined || repeated !== undefined || missing.length > 0) {
    const list = (ids: string[]) => `[${ids.map((id) => `'${id}'`).join(", ")}]`;
    throw badRequest(`Expected tool outputs for call_ids ${list(expected)}, got ${list(got)}.`, "tool_outputs");
  }
}
