/** Runs and their steps. */
import { paginate, parseListQuery } from "../pagination";
import { route, type EmulatorState, type Route } from "../router";
import type { RunOverrides } from "../runs";
import type { StoredRun } from "../store";
import type { RunObject } from "../types";
import { Fields, invalidType, LIMITS, missing } from "../validation";
import { createThread } from "./threads";

const RUN_FIELDS = ["assistant_id", "model", "instructions", "tools", "metadata"];

export const runRoutes: Route[] = [
  route("POST /threads/runs", "createThreadAndRun", (state, call) => ({ json: createThreadAndRun(state, call.body) })),
  route("GET /threads/{thread_id}/runs", "listRuns", (state, call) => {
    state.engine.catchUpThread(call.params.thread_id);
    const runs = state.store
      .runsOf(call.params.thread_id)
      .all()
      .map((stored) => stored.run);
    return { json: paginate(runs, parseListQuery(call.query)) };
  }),
  route("POST /threads/{thread_id}/runs", "createRun", (state, call) => ({
    json: createRun(state, call.params.thread_id, call.body),
  })),
  route("GET /threads/{thread_id}/runs/{run_id}", "getRun", (state, call) => ({
    json: storedRun(state, call.params).run,
  })),
  route("POST /threads/{thread_id}/runs/{run_id}", "modifyRun", (state, call) => {
    const { run } = storedRun(state, call.params);
    const metadata = new Fields(call.body ?? {}, ["metadata"]).metadata();
    if (metadata !== undefined) run.metadata = metadata;
    return { json: run };
  }),
  route("POST /threads/{thread_id}/runs/{run_id}/submit_tool_outputs", "submitToolOuputsToRun", (state, call) => {
    const stored = storedRun(state, call.params);
    state.engine.submitToolOutputs(stored, toolOutputs(call.body));
    return { json: stored.run };
  }),
  route("POST /threads/{thread_id}/runs/{run_id}/cancel", "cancelRun", (state, call) => {
    const stored = storedRun(state, call.params);
    state.engine.cancel(stored);
    return { json: stored.run };
  }),
  route("GET /threads/{thread_id}/runs/{run_id}/steps", "listRunSteps", (state, call) => ({
    json: paginate(storedRun(state, call.params).steps.all(), parseListQuery(call.query)),
  })),
  route("GET /threads/{thread_id}/runs/{run_id}/steps/{step_id}", "getRunStep", (state, call) => ({
    json: storedRun(state, call.params).steps.get(call.params.step_id),
  })),
];

function storedRun(state: EmulatorState, params: Readonly<Record<string, string>>): StoredRun {
  return state.engine.get(params.thread_id, params.run_id);
}

function runOverrides(fields: Fields): RunOverrides {
  return {
    model: fields.optionalString("model"),
    instructions: fields.optionalString("instructions", LIMITS.instructions),
    tools: fields.tools(LIMITS.runTools),
    metadata: fields.metadata(),
  };
}

function createRun(state: EmulatorState, threadId: string, body: unknown): RunObject {
  state.store.threads.get(threadId);
  const fields = new Fields(body, RUN_FIELDS);
  const assistant = state.store.assistants.get(fields.requiredString("assistant_id"));
  return state.engine.create(threadId, assistant, runOverrides(fields)).run;
}

function createThreadAndRun(state: EmulatorState, body: unknown): RunObject {
  const fields = new Fields(body, [...RUN_FIELDS, "thread"]);
  const assistant = state.store.assistants.get(fields.requiredString("assistant_id"));
  const overrides = runOverrides(fields);
  const thread = createThread(state, fields.raw("thread") ?? {}, "thread.");
  return state.engine.create(thread.id, assistant, overrides).run;
}

function toolOutputs(body: unknown): { tool_call_id: string; output: string }[] {
  const list = new Fields(body, ["tool_outputs"]).raw("tool_outputs");
  if (list === undefined || list === null) throw missing("tool_outputs");
  if (!Array.isArray(list)) throw invalidType("tool_outputs", "an array", list);
  return list.map((item, i) => {
    const fields = new Fields(item, ["tool_call_id", "output"], `tool_outputs[${i}].`);
    return { tool_call_id: fields.requiredString("tool_call_id"), output: fields.optionalString("output") ?? "" };
  });
}
