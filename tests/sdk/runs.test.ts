/**
 * Runs and run steps: the exact wire request and the exact parsed result of each of the 9
 * operations, with `required_action.submit_tool_outputs.tool_calls`, a field the SDK does not
 * know, and the run step `step_details` union (message_creation, tool_calls with
 * code_interpreter logs/image outputs, retrieval and function calls) narrowed on `type`.
 */
import { Gpt, operations } from "../../src";
import { useMockApi } from "../support/mock-api";
import { API_KEY, expectJsonResult, expectRequest } from "./expect-request";
import {
  cancellingRunModel,
  cancellingRunWire,
  completedRunModel,
  completedRunWire,
  failedRunModel,
  failedRunWire,
  messageCreationStepModel,
  messageCreationStepWire,
  pageModel,
  pageWire,
  queuedRunModel,
  queuedRunWire,
  requiresActionRunModel,
  requiresActionRunWire,
  toolCallsStepModel,
  toolCallsStepWire,
  weatherParameters,
  weatherToolModel,
  weatherToolWire,
} from "./fixtures";

const api = useMockApi();
let sdk: Gpt;
beforeAll(() => {
  sdk = new Gpt({ apiKeyAuth: API_KEY, serverURL: api.baseURL });
});

describe("runs", () => {
  test("createThreadAndRun: nested thread and messages are sent snake_case with metadata intact", async () => {
    api.reply({ json: queuedRunWire });

    const res = await sdk.assistants.createThreadAndRun({
      assistantId: "asst_abc123",
      thread: {
        messages: [
          {
            role: "user",
            content: "Explain deep learning to a 5 year old.",
            fileIds: ["file-abc123"],
            metadata: { "Lesson Plan": "week 1", lesson_id: "L1" },
          },
        ],
        metadata: { "Customer ID": "cus_123", accountTier: "gold" },
      },
      model: "gpt-4-1106-preview",
      instructions: "Please address the user as Jane Doe. The user has a premium account.",
      tools: [
        { type: "retrieval" },
        {
          type: "function",
          function: {
            name: "get_current_weather",
            description: "Get the current weather in a given location",
            parameters: weatherParameters,
          },
        },
      ],
      metadata: { "Trace ID": "trace-7f3a", user_id: "user_abc123" },
    });

    expectRequest(api.single(), {
      method: "POST",
      path: "/threads/runs",
      beta: true,
      json: {
        assistant_id: "asst_abc123",
        thread: {
          messages: [
            {
              role: "user",
              content: "Explain deep learning to a 5 year old.",
              file_ids: ["file-abc123"],
              metadata: { "Lesson Plan": "week 1", lesson_id: "L1" },
            },
          ],
          metadata: { "Customer ID": "cus_123", accountTier: "gold" },
        },
        model: "gpt-4-1106-preview",
        instructions: "Please address the user as Jane Doe. The user has a premium account.",
        tools: [{ type: "retrieval" }, weatherToolWire],
        metadata: { "Trace ID": "trace-7f3a", user_id: "user_abc123" },
      },
    });
    expectJsonResult(res);
    expect(res.runObject).toEqual(queuedRunModel);
  });

  test("createRun: body with assistant_id, overrides and metadata; thread id in the path", async () => {
    api.reply({ json: queuedRunWire });

    const res = await sdk.assistants.createRun(
      {
        assistantId: "asst_abc123",
        model: "gpt-4-1106-preview",
        instructions: "Please address the user as Jane Doe. The user has a premium account.",
        tools: [{ type: "code_interpreter" }, { type: "retrieval" }],
        metadata: { "Trace ID": "trace-7f3a" },
      },
      "thread_abc123",
    );

    expectRequest(api.single(), {
      method: "POST",
      path: "/threads/thread_abc123/runs",
      beta: true,
      json: {
        assistant_id: "asst_abc123",
        model: "gpt-4-1106-preview",
        instructions: "Please address the user as Jane Doe. The user has a premium account.",
        tools: [{ type: "code_interpreter" }, { type: "retrieval" }],
        metadata: { "Trace ID": "trace-7f3a" },
      },
    });
    expectJsonResult(res);
    expect(res.runObject).toEqual(queuedRunModel);
  });

  test("listRuns: request object with every query parameter; parses last_error", async () => {
    api.reply({ json: pageWire([completedRunWire, failedRunWire], "run_abc123", "run_def456", false) });

    const res = await sdk.assistants.listRuns({
      threadId: "thread_abc123",
      after: "run_aaa000",
      before: "run_zzz999",
      limit: 2,
      order: operations.ListRunsQueryParamOrder.Asc,
    });

    expectRequest(api.single(), {
      method: "GET",
      path: "/threads/thread_abc123/runs?after=run_aaa000&before=run_zzz999&limit=2&order=asc",
      beta: true,
    });
    expectJsonResult(res);
    expect(res.listRunsResponse).toEqual(
      pageModel([completedRunModel, failedRunModel], "run_abc123", "run_def456", false),
    );
    expect(res.listRunsResponse!.data[1].lastError).toEqual({
      code: "rate_limit_exceeded",
      message: "Rate limit reached for gpt-4-1106-preview on tokens per min.",
    });
  });

  test("getRun: parses required_action.submit_tool_outputs.tool_calls and keeps an unknown field", async () => {
    api.reply({ json: requiresActionRunWire });

    const res = await sdk.assistants.getRun("run_abc123", "thread_abc123");

    expectRequest(api.single(), { method: "GET", path: "/threads/thread_abc123/runs/run_abc123", beta: true });
    expectJsonResult(res);
    expect(res.runObject).toEqual(requiresActionRunModel);

    const run = res.runObject!;
    expect(run.requiredAction!.type).toBe("submit_tool_outputs");
    expect(
      run.requiredAction!.submitToolOutputs.toolCalls.map((c) => [
        c.id,
        c.function.name,
        JSON.parse(c.function.arguments),
      ]),
    ).toEqual([
      ["call_abc123", "get_current_weather", { location: "San Francisco, CA", temperature_unit: "celsius" }],
      ["call_def456", "get_current_weather", { location: "Paris, FR" }],
    ]);
    expect((run as unknown as Record<string, unknown>)["new_field"]).toEqual({ rollout_stage: "beta", weight_pct: 10 });
    const tool = run.tools[0];
    if (tool.type !== "function") throw new Error(`expected a function tool, got ${tool.type}`);
    expect(tool.function.name).toBe("get_current_weather");
  });

  test("getRun: a status and a tool type added by the server later pass through instead of failing", async () => {
    api.reply({
      json: {
        ...completedRunWire,
        status: "incomplete",
        tools: [{ type: "file_search", file_search: { max_num_results: 20 } }, weatherToolWire],
        incomplete_details: { reason: "max_prompt_tokens" },
      },
    });

    const res = await sdk.assistants.getRun("run_abc123", "thread_abc123");

    expectRequest(api.single(), { method: "GET", path: "/threads/thread_abc123/runs/run_abc123", beta: true });
    expect(res.runObject).toEqual({
      ...completedRunModel,
      status: "incomplete",
      tools: [{ type: "file_search", file_search: { max_num_results: 20 } }, weatherToolModel],
      incomplete_details: { reason: "max_prompt_tokens" },
    });
  });

  test("modifyRun: POST { metadata } with keys untouched; body, then run id, then thread id", async () => {
    api.reply({ json: completedRunWire });

    const res = await sdk.assistants.modifyRun(
      { metadata: { "Trace ID": "trace-7f3a", user_id: "user_abc123", "Retry Count": "2" } },
      "run_abc123",
      "thread_abc123",
    );

    expectRequest(api.single(), {
      method: "POST",
      path: "/threads/thread_abc123/runs/run_abc123",
      beta: true,
      json: { metadata: { "Trace ID": "trace-7f3a", user_id: "user_abc123", "Retry Count": "2" } },
    });
    expectJsonResult(res);
    expect(res.runObject).toEqual(completedRunModel);
  });

  test("submitToolOuputsToRun: tool_outputs with tool_call_id, to .../submit_tool_outputs", async () => {
    api.reply({ json: { ...queuedRunWire, status: "in_progress", started_at: 1699075073 } });

    const res = await sdk.assistants.submitToolOuputsToRun(
      {
        toolOutputs: [
          { toolCallId: "call_abc123", output: '{"temperature":22,"unit":"celsius"}' },
          { toolCallId: "call_def456", output: '{"temperature":15,"unit":"celsius"}' },
        ],
      },
      "run_abc123",
      "thread_abc123",
    );

    expectRequest(api.single(), {
      method: "POST",
      path: "/threads/thread_abc123/runs/run_abc123/submit_tool_outputs",
      beta: true,
      json: {
        tool_outputs: [
          { tool_call_id: "call_abc123", output: '{"temperature":22,"unit":"celsius"}' },
          { tool_call_id: "call_def456", output: '{"temperature":15,"unit":"celsius"}' },
        ],
      },
    });
    expectJsonResult(res);
    expect(res.runObject).toEqual({ ...queuedRunModel, status: "in_progress", startedAt: 1699075073 });
  });

  test("cancelRun: POST without a body to .../cancel; run id first, thread id second", async () => {
    api.reply({ json: cancellingRunWire });

    const res = await sdk.assistants.cancelRun("run_abc123", "thread_abc123");

    expectRequest(api.single(), { method: "POST", path: "/threads/thread_abc123/runs/run_abc123/cancel", beta: true });
    expectJsonResult(res);
    expect(res.runObject).toEqual(cancellingRunModel);
  });
});

describe("run steps", () => {
  test("listRunSteps: request object with every query parameter; parses both step_details members", async () => {
    api.reply({ json: pageWire([messageCreationStepWire, toolCallsStepWire], "step_msg123", "step_tool456", true) });

    const res = await sdk.assistants.listRunSteps({
      threadId: "thread_abc123",
      runId: "run_abc123",
      after: "step_aaa000",
      before: "step_zzz999",
      limit: 50,
      order: operations.ListRunStepsQueryParamOrder.Desc,
    });

    expectRequest(api.single(), {
      method: "GET",
      path: "/threads/thread_abc123/runs/run_abc123/steps?after=step_aaa000&before=step_zzz999&limit=50&order=desc",
      beta: true,
    });
    expectJsonResult(res);
    expect(res.listRunStepsResponse).toEqual(
      pageModel([messageCreationStepModel, toolCallsStepModel], "step_msg123", "step_tool456", true),
    );

    const details = res.listRunStepsResponse!.data[0].stepDetails;
    if (details.type !== "message_creation") throw new Error(`expected message_creation, got ${details.type}`);
    expect(details.messageCreation.messageId).toBe("msg_abc123");
  });

  test("listRunSteps: only the path parameters means no query string", async () => {
    api.reply({ json: pageWire([], "", "", false) });

    await sdk.assistants.listRunSteps({ threadId: "thread_abc123", runId: "run_abc123" });

    expectRequest(api.single(), { method: "GET", path: "/threads/thread_abc123/runs/run_abc123/steps", beta: true });
  });

  test("getRunStep: narrows tool_calls (code_interpreter logs/image, retrieval, function) on type", async () => {
    api.reply({ json: toolCallsStepWire });

    const res = await sdk.assistants.getRunStep("run_abc123", "step_tool456", "thread_abc123");

    expectRequest(api.single(), {
      method: "GET",
      path: "/threads/thread_abc123/runs/run_abc123/steps/step_tool456",
      beta: true,
    });
    expectJsonResult(res);
    expect(res.runStepObject).toEqual(toolCallsStepModel);

    const details = res.runStepObject!.stepDetails;
    if (details.type !== "tool_calls") throw new Error(`expected tool_calls, got ${details.type}`);
    const [code, retrieval, fn] = details.toolCalls;

    if (code.type !== "code_interpreter") throw new Error(`expected code_interpreter, got ${code.type}`);
    expect(code.codeInterpreter.input).toContain("pd.read_csv");
    const [logs, image] = code.codeInterpreter.outputs;
    if (logs.type !== "logs") throw new Error(`expected logs, got ${logs.type}`);
    expect(logs.logs).toBe("4213.57\n");
    if (image.type !== "image") throw new Error(`expected image, got ${image.type}`);
    expect(image.image.fileId).toBe("file-img456");

    if (retrieval.type !== "retrieval") throw new Error(`expected retrieval, got ${retrieval.type}`);
    expect(retrieval.id).toBe("call_retr012");
    expect(retrieval.retrieval).toEqual({});

    if (fn.type !== "function") throw new Error(`expected function, got ${fn.type}`);
    expect(fn.function).toEqual({
      name: "get_current_weather",
      arguments: '{"location":"San Francisco, CA","temperature_unit":"celsius"}',
      output: '{"temperature_c":18}',
    });
  });
});
