/**
 * runUntilDone's streamed counterpart: follows a run through its server-sent events instead of
 * polling. Every event goes to `onEvent`, message deltas are joined into messages, and when the
 * run stops on `requires_action` the tool handlers answer (callTools, as in runUntilDone) and the
 * outputs go back with `stream: true`, whose stream is followed next, until a terminal run event.
 *
 * Events are read by shape (`{ event, data }`, camelCase models), and the caller passes the two
 * operations as functions, so the helper works with any SDK version whose runs stream envelopes.
 */
import { APIStreamError, SDKError } from "../internal/errors";
import { WaitAbortedError } from "./errors";
import { isTerminalRunStatus } from "./run-status";
import { MessageAccumulator, type StreamedMessage } from "./stream-messages";
import { callTools, type ToolCallLike, type ToolCallOutcome, type ToolHandlers } from "./tool-calls";

/** A stream event as the helper reads it: the SSE event name and the decoded data. */
export interface StreamEventLike {
  readonly event: string;
  readonly data: unknown;
}

/** What the helper reads of a run (the data of `thread.run.*` events). */
export interface StreamedRun {
  readonly id: string;
  readonly threadId: string;
  readonly status: string;
  readonly requiredAction?: {
    readonly type: string;
    readonly submitToolOutputs?: { readonly toolCalls: readonly ToolCallLike[] } | null;
  } | null;
}

type DataOf<E, Name extends string> = E extends { readonly event: infer N; readonly data: infer D }
  ? Name extends N
    ? D
    : never
  : never;
type RunData<D> = [D] extends [never] ? StreamedRun : D extends StreamedRun ? D : StreamedRun;

/** The run model of a stream's events (the data of `thread.run.requires_action`), else StreamedRun. */
export type StreamedRunOf<E> = RunData<DataOf<E, "thread.run.requires_action">>;

/** One tool call's answer, as the submit operation's body takes it (`toolOutputs`). */
export interface StreamToolOutput {
  toolCallId: string;
  output: string;
}

/** Pass `signal` on as the request's option, so aborting closes the connection. */
export interface StreamRequestOptions {
  signal: AbortSignal;
}

/** A stream, or undefined when the server answered without one (the request lacked `stream: true`). */
type Opened<E> = Promise<AsyncIterable<E> | undefined>;

export interface StreamRunUntilDoneOptions<E extends StreamEventLike> {
  /** Starts the run with `stream: true` and returns the result's event stream. */
  start: (options: StreamRequestOptions) => Opened<E>;
  /** Submits a round's tool outputs with `stream: true` and returns the result's event stream. */
  submitToolOutputs: (
    run: StreamedRunOf<E>,
    toolOutputs: StreamToolOutput[],
    options: StreamRequestOptions,
  ) => Opened<E>;
  /** Handlers by function name; a failed call is reported as that call's output (`{"error":"..."}`). */
  tools: ToolHandlers<ToolCallLike, StreamedRunOf<E>>;
  /** Receives every event in order (awaited when it returns a promise). */
  onEvent?: (event: E) => unknown;
  /** Aborting closes the open stream and ends the helper with an APIUserAbortError. */
  signal?: AbortSignal;
}

export interface StreamRunUntilDoneResult<Run> {
  /** The run as its last event showed it: terminal, or waiting for an action this helper cannot take. */
  run: Run;
  /** The messages the run wrote, text joined from their deltas, in the order they appeared. */
  messages: StreamedMessage[];
  /** How many times the run asked for tool outputs. */
  rounds: number;
  /** Every tool call answered, round by round. */
  toolCalls: ToolCallOutcome[];
  /** The tool calls that failed (also in `toolCalls`). */
  failures: ToolCallOutcome[];
}

/**
 * Follows a streamed run to its end. Returns on a terminal run event (`completed`, `failed`,
 * `cancelled`, `expired`, `incomplete`) or on a `requires_action` other than tool outputs; throws
 * the stream's APIStreamError on an `error` event, and an SDKError if a stream ends before either.
 */
export async function streamRunUntilDone<E extends StreamEventLike>(
  options: StreamRunUntilDoneOptions<E>,
): Promise<StreamRunUntilDoneResult<StreamedRunOf<E>>> {
  type Run = StreamedRunOf<E>;
  const signal = options.signal ?? new AbortController().signal;
  const messages = new MessageAccumulator();
  const result: StreamRunUntilDoneResult<Run> = {
    run: undefined as unknown as Run,
    messages: [],
    rounds: 0,
    toolCalls: [],
    failures: [],
  };
  let stream = await opened(options.start({ signal }), "start");
  for (;;) {
    // The data of a run event is the SDK's own run model: Run.
    const run = (await follow(stream, options.onEvent, messages, signal)) as Run;
    result.run = run;
    const toolCalls = run.status === "requires_action" ? answerableCalls(run) : undefined;
    if (!toolCalls) break;
    result.rounds++;
    const outcomes = await callTools(toolCalls, options.tools, run, signal);
    result.toolCalls.push(...outcomes);
    result.failures.push(...outcomes.filter((o) => o.failure));
    if (signal.aborted) throw new WaitAbortedError(subjectOf(run), signal.reason);
    const toolOutputs = outcomes.map((o) => ({ toolCallId: o.toolCallId, output: o.output }));
    stream = await opened(options.submitToolOutputs(run, toolOutputs, { signal }), "submitToolOutputs");
  }
  result.messages = messages.result();
  return result;
}

/** Reads one stream until the run stops (terminal or `requires_action`); leaving early closes it. */
async function follow<E extends StreamEventLike>(
  stream: AsyncIterable<E>,
  onEvent: ((event: E) => unknown) | undefined,
  messages: MessageAccumulator,
  signal: AbortSignal,
): Promise<StreamedRun> {
  let last: StreamedRun | undefined;
  for await (const event of stream) {
    const forwarded = onEvent?.(event);
    if (isPromiseLike(forwarded)) await forwarded;
    if (event.event === "error") {
      throw new APIStreamError("streamRunUntilDone", "error", JSON.stringify(event.data), event.data);
    }
    if (event.event === "done") break;
    messages.add(event.event, event.data);
    const run = runOf(event);
    if (run) last = run;
    if (run && (run.status === "requires_action" || isTerminalRunStatus(run.status))) return run;
    if (signal.aborted) break;
  }
  if (signal.aborted) throw new WaitAbortedError(last ? subjectOf(last) : "a streamed run", signal.reason);
  const seen = last ? `its last status was "${last.status}"` : "no run event came";
  throw new SDKError(`${last ? subjectOf(last) : "the run"}: the event stream ended before the run finished (${seen})`);
}

/** The run in a `thread.run.*` event (not a run step's). */
function runOf(event: StreamEventLike): StreamedRun | undefined {
  if (!event.event.startsWith("thread.run.") || event.event.startsWith("thread.run.step.")) return undefined;
  const run = event.data as Partial<StreamedRun> | null;
  return run && typeof run.id === "string" && typeof run.status === "string" ? (run as StreamedRun) : undefined;
}

/** The tool calls to answer, or undefined when the run waits for something else. */
function answerableCalls(run: StreamedRun): readonly ToolCallLike[] | undefined {
  const action = run.requiredAction;
  const calls = action?.submitToolOutputs?.toolCalls;
  return action?.type === "submit_tool_outputs" && Array.isArray(calls) ? calls : undefined;
}

async function opened<E>(pending: Opened<E>, operation: string): Promise<AsyncIterable<E>> {
  const stream = await pending;
  if (stream === undefined || stream === null || typeof stream[Symbol.asyncIterator] !== "function") {
    throw new SDKError(`streamRunUntilDone: ${operation} gave no event stream (did its request set stream: true?)`);
  }
  return stream;
}

function subjectOf(run: StreamedRun): string {
  return `run ${run.id} (thread ${run.threadId})`;
}

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return typeof value === "object" && value !== null && typeof (value as PromiseLike<unknown>).then === "function";
}
