/**
 * The wire objects the emulator stores and returns, in the API's own snake_case shape
 * (Assistants v1, Files). Kept apart from the generated SDK models on purpose: the emulator
 * speaks the wire, and must not change when the SDK is regenerated.
 */

export type Metadata = Record<string, string>;

export type Tool =
  | { type: "code_interpreter" }
  | { type: "retrieval" }
  | { type: "function"; function: { name: string; description?: string; parameters?: Record<string, unknown> } };

export interface AssistantObject {
  id: string;
  object: "assistant";
  created_at: number;
  name: string | null;
  description: string | null;
  model: string;
  instructions: string | null;
  tools: Tool[];
  file_ids: string[];
  metadata: Metadata;
}

export interface AssistantFileObject {
  id: string;
  object: "assistant.file";
  created_at: number;
  assistant_id: string;
}

export interface ThreadObject {
  id: string;
  object: "thread";
  created_at: number;
  metadata: Metadata;
}

export type Annotation =
  | {
      type: "file_citation";
      text: string;
      file_citation: { file_id: string; quote: string };
      start_index: number;
      end_index: number;
    }
  | { type: "file_path"; text: string; file_path: { file_id: string }; start_index: number; end_index: number };

export type MessageContent =
  | { type: "text"; text: { value: string; annotations: Annotation[] } }
  | { type: "image_file"; image_file: { file_id: string } };

export interface MessageObject {
  id: string;
  object: "thread.message";
  created_at: number;
  thread_id: string;
  role: "user" | "assistant";
  content: MessageContent[];
  assistant_id: string | null;
  run_id: string | null;
  file_ids: string[];
  metadata: Metadata;
}

export interface MessageFileObject {
  id: string;
  object: "thread.message.file";
  created_at: number;
  message_id: string;
}

export type RunStatus =
  "queued" | "in_progress" | "requires_action" | "cancelling" | "cancelled" | "failed" | "completed" | "expired";

export interface FunctionToolCall {
  id: string;
  type: "function";
  function: { name: string; arguments: string };
}

export interface RunError {
  code: "server_error" | "rate_limit_exceeded";
  message: string;
}

export interface RunObject {
  id: string;
  object: "thread.run";
  created_at: number;
  thread_id: string;
  assistant_id: string;
  status: RunStatus;
  required_action: { type: "submit_tool_outputs"; submit_tool_outputs: { tool_calls: FunctionToolCall[] } } | null;
  last_error: RunError | null;
  expires_at: number;
  started_at: number | null;
  cancelled_at: number | null;
  failed_at: number | null;
  completed_at: number | null;
  model: string;
  instructions: string;
  tools: Tool[];
  file_ids: string[];
  metadata: Metadata;
}

export type CodeOutput = { type: "logs"; logs: string } | { type: "image"; image: { file_id: string } };

export type StepToolCall =
  | { id: string; type: "code_interpreter"; code_interpreter: { input: string; outputs: CodeOutput[] } }
  | { id: string; type: "retrieval"; retrieval: Record<string, never> }
  | { id: string; type: "function"; function: { name: string; arguments: string; output: string | null } };

export type StepStatus = "in_progress" | "cancelled" | "failed" | "completed" | "expired";

export interface RunStepObject {
  id: string;
  object: "thread.run.step";
  created_at: number;
  assistant_id: string;
  thread_id: string;
  run_id: string;
  type: "message_creation" | "tool_calls";
  status: StepStatus;
  step_details:
    | { type: "message_creation"; message_creation: { message_id: string } }
    | { type: "tool_calls"; tool_calls: StepToolCall[] };
  last_error: RunError | null;
  expired_at: number | null;
  cancelled_at: number | null;
  failed_at: number | null;
  completed_at: number | null;
  metadata: Metadata;
}

export type FilePurpose = "fine-tune" | "fine-tune-results" | "assistants" | "assistants_output";

export interface FileObject {
  id: string;
  object: "file";
  bytes: number;
  created_at: number;
  filename: string;
  purpose: FilePurpose;
  status: "uploaded" | "processed" | "error";
  status_details: string | null;
}
