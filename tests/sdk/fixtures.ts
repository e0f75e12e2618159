/**
 * Realistic OpenAI payloads (wire form, snake_case) and, written out by hand, the model
 * each one must parse into (camelCase fields; metadata keys, JSON-schema property names
 * and fields the SDK does not know stay exactly as the server sent them).
 *
 * The expected models are deliberately NOT derived from the wire objects by code: a
 * converter here would repeat the SDK's own logic and could share its bugs.
 */

// ---------------------------------------------------------------------------------------
// Tools
// ---------------------------------------------------------------------------------------

/** A JSON schema whose property names are snake_case and camelCase: the SDK must not rename them. */
export const weatherParameters = {
  type: "object",
  properties: {
    location: { type: "string", description: "The city and state, e.g. San Francisco, CA" },
    temperature_unit: { type: "string", enum: ["celsius", "fahrenheit"] },
    includeForecast: { type: "boolean" },
  },
  required: ["location"],
  additionalProperties: false,
};

export const weatherToolWire = {
  type: "function",
  function: {
    name: "get_current_weather",
    description: "Get the current weather in a given location",
    parameters: weatherParameters,
  },
};

/** The model form is identical: `function` has only single-word fields and `parameters` is a free map. */
export const weatherToolModel = {
  type: "function",
  function: {
    name: "get_current_weather",
    description: "Get the current weather in a given location",
    parameters: weatherParameters,
  },
};

// ---------------------------------------------------------------------------------------
// Assistants
// ---------------------------------------------------------------------------------------

export const assistantWire = {
  id: "asst_abc123",
  object: "assistant",
  created_at: 1698984975,
  name: "Math Tutor",
  description: null,
  model: "gpt-4-1106-preview",
  instructions:
    "You are a personal math tutor. When asked a question, write and run Python code to answer the question.",
  tools: [{ type: "code_interpreter" }, { type: "retrieval" }, weatherToolWire],
  file_ids: ["file-abc123", "file-def456"],
  metadata: { "Course Name": "Algebra I", student_id: "s-42", gradeLevel: "9" },
};

export const assistantModel = {
  id: "asst_abc123",
  object: "assistant",
  createdAt: 1698984975,
  name: "Math Tutor",
  description: null,
  model: "gpt-4-1106-preview",
  instructions:
    "You are a personal math tutor. When asked a question, write and run Python code to answer the question.",
  tools: [{ type: "code_interpreter" }, { type: "retrieval" }, weatherToolModel],
  fileIds: ["file-abc123", "file-def456"],
  metadata: { "Course Name": "Algebra I", student_id: "s-42", gradeLevel: "9" },
};

export const assistant2Wire = {
  id: "asst_def456",
  object: "assistant",
  created_at: 1698982718,
  name: "HR Helper",
  description: "Answers questions about the employee handbook",
  model: "gpt-3.5-turbo-1106",
  instructions: null,
  tools: [],
  file_ids: [],
  metadata: null,
};

export const assistant2Model = {
  id: "asst_def456",
  object: "assistant",
  createdAt: 1698982718,
  name: "HR Helper",
  description: "Answers questions about the employee handbook",
  model: "gpt-3.5-turbo-1106",
  instructions: null,
  tools: [],
  fileIds: [],
  metadata: null,
};

export const assistantFileWire = {
  id: "file-abc123",
  object: "assistant.file",
  created_at: 1699055364,
  assistant_id: "asst_abc123",
};

export const assistantFileModel = {
  id: "file-abc123",
  object: "assistant.file",
  createdAt: 1699055364,
  assistantId: "asst_abc123",
};

// ---------------------------------------------------------------------------------------
// Threads and messages
// ---------------------------------------------------------------------------------------

export const threadWire = {
  id: "thread_abc123",
  object: "thread",
  created_at: 1699012949,
  metadata: { "Session ID": "sess-9", user_tier: "pro", channelName: "web" },
};

export const threadModel = {
  id: "thread_abc123",
  object: "thread",
  createdAt: 1699012949,
  metadata: { "Session ID": "sess-9", user_tier: "pro", channelName: "web" },
};

/** An assistant reply: an image plus text whose annotations are a file citation and a file path. */
export const assistantMessageWire = {
  id: "msg_abc123",
  object: "thread.message",
  created_at: 1699017614,
  thread_id: "thread_abc123",
  role: "assistant",
  content: [
    { type: "image_file", image_file: { file_id: "file-img456" } },
    {
      type: "text",
      text: {
        value: "Revenue grew 12%【4†source】. Download the data: sandbox:/mnt/data/revenue.csv",
        annotations: [
          {
            type: "file_citation",
            text: "【4†source】",
            file_citation: { file_id: "file-cite789", quote: "Revenue grew 12% year over year" },
            start_index: 16,
            end_index: 26,
          },
          {
            type: "file_path",
            text: "sandbox:/mnt/data/revenue.csv",
            file_path: { file_id: "file-path012" },
            start_index: 47,
            end_index: 76,
          },
        ],
      },
    },
  ],
  file_ids: ["file-cite789"],
  assistant_id: "asst_abc123",
  run_id: "run_abc123",
  metadata: {},
};

export const assistantMessageModel = {
  id: "msg_abc123",
  object: "thread.message",
  createdAt: 1699017614,
  threadId: "thread_abc123",
  role: "assistant",
  content: [
    { type: "image_file", imageFile: { fileId: "file-img456" } },
    {
      type: "text",
      text: {
        value: "Revenue grew 12%【4†source】. Download the data: sandbox:/mnt/data/revenue.csv",
        annotations: [
          {
            type: "file_citation",
            text: "【4†source】",
            fileCitation: { fileId: "file-cite789", quote: "Revenue grew 12% year over year" },
            startIndex: 16,
            endIndex: 26,
          },
          {
            type: "file_path",
            text: "sandbox:/mnt/data/revenue.csv",
            filePath: { fileId: "file-path012" },
            startIndex: 47,
            endIndex: 76,
          },
        ],
      },
    },
  ],
  fileIds: ["file-cite789"],
  assistantId: "asst_abc123",
  runId: "run_abc123",
  metadata: {},
};

export const userMessageWire = {
  id: "msg_def456",
  object: "thread.message",
  created_at: 1699017600,
  thread_id: "thread_abc123",
  role: "user",
  content: [{ type: "text", text: { value: "How does AI work? Explain it in simple terms.", annotations: [] } }],
  file_ids: ["file-abc123"],
  assistant_id: null,
  run_id: null,
  metadata: { "Request Source": "mobile app", user_id: "user_abc123" },
};

export const userMessageModel = {
  id: "msg_def456",
  object: "thread.message",
  createdAt: 1699017600,
  threadId: "thread_abc123",
  role: "user",
  content: [{ type: "text", text: { value: "How does AI work? Explain it in simple terms.", annotations: [] } }],
  fileIds: ["file-abc123"],
  assistantId: null,
  runId: null,
  metadata: { "Request Source": "mobile app", user_id: "user_abc123" },
};

export const messageFileWire = {
  id: "file-abc123",
  object: "thread.message.file",
  created_at: 1699061776,
  message_id: "msg_abc123",
};

export const messageFileModel = {
  id: "file-abc123",
  object: "thread.message.file",
  createdAt: 1699061776,
  messageId: "msg_abc123",
};

// ---------------------------------------------------------------------------------------
// Runs
// ---------------------------------------------------------------------------------------

const weatherArguments = '{"location":"San Francisco, CA","temperature_unit":"celsius"}';

/** A run waiting for tool outputs; `usage_hint`-style fields the SDK does not know ride along. */
export const requiresActionRunWire = {
  id: "run_abc123",
  object: "thread.run",
  created_at: 1699075072,
  assistant_id: "asst_abc123",
  thread_id: "thread_abc123",
  status: "requires_action",
  required_action: {
    type: "submit_tool_outputs",
    submit_tool_outputs: {
      tool_calls: [
        { id: "call_abc123", type: "function", function: { name: "get_current_weather", arguments: weatherArguments } },
        {
          id: "call_def456",
          type: "function",
          function: { name: "get_current_weather", arguments: '{"location":"Paris, FR"}' },
        },
      ],
    },
  },
  last_error: null,
  expires_at: 1699075672,
  started_at: 1699075073,
  cancelled_at: null,
  failed_at: null,
  completed_at: null,
  model: "gpt-4-1106-preview",
  instructions: "You are a weather bot. Use the provided functions to answer questions.",
  tools: [weatherToolWire],
  file_ids: [],
  metadata: { "Trace ID": "trace-7f3a", user_id: "user_abc123" },
  new_field: { rollout_stage: "beta", weight_pct: 10 },
};

export const requiresActionRunModel = {
  id: "run_abc123",
  object: "thread.run",
  createdAt: 1699075072,
  assistantId: "asst_abc123",
  threadId: "thread_abc123",
  status: "requires_action",
  requiredAction: {
    type: "submit_tool_outputs",
    submitToolOutputs: {
      toolCalls: [
        { id: "call_abc123", type: "function", function: { name: "get_current_weather", arguments: weatherArguments } },
        {
          id: "call_def456",
          type: "function",
          function: { name: "get_current_weather", arguments: '{"location":"Paris, FR"}' },
        },
      ],
    },
  },
  lastError: null,
  expiresAt: 1699075672,
  startedAt: 1699075073,
  cancelledAt: null,
  failedAt: null,
  completedAt: null,
  model: "gpt-4-1106-preview",
  instructions: "You are a weather bot. Use the provided functions to answer questions.",
  tools: [weatherToolModel],
  fileIds: [],
  metadata: { "Trace ID": "trace-7f3a", user_id: "user_abc123" },
  new_field: { rollout_stage: "beta", weight_pct: 10 },
};

export const queuedRunWire = {
  id: "run_abc123",
  object: "thread.run",
  created_at: 1699063290,
  assistant_id: "asst_abc123",
  thread_id: "thread_abc123",
  status: "queued",
  required_action: null,
  last_error: null,
  expires_at: 1699063890,
  started_at: null,
  cancelled_at: null,
  failed_at: null,
  completed_at: null,
  model: "gpt-4-1106-preview",
  instructions: "Please address the user as Jane Doe. The user has a premium account.",
  tools: [{ type: "code_interpreter" }, { type: "retrieval" }],
  file_ids: ["file-abc123"],
  metadata: { "Trace ID": "trace-7f3a" },
};

export const queuedRunModel = {
  id: "run_abc123",
  object: "thread.run",
  createdAt: 1699063290,
  assistantId: "asst_abc123",
  threadId: "thread_abc123",
  status: "queued",
  requiredAction: null,
  lastError: null,
  expiresAt: 1699063890,
  startedAt: null,
  cancelledAt: null,
  failedAt: null,
  completedAt: null,
  model: "gpt-4-1106-preview",
  instructions: "Please address the user as Jane Doe. The user has a premium account.",
  tools: [{ type: "code_interpreter" }, { type: "retrieval" }],
  fileIds: ["file-abc123"],
  metadata: { "Trace ID": "trace-7f3a" },
};

export const failedRunWire = {
  ...queuedRunWire,
  id: "run_def456",
  status: "failed",
  started_at: 1699063291,
  failed_at: 1699063300,
  last_error: { code: "rate_limit_exceeded", message: "Rate limit reached for gpt-4-1106-preview on tokens per min." },
  metadata: {},
};

export const failedRunModel = {
  ...queuedRunModel,
  id: "run_def456",
  status: "failed",
  startedAt: 1699063291,
  failedAt: 1699063300,
  lastError: { code: "rate_limit_exceeded", message: "Rate limit reached for gpt-4-1106-preview on tokens per min." },
  metadata: {},
};

export const completedRunWire = {
  ...queuedRunWire,
  status: "completed",
  started_at: 1699063291,
  completed_at: 1699063310,
  metadata: { "Trace ID": "trace-7f3a", user_id: "user_abc123", "Retry Count": "2" },
};

export const completedRunModel = {
  ...queuedRunModel,
  status: "completed",
  startedAt: 1699063291,
  completedAt: 1699063310,
  metadata: { "Trace ID": "trace-7f3a", user_id: "user_abc123", "Retry Count": "2" },
};

export const cancellingRunWire = {
  ...queuedRunWire,
  status: "cancelling",
  started_at: 1699076126,
};

export const cancellingRunModel = {
  ...queuedRunModel,
  status: "cancelling",
  startedAt: 1699076126,
};

// ---------------------------------------------------------------------------------------
// Run steps
// ---------------------------------------------------------------------------------------

export const messageCreationStepWire = {
  id: "step_msg123",
  object: "thread.run.step",
  created_at: 1699063291,
  run_id: "run_abc123",
  assistant_id: "asst_abc123",
  thread_id: "thread_abc123",
  type: "message_creation",
  status: "completed",
  cancelled_at: null,
  completed_at: 1699063292,
  expired_at: null,
  failed_at: null,
  last_error: null,
  step_details: { type: "message_creation", message_creation: { message_id: "msg_abc123" } },
  metadata: null,
};

export const messageCreationStepModel = {
  id: "step_msg123",
  object: "thread.run.step",
  createdAt: 1699063291,
  runId: "run_abc123",
  assistantId: "asst_abc123",
  threadId: "thread_abc123",
  type: "message_creation",
  status: "completed",
  cancelledAt: null,
  completedAt: 1699063292,
  expiredAt: null,
  failedAt: null,
  lastError: null,
  stepDetails: { type: "message_creation", messageCreation: { messageId: "msg_abc123" } },
  metadata: null,
};

const plotCode =
  "import pandas as pd\ndf = pd.read_csv('/mnt/data/file-abc123')\nprint(df['revenue'].mean())\ndf.plot()";

export const toolCallsStepWire = {
  id: "step_tool456",
  object: "thread.run.step",
  created_at: 1699063295,
  run_id: "run_abc123",
  assistant_id: "asst_abc123",
  thread_id: "thread_abc123",
  type: "tool_calls",
  status: "completed",
  cancelled_at: null,
  completed_at: 1699063305,
  expired_at: null,
  failed_at: null,
  last_error: null,
  step_details: {
    type: "tool_calls",
    tool_calls: [
      {
        id: "call_code789",
        type: "code_interpreter",
        code_interpreter: {
          input: plotCode,
          outputs: [
            { type: "logs", logs: "4213.57\n" },
            { type: "image", image: { file_id: "file-img456" } },
          ],
        },
      },
      { id: "call_retr012", type: "retrieval", retrieval: {} },
      {
        id: "call_func345",
        type: "function",
        function: { name: "get_current_weather", arguments: weatherArguments, output: '{"temperature_c":18}' },
      },
    ],
  },
  metadata: { "Step Label": "analysis" },
};

export const toolCallsStepModel = {
  id: "step_tool456",
  object: "thread.run.step",
  createdAt: 1699063295,
  runId: "run_abc123",
  assistantId: "asst_abc123",
  threadId: "thread_abc123",
  type: "tool_calls",
  status: "completed",
  cancelledAt: null,
  completedAt: 1699063305,
  expiredAt: null,
  failedAt: null,
  lastError: null,
  stepDetails: {
    type: "tool_calls",
    toolCalls: [
      {
        id: "call_code789",
        type: "code_interpreter",
        codeInterpreter: {
          input: plotCode,
          outputs: [
            { type: "logs", logs: "4213.57\n" },
            { type: "image", image: { fileId: "file-img456" } },
          ],
        },
      },
      { id: "call_retr012", type: "retrieval", retrieval: {} },
      {
        id: "call_func345",
        type: "function",
        function: { name: "get_current_weather", arguments: weatherArguments, output: '{"temperature_c":18}' },
      },
    ],
  },
  metadata: { "Step Label": "analysis" },
};

// ---------------------------------------------------------------------------------------
// Files
// ---------------------------------------------------------------------------------------

export const processedFileWire = {
  id: "file-abc123",
  object: "file",
  bytes: 120000,
  created_at: 1677610602,
  filename: "salesOverview.pdf",
  purpose: "assistants",
  status: "processed",
};

export const processedFileModel = {
  id: "file-abc123",
  object: "file",
  bytes: 120000,
  createdAt: 1677610602,
  filename: "salesOverview.pdf",
  purpose: "assistants",
  status: "processed",
};

export const erroredFileWire = {
  id: "file-def456",
  object: "file",
  bytes: 2048,
  created_at: 1677610700,
  filename: "mydata.jsonl",
  purpose: "fine-tune",
  status: "error",
  status_details: "Invalid file format for Fine-Tuning API. Must be .jsonl",
};

export const erroredFileModel = {
  id: "file-def456",
  object: "file",
  bytes: 2048,
  createdAt: 1677610700,
  filename: "mydata.jsonl",
  purpose: "fine-tune",
  status: "error",
  statusDetails: "Invalid file format for Fine-Tuning API. Must be .jsonl",
};

export const outputFileWire = {
  id: "file-out789",
  object: "file",
  bytes: 48213,
  created_at: 1699063305,
  filename: "revenue.png",
  purpose: "assistants_output",
  status: "processed",
};

export const outputFileModel = {
  id: "file-out789",
  object: "file",
  bytes: 48213,
  createdAt: 1699063305,
  filename: "revenue.png",
  purpose: "assistants_output",
  status: "processed",
};

// ---------------------------------------------------------------------------------------
// Pages
// ---------------------------------------------------------------------------------------

/** A cursor page as the Assistants list endpoints send it. */
export function pageWire<T>(data: T[], firstId: string, lastId: string, hasMore: boolean) {
  return { object: "list", data, first_id: firstId, last_id: lastId, has_more: hasMore };
}

/** The parsed form of `pageWire`. */
export function pageModel<T>(data: T[], firstId: string, lastId: string, hasMore: boolean) {
  return { object: "list", data, firstId, lastId, hasMore };
}
