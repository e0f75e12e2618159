/**
 * Answering a run's tool calls: each call goes to the handler named by its function, with
 * the JSON-parsed arguments, all calls of a round in parallel. A call never rejects here:
 * a missing handler, arguments that are not JSON, a handler that throws and a result that
 * cannot be stringified all become a failed outcome with an error output.
 */
import type { RunObject, RunToolCallObject } from "../sdk/models/shared";

/** What the loop reads of a tool call; the SDK's tool call models (any API version) have this shape. */
export interface ToolCallLike {
  readonly id: string;
  readonly type: string;
  readonly function?: { readonly name?: unknown; readonly arguments?: unknown } | null;
}

/** What a handler receives besides its arguments (the run and tool call types of the API version in use). */
export interface ToolCallContext<Call = RunToolCallObject, Run = RunObject> {
  /** The tool call being answered (its id, function name and raw arguments). */
  readonly toolCall: Call;
  /** The run that asked for it. */
  readonly run: Run;
  /** Aborts when the wait is aborted or reaches its deadline; pass it on to your own requests. */
  readonly signal: AbortSignal;
}

/**
 * Answers one function call. Receives the parsed JSON arguments; returns the output: a string is
 * sent as it is, `undefined` as an empty string, anything else as JSON. May be async.
 */
export type ToolHandler<Call = RunToolCallObject, Run = RunObject> = (
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON from the model; handlers declare its shape
  args: any,
  context: ToolCallContext<Call, Run>,
) => unknown;

/** Handlers by function name, e.g. `{ getWeather: async ({ city }) => ({ city, celsius: 21 }) }`. */
export type ToolHandlers<Call = RunToolCallObject, Run = RunObject> = Readonly<Record<string, ToolHandler<Call, Run>>>;

/** Why a tool call could not be answered. */
export type ToolCallFailureKind = "no_handler" | "invalid_arguments" | "handler_error" | "invalid_output";

export interface ToolCallFailure {
  readonly kind: ToolCallFailureKind;
  readonly message: string;
  /** What the handler threw, or the JSON parser's error. */
  readonly cause?: unknown;
}

/** One tool call and what became of it. */
export interface ToolCallOutcome {
  readonly toolCallId: string;
  /** The function's name (empty if the call named none). */
  readonly name: string;
  /** The arguments exactly as the model sent them. */
  readonly arguments: string;
  /** The output for the run: the handler's result, or `{"error":"..."}` when the call failed. */
  readonly output: string;
  /** Set when the call failed. */
  readonly failure?: ToolCallFailure;
}

/** Runs every tool call's handler in parallel; the outcomes are in the order of the calls. */
export function callTools<Call extends ToolCallLike, Run>(
  toolCalls: readonly Call[],
  handlers: ToolHandlers<Call, Run>,
  run: Run,
  signal: AbortSignal,
): Promise<ToolCallOutcome[]> {
  return Promise.all(toolCalls.map((toolCall) => callTool(toolCall, handlers, { toolCall, run, signal })));
}

async function callTool<Call extends ToolCallLike, Run>(
  toolCall: Call,
  handlers: ToolHandlers<Call, Run>,
  context: ToolCallContext<Call, Run>,
): Promise<ToolCallOutcome> {
  const name = typeof toolCall.function?.name === "string" ? toolCall.function.name : "";
  const rawArguments = typeof toolCall.function?.arguments === "string" ? toolCall.function.arguments : "";
  const done = (output: string, failure?: ToolCallFailure): ToolCallOutcome =>
    failure
      ? { toolCallId: toolCall.id, name, arguments: rawArguments, output: errorOutput(failure.message), failure }
      : { toolCallId: toolCall.id, name, arguments: rawArguments, output };

  const handler = Object.prototype.hasOwnProperty.call(handlers, name) ? handlers[name] : undefined;
  if (toolCall.type !== "function" || typeof handler !== "function") {
    const what = toolCall.type !== "function" ? `tool call type "${String(toolCall.type)}"` : `tool "${name}"`;
    return done("", { kind: "no_handler", message: `no handler for ${what}` });
  }

  const parsed = parseArguments(name, rawArguments);
  if ("failure" in parsed) return done("", parsed.failure);

  let result: unknown;
  try {
    result = await handler(parsed.args, context);
  } catch (cause) {
    return done("", { kind: "handler_error", message: messageOf(cause), cause });
  }

  try {
    return done(toolOutput(result));
  } catch (cause) {
    return done("", {
      kind: "invalid_output",
      message: `the result of tool "${name}" cannot be sent as JSON: ${messageOf(cause)}`,
      cause,
    });
  }
}

/** The call's JSON arguments (blank means `{}`), or why they cannot be read. */
function parseArguments(name: string, rawArguments: string): { args: unknown } | { failure: ToolCallFailure } {
  try {
    return { args: rawArguments.trim() === "" ? {} : JSON.parse(rawArguments) };
  } catch (cause) {
    return {
      failure: {
        kind: "invalid_arguments",
        message: `arguments for tool "${name}" are not valid JSON: ${messageOf(cause)}`,
        cause,
      },
    };
  }
}

/** A handler's result as the run's output: strings as they are, `undefined` as "", anything else as JSON. */
export function toolOutput(result: unknown): string {
  if (typeof result === "string") return result;
  if (result === undefined) return "";
  const json = JSON.stringify(result);
  if (json === undefined) throw new TypeError(`${typeof result} has no JSON form`);
  return json;
}

/** The output reported for a failed call: `{"error":"<message>"}`. */
export function errorOutput(message: string): string {
  return JSON.stringify({ error: message });
}

function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}
