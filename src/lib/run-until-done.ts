/**
 * The tool-call loop: start a run (or take over one), and each time it stops on
 * `requires_action` with `submit_tool_outputs`, answer every tool call with your handlers and
 * submit all outputs in one `submitToolOuputsToRun`, until the run reaches a terminal status.
 */
import type { Gpt } from "../sdk/sdk";
import type { CreateRunRequest, RunObject, RunToolCallObject } from "../sdk/models/shared";
import { type Observation, pollUntilDone } from "./poll";
import { runObservation, runPollSpec, runSubject } from "./run-observations";
import { callTools, type ToolCallOutcome, type ToolHandlers } from "./tool-calls";
import type { WaitOptions } from "./wait-options";
import { type WaitSession, withSession } from "./wait-session";

/** What to do when a tool call fails (no handler, arguments not JSON, the handler throws). */
export type ToolErrorPolicy =
  /** Send `{"error":"<message>"}` as that call's output, next to the other outputs, and let the run go on. */
  | "report"
  /** Submit nothing, cancel the run (`cancelRun`) and wait until it is cancelled. */
  | "cancel";

interface RunUntilDoneCommon extends WaitOptions<RunObject> {
  /** Handlers by function name; see ToolHandler. */
  tools: ToolHandlers;
  /** Default "report". */
  onError?: ToolErrorPolicy;
}

/** Start a new run with this assistant (createRun). */
export interface RunUntilDoneNewRun extends RunUntilDoneCommon {
  assistantId: string;
  /** The other fields of the createRun body: model, instructions, tools, metadata. */
  createRun?: Omit<CreateRunRequest, "assistantId">;
  runId?: undefined;
}

/** Continue a run that already exists (for instance one that stopped on `requires_action`). */
export interface RunUntilDoneExistingRun extends RunUntilDoneCommon {
  runId: string;
  assistantId?: undefined;
  createRun?: undefined;
}

export type RunUntilDoneOptions = RunUntilDoneNewRun | RunUntilDoneExistingRun;

export interface RunUntilDoneResult {
  /** The run in its final state: check `run.status` (`completed`, `failed`, `cancelled`, ...). */
  run: RunObject;
  /** How many times the run asked for tool outputs. */
  rounds: number;
  /** Every tool call answered, in order (round by round, each round in the run's order). */
  toolCalls: ToolCallOutcome[];
  /** The tool calls that failed (also listed in `toolCalls`). */
  failures: ToolCallOutcome[];
  /** True when this helper cancelled the run because a tool call failed (`onError: "cancel"`). */
  cancelled: boolean;
}

/**
 * Runs a thread with tools until the run is done. Returns when the run reaches a terminal status
 * (`completed`, `failed`, `cancelled`, `expired`, `incomplete`), or if it requires an action this
 * helper cannot take (a `required_action` other than `submit_tool_outputs`). One deadline
 * (`timeoutMs`, default 10 minutes) covers the whole loop, tool handlers included.
 */
export async function runUntilDone(
  sdk: Gpt,
  threadId: string,
  options: RunUntilDoneOptions,
): Promise<RunUntilDoneResult> {
  const policy = errorPolicyOf(options);
  const subject = options.runId ? runSubject(threadId, options.runId) : `new run (thread ${threadId})`;
  return withSession(subject, options, async (session) => {
    const { runId, first } = await startRun(sdk, threadId, options, session);
    const loop: ToolLoop = { sdk, threadId, runId, policy, handlers: options.tools ?? {}, onStatus: options.onStatus };
    return answerUntilDone(loop, session, first);
  });
}

/** The options' error policy, after checking that they name exactly one run to follow. */
function errorPolicyOf(options: RunUntilDoneOptions): ToolErrorPolicy {
  const policy = options.onError ?? "report";
  if (policy !== "report" && policy !== "cancel")
    throw new TypeError(`onError must be "report" or "cancel", got ${String(policy)}`);
  if (!options.runId === !options.assistantId)
    throw new TypeError("runUntilDone: give exactly one of assistantId (start a run) or runId (continue one)");
  return policy;
}

/** The run to follow: the one given, or a new one created with the assistant (then also its first observation). */
async function startRun(
  sdk: Gpt,
  threadId: string,
  options: RunUntilDoneOptions,
  session: WaitSession,
): Promise<{ runId: string; first?: Observation<RunObject> }> {
  if (options.assistantId === undefined) return { runId: options.runId };
  const body: CreateRunRequest = { ...options.createRun, assistantId: options.assistantId };
  const first = runObservation(
    "createRun",
    await session.run(sdk.assistants.createRun(body, threadId, session.requestOptions())),
  );
  session.subject = runSubject(threadId, first.value.id);
  return { runId: first.value.id, first };
}

/** One run's tool-call loop: what it calls and how it answers. */
interface ToolLoop {
  readonly sdk: Gpt;
  readonly threadId: string;
  readonly runId: string;
  readonly policy: ToolErrorPolicy;
  readonly handlers: ToolHandlers;
  readonly onStatus: ((run: RunObject) => void) | undefined;
}

/** Polls the run, answering its tool calls each time it asks, until it stops for any other reason. */
async function answerUntilDone(
  loop: ToolLoop,
  session: WaitSession,
  first: Observation<RunObject> | undefined,
): Promise<RunUntilDoneResult> {
  const { sdk, threadId, runId } = loop;
  const result: RunUntilDoneResult = {
    run: undefined as unknown as RunObject,
    rounds: 0,
    toolCalls: [],
    failures: [],
    cancelled: false,
  };
  let next = first;
  for (;;) {
    const run = await pollUntilDone(session, runPollSpec(sdk, threadId, runId, loop.onStatus, next));
    result.run = run;
    const toolCalls = toolCallsToAnswer(run);
    if (!toolCalls || result.cancelled) return result;

    result.rounds++;
    const outcomes = await session.run(callTools(toolCalls, loop.handlers, run, session.signal));
    const failures = outcomes.filter((o) => o.failure);
    result.toolCalls.push(...outcomes);
    result.failures.push(...failures);
    result.cancelled = failures.length > 0 && loop.policy === "cancel";
    next = result.cancelled ? await cancelRun(loop, session) : await submitOutputs(loop, session, outcomes);
  }
}

/** The tool calls the run waits for, when it waits for tool outputs (not for another kind of action). */
function toolCallsToAnswer(run: RunObject): RunToolCallObject[] | undefined {
  const toolCalls = run.requiredAction?.submitToolOutputs?.toolCalls;
  const canAnswer =
    run.status === "requires_action" && run.requiredAction?.type === "submit_tool_outputs" && Array.isArray(toolCalls);
  return canAnswer ? toolCalls : undefined;
}

async function cancelRun({ sdk, threadId, runId }: ToolLoop, session: WaitSession): Promise<Observation<RunObject>> {
  return runObservation(
    "cancelRun",
    await session.run(sdk.assistants.cancelRun(runId, threadId, session.requestOptions())),
  );
}

async function submitOutputs(
  { sdk, threadId, runId }: ToolLoop,
  session: WaitSession,
  outcomes: readonly ToolCallOutcome[],
): Promise<Observation<RunObject>> {
  const toolOutputs = outcomes.map((o) => ({ toolCallId: o.toolCallId, output: o.output }));
  return runObservation(
    "submitToolOuputsToRun",
    await session.run(sdk.assistants.submitToolOuputsToRun({ toolOutputs }, runId, threadId, session.requestOptions())),
  );
}
