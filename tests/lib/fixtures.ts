/** Wire objects (snake_case, as the API sends them) and the client for the helper tests. */
import { Gpt } from "../../src";

export const API_KEY = "sk-test";

/** A client of the mock API (or the real server), without retries: each queued reply answers exactly one request. */
export function newSdk(api: { readonly baseURL: string }): Gpt {
  return new Gpt({ apiKeyAuth: API_KEY, serverURL: api.baseURL, retries: false });
}

export const THREAD = "thread_abc123";
export const RUN = "run_abc123";
export const ASSISTANT = "asst_abc123";

export function runWire(status: string, extra: Record<string, unknown> = {}) {
  return {
    id: RUN,
    object: "thread.run",
    created_at: 1699063290,
    assistant_id: ASSISTANT,
    thread_id: THREAD,
    status,
    started_at: 1699063291,
    expires_at: 1699063890,
    cancelled_at: null,
    failed_at: null,
    completed_at: status === "completed" ? 1699063299 : null,
    required_action: null,
    last_error: null,
    model: "gpt-4-1106-preview",
    instructions: "You are a helpful assistant.",
    tools: [{ type: "code_interpreter" }],
    file_ids: [],
    metadata: {},
    ...extra,
  };
}

export interface WireToolCall {
  id: string;
  name: string;
  arguments: string;
}

/** A run waiting for the outputs of these function calls. */
export function requiresActionWire(calls: WireToolCall[]) {
  return runWire("requires_action", {
    required_action: {
      type: "submit_tool_outputs",
      submit_tool_outputs: {
        tool_calls: calls.map((c) => ({
          id: c.id,
          type: "function",
          function: { name: c.name, arguments: c.arguments },
        })),
      },
    },
  });
}

export function fileWire(status: string, extra: Record<string, unknown> = {}) {
  return {
    id: "file-abc123",
    object: "file",
    bytes: 140,
    created_at: 1613779121,
    filename: "mydata.csv",
    purpose: "assistants",
    status,
    ...extra,
  };
}

export function messageWire(id: string, text: string) {
  return {
    id,
    object: "thread.message",
    created_at: 1699016383,
    thread_id: THREAD,
    role: "assistant",
    content: [{ type: "text", text: { value: text, annotations: [] } }],
    file_ids: [],
    assistant_id: ASSISTANT,
    run_id: RUN,
    metadata: {},
  };
}

export function listWire<T extends { id: string }>(data: T[], hasMore: boolean) {
  return {
    object: "list",
    data,
    first_id: data[0]?.id ?? null,
    last_id: data[data.length - 1]?.id ?? null,
    has_more: hasMore,
  };
}
