/**
 * The tool-call loop: start a run (or take over one), and each time it stops on
 * `requires_action` with `submit_tool_outputs`, answer every tool call with your handlers and
 * submit all outputs in one `submitToolOuputsToRun`, until the run reaches a terminal status.
 */
import type { Gpt } from "../sdk/sdk";
import type { CreateRunRequest, RunObject } from "../sdk/models/shared";
import { type Observation, pollUntilDone } from "./poll";
import { runObservation, runPollSpec, runSubject } from "./run-observations";
import { callTools, type ToolCallOutcome, type ToolHandlers } from "./tool-calls";
import type { WaitOptions } from "./wait-options";
import { withSession } from "./wait-session";

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
  const policy = options.onError ?? "report";
  if (policy !== "report" && policy !== "cancel")
    throw new TypeError(`onError must be "report" or "cancel", got ${String(policy)}`);
  if (!options.runId === !options.assistantId)
    throw new TypeError("runUntilDone: give exactly one of assistantId (start a run) or runId (continue one)");
  const handlers = options.tools ?? {};

  const subject = options.runId ? runSubject(threadId, options.runId) : `new run (thread ${threadId})`;
  return withSession(subject, options, async (session) => {
    let runId: string;
    let next: Observation<RunObject> | undefined;
    if (options.assistantId === undefined) {
      runId = options.runId;
    } else {
      const body: CreateRunRequest = { ...options.createRun, assistantId: options.assistantId };
      next = runObservation(
        "createRun",
        await session.run(sdk.assistants.createRun(body, threadId, session.requestOptions())),
      );
      runId = next.value.id;
      session.subject = runSubject(threadId, runId);
    }

    const result: RunUntilDoneResult = {
      run: undefined as unknown as RunObject,
      rounds: 0,
      toolCalls: [],
      failures: [],
      cancelled: false,
    };
    for (;;) {
      const run = await pollUntilDone(session, runPollSpec(sdk, threadId, runId, options.onStatus, next));
      result.run = run;
      const toolCalls = run.requiredAction?.submitToolOutputs?.toolCalls;
      const canAnswer =
        run.status === "requires_action" &&
        run.requiredAction?.type === "submit_tool_outputs" &&
        Array.isArray(toolCalls);
      if (!canAnswer || result.cancelled) return result;

      result.rounds++;
      const outcomes = await session.run(callTools(toolCalls, handlers, run, session.signal));
      const failures = outcomes.filter((o) => o.failure);
      result.toolCalls.push(...outcomes);
      result.failures.push(...failures);

      if (failures.length > 0 && policy === "cancel") {
        result.cancelled = true;
        next = runObservation(
          "cancelRun",
          await session.run(sdk.assistants.cancelRun(runId, threadId, session.requestOptions())),
        );
        continue;
      }
      const toolOutputs = outcomes.map((o) => ({ toolCallId: o.toolCallId, output: o.output }));
      next = runObservation(
        "submitToolOuputsToRun",
        await session.run(
          sdk.assistants.submitToolOuputsToRun({ toolOutputs }, runId, threadId, session.requestOptions()),
        ),
      );
    }
  });
}
