/**
 * Conformance against OpenAI's own document, checked by a validator no one here wrote.
 *
 * Prism (`@stoplight/prism-cli` 5.14.2, the devDependency locked in package-lock.json) mocks
 * OpenAI's 2023-11-28 document — not ours; its facts, tests/facts/, without prose — and validates
 * every request the SDK sends against it: security, path, query, Content-Type and body
 * (with all errors reported, `additionalProperties: false` enforced). Each of the 33
 * operations is called through the public SDK with fully populated arguments and must be
 * accepted (2xx, no request warning either), and Prism's response (made from the schemas)
 * must parse into the SDK's typed result.
 *
 * Prism runs without `--errors`: invalid requests still get 401/415/422 with the violation
 * list (see the canary test), while violations of Prism's own mock response against
 * OpenAI's schema (bugs in OpenAI's document, not in the SDK) do not replace the response
 * with a 500. They arrive in the `sl-violations` header instead and are asserted to be
 * exactly the known ones listed in KNOWN_RESPONSE_VIOLATIONS, so nothing passes silently.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { AxiosResponse } from "axios";
import { parse } from "yaml";
import { Gpt, shared } from "../../src";
import {
  formatViolations,
  slViolations,
  startPrism,
  violationsOf,
  type PrismServer,
  type PrismViolation,
} from "../support/prism";
import { documentFile } from "../support/facts";
import { ROOT } from "../support/root";
import { OPERATION_COUNT, UPSTREAM_DOCUMENT } from "../support/pinned-spec";

const SPEC = documentFile(UPSTREAM_DOCUMENT);
/** Our own document: the list of operations the SDK is generated from. */
const OUR_SPEC = path.join(ROOT, "openapi.yaml");

/**
 * OpenAI's 2023-11-28 document: `CreateRunRequest` and `CreateThreadAndRunRequest` list
 * `thread_id` in `required` although it is not one of their properties, and both declare
 * `additionalProperties: false`. No body can satisfy both (without `thread_id` it is
 * "missing", with it it is "additional"), so Prism rejects every createRun and
 * createThreadAndRun. Prism reports all violations at once (Ajv `allErrors`), so when this
 * is the ONLY violation, everything else the SDK sent conforms.
 */
const THREAD_ID_SPEC_BUG: PrismViolation = {
  location: ["body"],
  severity: "Error",
  code: "required",
  message: "Request body must have required property 'thread_id'",
};

/**
 * Violations of Prism's own example response against OpenAI's document (independent of what
 * the SDK sends). `ListAssistantFilesResponse` and `ListMessageFilesResponse` require a
 * property `items` that they do not define (the list is `data`), so no response can conform.
 */
const MISSING_ITEMS: PrismViolation = {
  location: ["response", "body"],
  severity: "Error",
  code: "required",
  message: "Response body must have required property 'items'",
};
const KNOWN_RESPONSE_VIOLATIONS: Record<string, PrismViolation[]> = {
  listAssistantFiles: [MISSING_ITEMS],
  listMessageFiles: [MISSING_ITEMS],
};

const THREAD = "thread_abc123";
const RUN = "run_abc123";
const STEP = "step_abc123";
const MESSAGE = "msg_abc123";
const ASSISTANT = "asst_abc123";
const FILE = "file-abc123";

/** Every kind of tool the document allows, fully populated. */
const TOOLS: Array<shared.AssistantToolsCode | shared.AssistantToolsRetrieval | shared.AssistantToolsFunction> = [
  { type: "code_interpreter" },
  { type: "retrieval" },
  {
    type: "function",
    function: {
      name: "get_weather",
      description: "Current weather for a city.",
      parameters: {
        type: "object",
        properties: { city: { type: "string" }, unit: { type: "string", enum: ["c", "f"] } },
        required: ["city"],
      },
    },
  },
];

/** TOOLS as the wire must carry them (the SDK's models are already wire-shaped here). */
const WIRE_TOOLS = JSON.parse(JSON.stringify(TOOLS)) as unknown;

/** Every field of a create/modify assistant body, as the SDK sends them when all are given. */
const ASSISTANT_BODY_KEYS = ["description", "file_ids", "instructions", "metadata", "model", "name", "tools"];
const METADATA = { user_id: "user_42", "Mixed Key": "value with spaces", empty: "" };

const MESSAGE_REQUEST: shared.CreateMessageRequest = {
  role: "user",
  content: "How warm is it in Paris? See the attached notes.",
  fileIds: [FILE],
  metadata: METADATA,
};

const WIRE_MESSAGE = { role: "user", content: MESSAGE_REQUEST.content, file_ids: [FILE], metadata: METADATA };

let prism: PrismServer | undefined;
let sdk: Gpt;
const exercised = new Set<string>();

beforeAll(async () => {
  prism = await startPrism(SPEC, { readyTimeoutMs: 60_000 });
  sdk = new Gpt({ apiKeyAuth: "sk-test", serverURL: prism.url, retries: false });
}, 90_000);

afterAll(async () => {
  await prism?.stop();
}, 30_000);

type Result = { statusCode: number; contentType: string; rawResponse: AxiosResponse };
type HttpError = Error & { statusCode: number; body: string; rawResponse?: AxiosResponse };

function isHttpError(error: unknown): error is HttpError {
  return (
    error instanceof Error &&
    typeof (error as HttpError).statusCode === "number" &&
    typeof (error as HttpError).body === "string"
  );
}

/** What the SDK put on the wire, for failure messages (no headers, so no credentials). */
function sent(response: AxiosResponse | undefined): string {
  const config = response?.config;
  if (!config) return "(unknown request)";
  const data =
    typeof config.data === "string"
      ? config.data
      : config.data === undefined
        ? ""
        : `[${config.data?.constructor?.name ?? typeof config.data} body]`;
  return `${String(config.method).toUpperCase()} ${config.url} ${data}`.trim();
}

/** The JSON body the SDK sent, so a test can show that nothing it set was dropped before Prism saw it. */
function sentBody(response: AxiosResponse | undefined): Record<string, unknown> {
  const data = response?.config?.data;
  if (typeof data !== "string") throw new Error(`expected a JSON body, got ${sent(response)}`);
  return JSON.parse(data) as Record<string, unknown>;
}

/** Calls one operation; Prism must accept the request and serve a 200 that the SDK parsed. */
async function accepted<R extends Result>(operationId: string, call: () => Promise<R>): Promise<R> {
  exercised.add(operationId);
  let result: R;
  try {
    result = await call();
  } catch (error) {
    if (isHttpError(error)) {
      const violations = violationsOf(error.body);
      throw new Error(
        `${operationId}: Prism rejected the request with ${error.statusCode}:\n` +
          `${violations.length > 0 ? formatViolations(violations) : error.body}\nsent: ${sent(error.rawResponse)}`,
        { cause: error },
      );
    }
    throw error;
  }
  expect(result.statusCode).toBe(200);
  const violations = slViolations(result.rawResponse.headers as Record<string, unknown>);
  const aboutRequest = violations.filter((v) => v.location[0] !== "response");
  if (aboutRequest.length > 0) {
    throw new Error(
      `${operationId}: Prism served the request but reported:\n${formatViolations(aboutRequest)}\nsent: ${sent(result.rawResponse)}`,
    );
  }
  expect({ operationId, responseViolations: violations }).toEqual({
    operationId,
    responseViolations: KNOWN_RESPONSE_VIOLATIONS[operationId] ?? [],
  });
  return result;
}

/** Calls one operation that OpenAI's document makes impossible to call validly; returns Prism's rejection. */
async function rejected(operationId: string, call: () => Promise<unknown>): Promise<HttpError> {
  exercised.add(operationId);
  try {
    await call();
  } catch (error) {
    if (isHttpError(error)) return error;
    throw error;
  }
  throw new Error(`${operationId}: expected Prism to reject the request (see THREAD_ID_SPEC_BUG), but it was accepted`);
}

/** The SDK's parse must hand back its model classes, not the wire JSON. */
function expectAssistant(assistant: shared.AssistantObject | undefined): void {
  expect(assistant).toBeInstanceOf(shared.AssistantObject);
  expect(typeof assistant!.id).toBe("string");
  expect(assistant!.object).toBe("assistant");
  expect(typeof assistant!.createdAt).toBe("number");
  expect(Array.isArray(assistant!.tools)).toBe(true);
  expect(Array.isArray(assistant!.fileIds)).toBe(true);
  expect(assistant).not.toHaveProperty("created_at");
}

function expectThread(thread: shared.ThreadObject | undefined): void {
  expect(thread).toBeInstanceOf(shared.ThreadObject);
  expect(typeof thread!.id).toBe("string");
  expect(thread!.object).toBe("thread");
  expect(typeof thread!.createdAt).toBe("number");
}

function expectMessage(message: shared.MessageObject | undefined): void {
  expect(message).toBeInstanceOf(shared.MessageObject);
  expect(typeof message!.id).toBe("string");
  expect(message!.object).toBe("thread.message");
  expect(typeof message!.threadId).toBe("string");
  expect(message!.content.length).toBeGreaterThan(0);
  for (const content of message!.content) {
    // Narrowing the union by its discriminator.
    if (content.type === "image_file") {
      expect(content).toBeInstanceOf(shared.MessageContentImageFileObject);
      expect(typeof content.imageFile.fileId).toBe("string");
    } else if (content.type === "text") {
      expect(content).toBeInstanceOf(shared.MessageContentTextObject);
      expect(typeof content.text.value).toBe("string");
      expect(Array.isArray(content.text.annotations)).toBe(true);
    } else {
      throw new Error(`unexpected message content ${JSON.stringify(content)}`);
    }
  }
}

function expectRun(run: shared.RunObject | undefined): void {
  expect(run).toBeInstanceOf(shared.RunObject);
  expect(typeof run!.id).toBe("string");
  expect(run!.object).toBe("thread.run");
  expect(typeof run!.threadId).toBe("string");
  expect(typeof run!.assistantId).toBe("string");
  expect(typeof run!.status).toBe("string");
  expect(typeof run!.expiresAt).toBe("number");
  expect(Array.isArray(run!.tools)).toBe(true);
  const action = run!.requiredAction;
  if (action !== null) {
    expect(action).toBeInstanceOf(shared.RunObjectRequiredAction);
    expect(action.type).toBe("submit_tool_outputs");
    for (const call of action.submitToolOutputs.toolCalls) {
      expect(call).toBeInstanceOf(shared.RunToolCallObject);
      expect(call.type).toBe("function");
      expect(typeof call.function.name).toBe("string");
      expect(typeof call.function.arguments).toBe("string");
    }
  }
  if (run!.lastError !== null) expect(typeof run!.lastError.message).toBe("string");
}

function expectRunStep(step: shared.RunStepObject | undefined): void {
  expect(step).toBeInstanceOf(shared.RunStepObject);
  expect(typeof step!.id).toBe("string");
  expect(step!.object).toBe("thread.run.step");
  expect(typeof step!.runId).toBe("string");
  const details = step!.stepDetails;
  if (details.type === "message_creation") {
    expect(details).toBeInstanceOf(shared.RunStepDetailsMessageCreationObject);
    expect(typeof details.messageCreation.messageId).toBe("string");
  } else if (details.type === "tool_calls") {
    expect(details).toBeInstanceOf(shared.RunStepDetailsToolCallsObject);
    expect(Array.isArray(details.toolCalls)).toBe(true);
  } else {
    throw new Error(`unexpected step_details ${JSON.stringify(details)}`);
  }
}

function expectAssistantFile(file: shared.AssistantFileObject | undefined): void {
  expect(file).toBeInstanceOf(shared.AssistantFileObject);
  expect(typeof file!.id).toBe("string");
  expect(file!.object).toBe("assistant.file");
  expect(typeof file!.assistantId).toBe("string");
}

function expectMessageFile(file: shared.MessageFileObject | undefined): void {
  expect(file).toBeInstanceOf(shared.MessageFileObject);
  expect(typeof file!.id).toBe("string");
  expect(file!.object).toBe("thread.message.file");
  expect(typeof file!.messageId).toBe("string");
}

function expectOpenAIFile(file: shared.OpenAIFile | undefined): void {
  expect(file).toBeInstanceOf(shared.OpenAIFile);
  expect(typeof file!.id).toBe("string");
  expect(typeof file!.bytes).toBe("number");
  expect(typeof file!.createdAt).toBe("number");
  expect(typeof file!.filename).toBe("string");
  expect(file!.object).toBe("file");
  expect(typeof file!.purpose).toBe("string");
  expect(typeof file!.status).toBe("string");
}

function expectPage(
  page: { object: string; data: unknown[]; firstId: string; lastId: string; hasMore: boolean } | undefined,
): void {
  // The document types `object` as any string ("list" is only its example, which the facts leave out).
  expect(typeof page!.object).toBe("string");
  expect(page!.data.length).toBeGreaterThan(0);
  expect(typeof page!.firstId).toBe("string");
  expect(typeof page!.lastId).toBe("string");
  expect(typeof page!.hasMore).toBe("boolean");
}

describe("Prism itself", () => {
  test("rejects a non-conforming request with its violation list (the validator is live)", async () => {
    // The SDK keeps fields it does not know, so an unknown property reaches the wire.
    const body = { model: "gpt-4", not_in_the_document: true } as unknown as shared.CreateAssistantRequest;
    const error = await sdk.assistants.createAssistant(body).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isHttpError(error)).toBe(true);
    expect((error as HttpError).statusCode).toBe(422);
    expect(violationsOf((error as HttpError).body)).toEqual([
      expect.objectContaining({
        code: "additionalProperties",
        message: "Request body must NOT have additional properties; found 'not_in_the_document'",
      }),
    ]);

    // Multipart bodies are validated too, so createFile being accepted means something.
    const upload = await sdk.files
      .createFile({
        file: { content: Buffer.from("x"), fileName: "x.txt" },
        purpose: "not-a-purpose" as shared.CreateFileRequestPurpose,
      })
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect((upload as HttpError).statusCode).toBe(422);
    expect(violationsOf((upload as HttpError).body)).toEqual([
      expect.objectContaining({ location: ["body", "purpose"], code: "enum" }),
    ]);

    // Security too (a request without a key; the SDK itself refuses to send one).
    const unauthenticated = await fetch(`${prism!.url}/assistants/${ASSISTANT}`, {
      headers: { "OpenAI-Beta": "assistants=v1" },
    });
    expect(unauthenticated.status).toBe(401);
  });
});

describe("Assistants, against OpenAI's document", () => {
  test("createAssistant", async () => {
    const res = await accepted("createAssistant", () =>
      sdk.assistants.createAssistant({
        model: "gpt-4-1106-preview",
        name: "Weather helper",
        description: "Answers questions about the weather.",
        instructions: "You are a concise weather assistant.",
        tools: TOOLS,
        fileIds: [FILE, "file-def456"],
        metadata: METADATA,
      }),
    );
    expect(Object.keys(sentBody(res.rawResponse)).sort()).toEqual(ASSISTANT_BODY_KEYS);
    expect(sentBody(res.rawResponse).tools).toEqual(WIRE_TOOLS);
    expect(sentBody(res.rawResponse).metadata).toEqual(METADATA);
    expectAssistant(res.assistantObject);
  });

  test("listAssistants", async () => {
    const res = await accepted("listAssistants", () =>
      sdk.assistants.listAssistants("asst_after", "asst_before", 20, "desc"),
    );
    expect(res.rawResponse.config.url).toBe(
      `${prism!.url}/assistants?after=asst_after&before=asst_before&limit=20&order=desc`,
    );
    expectPage(res.listAssistantsResponse);
    expect(res.listAssistantsResponse).toBeInstanceOf(shared.ListAssistantsResponse);
    for (const assistant of res.listAssistantsResponse!.data) expectAssistant(assistant);
  });

  test("getAssistant", async () => {
    const res = await accepted("getAssistant", () => sdk.assistants.getAssistant(ASSISTANT));
    expectAssistant(res.assistantObject);
  });

  test("modifyAssistant", async () => {
    const res = await accepted("modifyAssistant", () =>
      sdk.assistants.modifyAssistant(
        {
          model: "gpt-4",
          name: "Weather helper v2",
          description: "Answers questions about the weather, now with sources.",
          instructions: "Cite your sources.",
          tools: TOOLS,
          fileIds: [FILE],
          metadata: METADATA,
        },
        ASSISTANT,
      ),
    );
    expect(Object.keys(sentBody(res.rawResponse)).sort()).toEqual(ASSISTANT_BODY_KEYS);
    expect(sentBody(res.rawResponse).tools).toEqual(WIRE_TOOLS);
    expectAssistant(res.assistantObject);
  });

  test("deleteAssistant", async () => {
    const res = await accepted("deleteAssistant", () => sdk.assistants.deleteAssistant(ASSISTANT));
    expect(res.deleteAssistantResponse).toBeInstanceOf(shared.DeleteAssistantResponse);
    expect(typeof res.deleteAssistantResponse!.id).toBe("string");
    expect(typeof res.deleteAssistantResponse!.deleted).toBe("boolean");
    expect(res.deleteAssistantResponse!.object).toBe("assistant.deleted");
  });

  test("createAssistantFile", async () => {
    const res = await accepted("createAssistantFile", () =>
      sdk.assistants.createAssistantFile({ fileId: FILE }, ASSISTANT),
    );
    expectAssistantFile(res.assistantFileObject);
  });

  test("listAssistantFiles", async () => {
    const res = await accepted("listAssistantFiles", () =>
      sdk.assistants.listAssistantFiles({
        assistantId: ASSISTANT,
        after: "file-after",
        before: "file-before",
        limit: 5,
        order: "asc",
      }),
    );
    expectPage(res.listAssistantFilesResponse);
    for (const file of res.listAssistantFilesResponse!.data) expectAssistantFile(file);
  });

  test("getAssistantFile", async () => {
    const res = await accepted("getAssistantFile", () => sdk.assistants.getAssistantFile(ASSISTANT, FILE));
    expectAssistantFile(res.assistantFileObject);
  });

  test("deleteAssistantFile", async () => {
    const res = await accepted("deleteAssistantFile", () => sdk.assistants.deleteAssistantFile(ASSISTANT, FILE));
    expect(res.deleteAssistantFileResponse).toBeInstanceOf(shared.DeleteAssistantFileResponse);
    expect(typeof res.deleteAssistantFileResponse!.deleted).toBe("boolean");
    expect(res.deleteAssistantFileResponse!.object).toBe("assistant.file.deleted");
  });

  test("createThread", async () => {
    const res = await accepted("createThread", () =>
      sdk.assistants.createThread({
        messages: [MESSAGE_REQUEST, { role: "user", content: "And tomorrow?" }],
        metadata: METADATA,
      }),
    );
    expect(sentBody(res.rawResponse)).toEqual({
      messages: [WIRE_MESSAGE, { role: "user", content: "And tomorrow?" }],
      metadata: METADATA,
    });
    expectThread(res.threadObject);
  });

  test("createThread without a body (the body is optional)", async () => {
    const res = await accepted("createThread", () => sdk.assistants.createThread());
    expectThread(res.threadObject);
  });

  test("getThread", async () => {
    const res = await accepted("getThread", () => sdk.assistants.getThread(THREAD));
    expectThread(res.threadObject);
  });

  test("modifyThread", async () => {
    const res = await accepted("modifyThread", () => sdk.assistants.modifyThread({ metadata: METADATA }, THREAD));
    expectThread(res.threadObject);
  });

  test("deleteThread", async () => {
    const res = await accepted("deleteThread", () => sdk.assistants.deleteThread(THREAD));
    expect(res.deleteThreadResponse).toBeInstanceOf(shared.DeleteThreadResponse);
    expect(typeof res.deleteThreadResponse!.deleted).toBe("boolean");
    expect(res.deleteThreadResponse!.object).toBe("thread.deleted");
  });

  test("createMessage", async () => {
    const res = await accepted("createMessage", () => sdk.assistants.createMessage(MESSAGE_REQUEST, THREAD));
    expect(sentBody(res.rawResponse)).toEqual(WIRE_MESSAGE);
    expectMessage(res.messageObject);
  });

  test("listMessages", async () => {
    const res = await accepted("listMessages", () =>
      sdk.assistants.listMessages({
        threadId: THREAD,
        after: "msg_after",
        before: "msg_before",
        limit: 100,
        order: "asc",
      }),
    );
    expectPage(res.listMessagesResponse);
    expect(res.listMessagesResponse).toBeInstanceOf(shared.ListMessagesResponse);
    const first = res.listMessagesResponse!.data[0].content[0];
    expect(["image_file", "text"]).toContain(first.type);
    for (const message of res.listMessagesResponse!.data) expectMessage(message);
  });

  test("getMessage", async () => {
    const res = await accepted("getMessage", () => sdk.assistants.getMessage(MESSAGE, THREAD));
    expectMessage(res.messageObject);
  });

  test("modifyMessage", async () => {
    const res = await accepted("modifyMessage", () =>
      sdk.assistants.modifyMessage({ metadata: METADATA }, MESSAGE, THREAD),
    );
    expectMessage(res.messageObject);
  });

  test("listMessageFiles", async () => {
    const res = await accepted("listMessageFiles", () =>
      sdk.assistants.listMessageFiles({
        threadId: THREAD,
        messageId: MESSAGE,
        after: "file-after",
        before: "file-before",
        limit: 10,
        order: "desc",
      }),
    );
    expectPage(res.listMessageFilesResponse);
    for (const file of res.listMessageFilesResponse!.data) expectMessageFile(file);
  });

  test("getMessageFile", async () => {
    const res = await accepted("getMessageFile", () => sdk.assistants.getMessageFile(FILE, MESSAGE, THREAD));
    expectMessageFile(res.messageFileObject);
  });

  test("createThreadAndRun: every body is rejected, only because of OpenAI's thread_id bug", async () => {
    const error = await rejected("createThreadAndRun", () =>
      sdk.assistants.createThreadAndRun({
        assistantId: ASSISTANT,
        thread: { messages: [MESSAGE_REQUEST], metadata: METADATA },
        model: "gpt-4-1106-preview",
        instructions: "Answer in one sentence.",
        tools: TOOLS,
        metadata: METADATA,
      }),
    );
    expect(error.statusCode).toBe(422);
    // See THREAD_ID_SPEC_BUG. Any other violation here would be an SDK bug.
    expect(violationsOf(error.body)).toEqual([THREAD_ID_SPEC_BUG]);
    expect(sentBody(error.rawResponse)).toEqual({
      assistant_id: ASSISTANT,
      thread: { messages: [WIRE_MESSAGE], metadata: METADATA },
      model: "gpt-4-1106-preview",
      instructions: "Answer in one sentence.",
      tools: WIRE_TOOLS,
      metadata: METADATA,
    });
  });

  test("createRun: every body is rejected, only because of OpenAI's thread_id bug", async () => {
    const error = await rejected("createRun", () =>
      sdk.assistants.createRun(
        {
          assistantId: ASSISTANT,
          model: "gpt-4-1106-preview",
          instructions: "Answer in one sentence.",
          tools: TOOLS,
          metadata: METADATA,
        },
        THREAD,
      ),
    );
    expect(error.statusCode).toBe(422);
    // See THREAD_ID_SPEC_BUG. Any other violation here would be an SDK bug.
    expect(violationsOf(error.body)).toEqual([THREAD_ID_SPEC_BUG]);
    expect(sentBody(error.rawResponse)).toEqual({
      assistant_id: ASSISTANT,
      model: "gpt-4-1106-preview",
      instructions: "Answer in one sentence.",
      tools: WIRE_TOOLS,
      metadata: METADATA,
    });
  });

  test("listRuns", async () => {
    const res = await accepted("listRuns", () =>
      sdk.assistants.listRuns({ threadId: THREAD, after: "run_after", before: "run_before", limit: 1, order: "desc" }),
    );
    expectPage(res.listRunsResponse);
    for (const run of res.listRunsResponse!.data) expectRun(run);
  });

  test("getRun", async () => {
    const res = await accepted("getRun", () => sdk.assistants.getRun(RUN, THREAD));
    expectRun(res.runObject);
  });

  test("modifyRun", async () => {
    const res = await accepted("modifyRun", () => sdk.assistants.modifyRun({ metadata: METADATA }, RUN, THREAD));
    expectRun(res.runObject);
  });

  test("submitToolOuputsToRun", async () => {
    const res = await accepted("submitToolOuputsToRun", () =>
      sdk.assistants.submitToolOuputsToRun(
        {
          toolOutputs: [
            { toolCallId: "call_abc123", output: JSON.stringify({ city: "Paris", celsius: 21 }) },
            { toolCallId: "call_def456", output: "" },
          ],
        },
        RUN,
        THREAD,
      ),
    );
    expect(sentBody(res.rawResponse)).toEqual({
      tool_outputs: [
        { tool_call_id: "call_abc123", output: JSON.stringify({ city: "Paris", celsius: 21 }) },
        { tool_call_id: "call_def456", output: "" },
      ],
    });
    expectRun(res.runObject);
  });

  test("cancelRun", async () => {
    const res = await accepted("cancelRun", () => sdk.assistants.cancelRun(RUN, THREAD));
    expectRun(res.runObject);
  });

  test("listRunSteps", async () => {
    const res = await accepted("listRunSteps", () =>
      sdk.assistants.listRunSteps({
        threadId: THREAD,
        runId: RUN,
        after: "step_after",
        before: "step_before",
        limit: 50,
        order: "asc",
      }),
    );
    expectPage(res.listRunStepsResponse);
    for (const step of res.listRunStepsResponse!.data) expectRunStep(step);
  });

  test("getRunStep", async () => {
    const res = await accepted("getRunStep", () => sdk.assistants.getRunStep(RUN, STEP, THREAD));
    expectRunStep(res.runStepObject);
  });
});

describe("Files, against OpenAI's document", () => {
  test("listFiles", async () => {
    const res = await accepted("listFiles", () => sdk.files.listFiles("assistants"));
    expect(res.listFilesResponse).toBeInstanceOf(shared.ListFilesResponse);
    expect(res.listFilesResponse!.object).toBe("list");
    expect(res.listFilesResponse!.data.length).toBeGreaterThan(0);
    for (const file of res.listFilesResponse!.data) expectOpenAIFile(file);
  });

  test("createFile (multipart upload of a Buffer)", async () => {
    const res = await accepted("createFile", () =>
      sdk.files.createFile({
        file: { content: Buffer.from('{"prompt":"hello","completion":"world"}\n'), fileName: "notes.jsonl" },
        purpose: "assistants",
      }),
    );
    expectOpenAIFile(res.openAIFile);
  });

  test("retrieveFile", async () => {
    const res = await accepted("retrieveFile", () => sdk.files.retrieveFile(FILE));
    expectOpenAIFile(res.openAIFile);
  });

  test("deleteFile", async () => {
    const res = await accepted("deleteFile", () => sdk.files.deleteFile(FILE));
    expect(res.deleteFileResponse).toBeInstanceOf(shared.DeleteFileResponse);
    expect(typeof res.deleteFileResponse!.id).toBe("string");
    expect(typeof res.deleteFileResponse!.deleted).toBe("boolean");
    expect(res.deleteFileResponse!.object).toBe("file");
  });

  test("downloadFile returns the bytes although OpenAI's document declares a JSON string", async () => {
    // gen.yaml's overlay makes it application/octet-stream; OpenAI's document says application/json
    // `type: string`, so Prism serves the JSON text `"string"`. The SDK must hand back the
    // body's bytes untouched either way, never a parsed value.
    const res = await accepted("downloadFile", () => sdk.files.downloadFile(FILE));
    expect(res.contentType).toMatch(/^application\/json/);
    expect(res.body).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(res.body!).toString("utf8")).toBe('"string"');
  });
});

test("every operation of our openapi.yaml was exercised against Prism", () => {
  const document = parse(fs.readFileSync(OUR_SPEC, "utf8")) as {
    paths: Record<string, Record<string, { operationId?: string }>>;
  };
  const operationIds = Object.values(document.paths)
    .flatMap((item) => Object.values(item))
    .map((operation) => operation?.operationId)
    .filter((id): id is string => typeof id === "string")
    .sort();
  expect(operationIds).toHaveLength(OPERATION_COUNT);
  expect([...exercised].sort()).toEqual(operationIds);
});
