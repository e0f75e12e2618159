/**
 * One long streamed run as the server would send it: run lifecycle events, then blocks of run
 * steps with tool-argument deltas and messages written delta by delta (a word or two each, some
 * non-ASCII), then `thread.run.completed` and `done`. The JSON is the bench's realistic run and
 * message objects (bench/lib/fixtures.ts).
 */
import { ASSISTANT_ID, message, run, RUN_ID, THREAD_ID } from "./fixtures";

const WORDS = [
  "The",
  " median",
  " latency",
  " fell",
  " to",
  " 182",
  " ms",
  " —",
  " a",
  " 12.4%",
  " drop",
  " since",
  " März;",
  " see",
  " the",
  " chart",
  " 📈",
  ".",
];
const ARGUMENT_PIECES = ['{"ci', 'ty":', '"Pa', "ris", '","u', "nit", '":"c"', "}"];
const DELTAS_PER_MESSAGE = 60;

type Json = Record<string, unknown>;
type StepKind = "message_creation" | "tool_calls";

function sse(event: string, data: unknown): string {
  return `event: ${event}\ndata: ${typeof data === "string" ? data : JSON.stringify(data)}\n\n`;
}

function stepDetails(i: number, kind: StepKind): Json {
  if (kind === "message_creation") return { type: kind, message_creation: { message_id: `msg_bench${i}` } };
  const fn = { name: "get_weather", arguments: '{"city":"Paris"}', output: null };
  const call = { id: `call_bench${i}`, type: "function", function: fn };
  return { type: kind, tool_calls: [call] };
}

function step(i: number, status: string, kind: StepKind): Json {
  const done = status === "completed";
  return {
    id: `step_bench${i}`,
    object: "thread.run.step",
    created_at: 1700000600 + i,
    run_id: RUN_ID,
    assistant_id: ASSISTANT_ID,
    thread_id: THREAD_ID,
    type: kind,
    status,
    cancelled_at: null,
    completed_at: done ? 1700000700 + i : null,
    expires_at: null,
    failed_at: null,
    last_error: null,
    step_details: stepDetails(i, kind),
    usage: done ? { prompt_tokens: 812, completion_tokens: 64, total_tokens: 876 } : null,
  };
}

const textPart = (value: string) => ({ type: "text", text: { value, annotations: [] } });

const textDelta = (id: string, value: string) => ({
  id,
  object: "thread.message.delta",
  delta: { content: [{ index: 0, ...textPart(value) }] },
});

const argumentDelta = (i: number, piece: string) => ({
  id: `step_bench${i}`,
  object: "thread.run.step.delta",
  delta: {
    step_details: { type: "tool_calls", tool_calls: [{ index: 0, type: "function", function: { arguments: piece } }] },
  },
});

/** One message written delta by delta, inside its message-creation step. */
function messageBlock(i: number, out: string[]): void {
  const id = `msg_bench${i}`;
  const opened = { ...message(2 * i + 1), id, status: "in_progress", content: [] };
  out.push(sse("thread.run.step.created", step(i, "in_progress", "message_creation")));
  out.push(sse("thread.run.step.in_progress", step(i, "in_progress", "message_creation")));
  out.push(sse("thread.message.created", opened), sse("thread.message.in_progress", opened));
  let text = "";
  for (let d = 0; d < DELTAS_PER_MESSAGE; d++) {
    const word = WORDS[(i + d) % WORDS.length];
    text += word;
    out.push(sse("thread.message.delta", textDelta(id, word)));
  }
  out.push(sse("thread.message.completed", { ...opened, status: "completed", content: [textPart(text)] }));
  out.push(sse("thread.run.step.completed", step(i, "completed", "message_creation")));
}

/** A tool-call step whose arguments arrive in pieces. */
function toolBlock(i: number, out: string[]): void {
  out.push(sse("thread.run.step.created", step(i, "in_progress", "tool_calls")));
  for (const piece of ARGUMENT_PIECES) out.push(sse("thread.run.step.delta", argumentDelta(i, piece)));
  out.push(sse("thread.run.step.completed", step(i, "completed", "tool_calls")));
}

/** The SSE messages of a run of `events` messages (the last one is `done`, which ends the stream). */
export function streamedRun(events: number): string[] {
  const base = run();
  const out = [sse("thread.run.created", base), sse("thread.run.queued", base)];
  out.push(sse("thread.run.in_progress", { ...base, status: "in_progress", started_at: 1700000550 }));
  for (let i = 0; out.length < events - 2; i++) {
    if (i % 5 === 4) toolBlock(i, out);
    else messageBlock(i, out);
  }
  out.length = events - 2;
  out.push(sse("thread.run.completed", { ...base, status: "completed", completed_at: 1700009000 }));
  out.push(sse("done", "[DONE]"));
  return out;
}

/** The same bytes as a socket might deliver them: one message per chunk, or fixed-size pieces cut anywhere. */
export function chunked(messages: readonly string[], size: "message" | number): Buffer[] {
  if (size === "message") return messages.map((m) => Buffer.from(m));
  const all = Buffer.from(messages.join(""));
  const out: Buffer[] = [];
  for (let at = 0; at < all.length; at += size) out.push(all.subarray(at, at + size));
  return out;
}
