/**
 * The model behind runs: a plain function from what the run sees to what the assistant does
 * next. It is called once each time a run is in progress: with no tool outputs yet, then again
 * after each round of submitted outputs. The default needs no key and is deterministic.
 */
import type { AssistantObject, MessageObject, RunObject, ThreadObject } from "./types";

export interface ModelContext {
  /** The assistant as it was when the run was created. */
  readonly assistant: AssistantObject;
  readonly thread: ThreadObject;
  readonly run: RunObject;
  /** The thread's messages, oldest first. */
  readonly messages: readonly MessageObject[];
  /** Every function call of this run answered so far, in order. */
  readonly toolOutputs: readonly { toolCallId: string; name: string; arguments: string; output: string }[];
  /** Files the run can read: the run's (assistant's) files and those attached to the thread's messages. */
  readonly files: readonly { id: string; filename: string; content: Buffer }[];
}

export interface ModelTurn {
  /** The assistant's reply; its text may hold citation markers placed by `retrieval`. */
  message?: string;
  /** Function calls to ask the client for: the run stops in `requires_action` until they are answered. */
  toolCalls?: { name: string; arguments: string | Record<string, unknown> }[];
  /** A code interpreter step: its input, its logs, and (when `image` is set) a PNG it wrote. */
  codeInterpreter?: { input: string; logs?: string; image?: boolean | Uint8Array };
  /** A retrieval step, and a `file_citation` annotation quoting the file in the message. */
  retrieval?: { fileId: string; quote: string };
}

export type EmulatorModel = (context: ModelContext) => ModelTurn;

/**
 * Calls a function tool the last user message names (arguments: the first JSON object in the
 * message, else `{}`), then answers with the tool's output; draws a chart with code_interpreter;
 * cites a file with retrieval; otherwise echoes the last user message.
 */
export const defaultModel: EmulatorModel = (context) => {
  const request = lastUserText(context.messages);
  if (context.toolOutputs.length > 0) {
    const answers = context.toolOutputs.map((call) => `${call.name} returned ${call.output}`);
    return { message: `${answers.join("; ")}.` };
  }
  const named = functionNames(context.run).find((name) => request.includes(name));
  if (named !== undefined) return { toolCalls: [{ name: named, arguments: jsonObjectIn(request) }] };

  const turn: ModelTurn = { message: `You said: ${request}` };
  if (hasTool(context.run, "code_interpreter")) {
    const file = context.files[0];
    turn.codeInterpreter = {
      input: file ? `import pandas as pd\ndf = pd.read_csv('/mnt/data/${file.id}')\ndf.plot()` : "print('hello')",
      logs: file ? `${lineCount(file.content)} rows read from ${file.filename}` : "hello",
      image: file !== undefined,
    };
    turn.message = file ? `I plotted ${file.filename}: see the chart above.` : "I ran the code: it printed hello.";
  }
  if (hasTool(context.run, "retrieval") && context.files.length > 0) {
    const file = context.files[0];
    turn.retrieval = { fileId: file.id, quote: firstLine(file.content) };
    turn.message = `${turn.message} According to ${file.filename}: ${firstLine(file.content)}`;
  }
  return turn;
};

function lastUserText(messages: readonly MessageObject[]): string {
  const last = [...messages].reverse().find((message) => message.role === "user");
  return (last?.content ?? []).map((part) => (part.type === "text" ? part.text.value : "")).join("\n");
}

function functionNames(run: RunObject): string[] {
  return run.tools.flatMap((tool) => (tool.type === "function" ? [tool.function.name] : []));
}

function hasTool(run: RunObject, type: "code_interpreter" | "retrieval"): boolean {
  return run.tools.some((tool) => tool.type === type);
}

function jsonObjectIn(text: string): string {
  const start = text.indexOf("{");
  const end = text.lastIndexOf("}");
  if (start === -1 || end < start) return "{}";
  try {
    return JSON.stringify(JSON.parse(text.slice(start, end + 1)));
  } catch {
    return "{}";
  }
}

function firstLine(content: Buffer): string {
  return content.toString("utf8").split(/\r?\n/)[0].slice(0, 200);
}

function lineCount(content: Buffer): number {
  return content
    .toString("utf8")
    .split(/\r?\n/)
    .filter((line) => line.trim() !== "").length;
}
