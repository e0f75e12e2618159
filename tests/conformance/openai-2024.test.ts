/**
 * An SDK generated from OpenAI's 2024-05-13 document (Assistants, Files and Vector Stores), sending
 * calls to Prism serving that same document: every request must be accepted (no 4xx, no warning)
 * and every answer parse into the generated models. Generated once, Prism started once.
 *
 * Where Prism cannot judge, the suite checks the request itself: Prism's validator skips
 * schemas with `nullable` but no `type` (3.0 `$ref` + `nullable`, e.g. `response_format`,
 * `tool_choice`), and its multipart parser keeps one value per field; those bodies are compared
 * here, exactly, with what the document asks for.
 */
import { join } from "node:path";
import type { PrismServer } from "../support/prism";
import { documentFile } from "../support/facts";
import { ROOT } from "../support/root";
import { generatePackage, PrismSuite, sentHeader, sentJson, sentTarget } from "./generated-kit";
import type { Untyped } from "../support/generated-sdk";

const SPEC = documentFile("openai-2024-05-13.yaml");
const GEN_YAML = `
sdkClassName: OpenAI24
packageName: openai-2024
tags: [Assistants, Files, Vector Stores]
betaHeaders: { OpenAI-Beta: assistants=v2 }
pagination: { cursorParam: after, cursorField: last_id, hasMoreField: has_more, itemsField: data }
overlays: [${JSON.stringify(join(ROOT, "overlays", "download-file-bytes.yaml"))}]
`;

const suite = new PrismSuite();
let prism: PrismServer;
let sdk: Untyped;
let shared: Record<string, Untyped>;

beforeAll(async () => {
  const [generated, server] = await Promise.all([generatePackage(SPEC, GEN_YAML, "oai24"), suite.start(SPEC)]);
  prism = server;
  shared = generated.exports.shared;
  sdk = new generated.exports.OpenAI24({ apiKeyAuth: "sk-test", serverURL: prism.url, retries: false });
}, 180_000);

afterAll(() => suite.stop(), 30_000);

const ASSISTANT = "asst_abc123";
const THREAD = "thread_abc123";
const MESSAGE = "msg_abc123";
const RUN = "run_abc123";
const STEP = "step_abc123";
const FILE = "file-abc123";
const STORE = "vs_abc123";
const BATCH = "vsfb_abc123";
const METADATA = { project: "otters", "Mixed Key": "value with spaces" };

const TOOLS = [
  { type: "code_interpreter" },
  { type: "file_search" },
  { type: "function", function: { name: "get_weather", description: "Weather.", parameters: { type: "object" } } },
];

describe("Assistants", () => {
  test("createAssistant: tool_resources.file_search under a required-only oneOf keeps its wire names", async () => {
    const res = await suite.call("createAssistant", () =>
      sdk.assistants.createAssistant({
        model: "gpt-4o",
        name: "Helper",
        instructions: "Be brief.",
        tools: TOOLS,
        toolResources: {
          codeInterpreter: { fileIds: [FILE] },
          fileSearch: { vectorStores: [{ fileIds: [FILE], metadata: METADATA }] },
        },
        metadata: METADATA,
        temperature: 0.5,
        topP: 1,
        responseFormat: { type: "json_object" },
      }),
    );
    // response_format is `$ref` + `nullable` (no `type`): Prism does not look at it, so this does.
    expect(sentJson(res)).toEqual({
      model: "gpt-4o",
      name: "Helper",
      instructions: "Be brief.",
      tools: TOOLS,
      tool_resources: {
        code_interpreter: { file_ids: [FILE] },
        file_search: { vector_stores: [{ file_ids: [FILE], metadata: METADATA }] },
      },
      metadata: METADATA,
      temperature: 0.5,
      top_p: 1,
      response_format: { type: "json_object" },
    });
    expect(res.assistantObject).toBeInstanceOf(shared.AssistantObject);
  });

  test("listAssistants: pagination parameters", async () => {
    const res = await suite.call("listAssistants", () => sdk.assistants.listAssistants("asst_a", "asst_b", 20, "desc"));
    expect(sentTarget(res, prism)).toBe("/assistants?after=asst_a&before=asst_b&limit=20&order=desc");
    expect(res.listAssistantsResponse.data[0]).toBeInstanceOf(shared.AssistantObject);
  });

  test("getAssistant", async () => {
    await suite.call("getAssistant", () => sdk.assistants.getAssistant(ASSISTANT));
  });

  test("modifyAssistant: file_search by vector store ids", async () => {
    const res = await suite.call("modifyAssistant", () =>
      sdk.assistants.modifyAssistant(
        { toolResources: { fileSearch: { vectorStoreIds: [STORE] } }, responseFormat: "auto" },
        ASSISTANT,
      ),
    );
    expect(sentJson(res)).toEqual({
      tool_resources: { file_search: { vector_store_ids: [STORE] } },
      response_format: "auto",
    });
  });

  test("deleteAssistant (DELETE)", async () => {
    const res = await suite.call("deleteAssistant", () => sdk.assistants.deleteAssistant(ASSISTANT));
    expect(res.rawResponse.config.method).toBe("delete");
    expect(res.deleteAssistantResponse.deleted).toEqual(expect.any(Boolean));
  });

  test("createThread: messages with attachments (a union of tools per attachment)", async () => {
    const res = await suite.call("createThread", () =>
      sdk.assistants.createThread({
        messages: [
          {
            role: "user",
            content: "Hello",
            attachments: [{ fileId: FILE, tools: [{ type: "file_search" }] }],
            metadata: METADATA,
          },
        ],
        toolResources: { fileSearch: { vectorStoreIds: [STORE] } },
        metadata: METADATA,
      }),
    );
    expect(sentJson(res)).toEqual({
      messages: [
        {
          role: "user",
          content: "Hello",
          attachments: [{ file_id: FILE, tools: [{ type: "file_search" }] }],
          metadata: METADATA,
        },
      ],
      tool_resources: { file_search: { vector_store_ids: [STORE] } },
      metadata: METADATA,
    });
  });

  test("getThread", async () => {
    await suite.call("getThread", () => sdk.assistants.getThread(THREAD));
  });

  test("modifyThread", async () => {
    await suite.call("modifyThread", () =>
      sdk.assistants.modifyThread(
        { toolResources: { codeInterpreter: { fileIds: [FILE] } }, metadata: METADATA },
        THREAD,
      ),
    );
  });

  test("deleteThread (DELETE)", async () => {
    await suite.call("deleteThread", () => sdk.assistants.deleteThread(THREAD));
  });

  test("createMessage: content parts (a union of part objects)", async () => {
    const res = await suite.call("createMessage", () =>
      sdk.assistants.createMessage(
        {
          role: "user",
          content: [
            { type: "text", text: "Describe this." },
            { type: "image_url", imageUrl: { url: "https://example.com/a.png", detail: "low" } },
            { type: "image_file", imageFile: { fileId: FILE, detail: "high" } },
          ],
        },
        THREAD,
      ),
    );
    expect(sentJson(res)).toEqual({
      role: "user",
      content: [
        { type: "text", text: "Describe this." },
        { type: "image_url", image_url: { url: "https://example.com/a.png", detail: "low" } },
        { type: "image_file", image_file: { file_id: FILE, detail: "high" } },
      ],
    });
  });

  test("listMessages: pagination and a run filter", async () => {
    const res = await suite.call("listMessages", () =>
      sdk.assistants.listMessages({ threadId: THREAD, limit: 5, order: "asc", after: "msg_a", runId: RUN }),
    );
    expect(sentTarget(res, prism)).toBe(`/threads/${THREAD}/messages?after=msg_a&limit=5&order=asc&run_id=${RUN}`);
  });

  test("getMessage", async () => {
    await suite.call("getMessage", () => sdk.assistants.getMessage(MESSAGE, THREAD));
  });

  test("modifyMessage", async () => {
    await suite.call("modifyMessage", () => sdk.assistants.modifyMessage({ metadata: METADATA }, MESSAGE, THREAD));
  });

  test("deleteMessage (DELETE)", async () => {
    await suite.call("deleteMessage", () => sdk.assistants.deleteMessage(MESSAGE, THREAD));
  });

  test("createRun: tool_choice as a named tool (string | object union), truncation", async () => {
    const res = await suite.call("createRun", () =>
      sdk.assistants.createRun(
        {
          assistantId: ASSISTANT,
          additionalMessages: [{ role: "assistant", content: "Earlier answer." }],
          toolChoice: { type: "function", function: { name: "get_weather" } },
          truncationStrategy: { type: "last_messages", lastMessages: 3 },
          maxPromptTokens: 500,
          responseFormat: { type: "text" },
        },
        THREAD,
      ),
    );
    // tool_choice and response_format are `$ref` + `nullable`, unchecked by Prism: checked here.
    expect(sentJson(res)).toEqual({
      assistant_id: ASSISTANT,
      additional_messages: [{ role: "assistant", content: "Earlier answer." }],
      tool_choice: { type: "function", function: { name: "get_weather" } },
      truncation_strategy: { type: "last_messages", last_messages: 3 },
      max_prompt_tokens: 500,
      response_format: { type: "text" },
    });
  });

  test("createThreadAndRun: a nested thread with tool resources", async () => {
    const res = await suite.call("createThreadAndRun", () =>
      sdk.assistants.createThreadAndRun({
        assistantId: ASSISTANT,
        thread: {
          messages: [{ role: "user", content: "Hi" }],
          toolResources: { fileSearch: { vectorStoreIds: [STORE] } },
        },
        toolChoice: "required",
        toolResources: { codeInterpreter: { fileIds: [FILE] } },
      }),
    );
    expect(sentJson(res)).toEqual({
      assistant_id: ASSISTANT,
      thread: {
        messages: [{ role: "user", content: "Hi" }],
        tool_resources: { file_search: { vector_store_ids: [STORE] } },
      },
      tool_choice: "required",
      tool_resources: { code_interpreter: { file_ids: [FILE] } },
    });
  });

  test("listRuns", async () => {
    await suite.call("listRuns", () => sdk.assistants.listRuns({ threadId: THREAD, limit: 2, before: "run_b" }));
  });

  test("getRun", async () => {
    await suite.call("getRun", () => sdk.assistants.getRun(RUN, THREAD));
  });

  test("modifyRun", async () => {
    await suite.call("modifyRun", () => sdk.assistants.modifyRun({ metadata: METADATA }, RUN, THREAD));
  });

  test("submitToolOuputsToRun", async () => {
    const res = await suite.call("submitToolOuputsToRun", () =>
      sdk.assistants.submitToolOuputsToRun({ toolOutputs: [{ toolCallId: "call_1", output: "21C" }] }, RUN, THREAD),
    );
    expect(sentJson(res)).toEqual({ tool_outputs: [{ tool_call_id: "call_1", output: "21C" }] });
  });

  test("cancelRun", async () => {
    await suite.call("cancelRun", () => sdk.assistants.cancelRun(RUN, THREAD));
  });

  test("listRunSteps and getRunStep: path parameters", async () => {
    await suite.call("listRunSteps", () =>
      sdk.assistants.listRunSteps({ threadId: THREAD, runId: RUN, order: "desc" }),
    );
    const res = await suite.call("getRunStep", () => sdk.assistants.getRunStep(RUN, STEP, THREAD));
    expect(sentTarget(res, prism)).toBe(`/threads/${THREAD}/runs/${RUN}/steps/${STEP}`);
  });
});

describe("Files", () => {
  test("createFile: a multipart upload", async () => {
    const res = await suite.call("createFile", () =>
      sdk.files.createFile({ file: { content: Buffer.from("{}\n"), fileName: "data.jsonl" }, purpose: "assistants" }),
    );
    expect(sentHeader(res, "content-type")).toMatch(/^multipart\/form-data; boundary=/);
  });

  test("listFiles, retrieveFile, deleteFile", async () => {
    await suite.call("listFiles", () => sdk.files.listFiles("assistants"));
    await suite.call("retrieveFile", () => sdk.files.retrieveFile(FILE));
    await suite.call("deleteFile", () => sdk.files.deleteFile(FILE));
  });

  test("downloadFile: the bytes as they came", async () => {
    const res = await suite.call("downloadFile", () => sdk.files.downloadFile(FILE));
    expect(sentHeader(res, "accept")).toBe("application/octet-stream, */*;q=0.1");
    expect(res.body).toBeInstanceOf(Uint8Array);
  });
});

describe("Vector Stores", () => {
  test("createVectorStore: expiry and metadata", async () => {
    const res = await suite.call("createVectorStore", () =>
      sdk.vectorStores.createVectorStore({
        name: "Docs",
        fileIds: [FILE],
        expiresAfter: { anchor: "last_active_at", days: 7 },
        metadata: METADATA,
      }),
    );
    expect(sentJson(res)).toEqual({
      name: "Docs",
      file_ids: [FILE],
      expires_after: { anchor: "last_active_at", days: 7 },
      metadata: METADATA,
    });
  });

  test("listVectorStores, getVectorStore, modifyVectorStore, deleteVectorStore", async () => {
    await suite.call("listVectorStores", () => sdk.vectorStores.listVectorStores(undefined, undefined, 10, "asc"));
    await suite.call("getVectorStore", () => sdk.vectorStores.getVectorStore(STORE));
    await suite.call("modifyVectorStore", () => sdk.vectorStores.modifyVectorStore({ name: "Renamed" }, STORE));
    await suite.call("deleteVectorStore", () => sdk.vectorStores.deleteVectorStore(STORE));
  });

  test("vector store files: create, list with a filter, get, delete", async () => {
    await suite.call("createVectorStoreFile", () => sdk.vectorStores.createVectorStoreFile({ fileId: FILE }, STORE));
    const list = await suite.call("listVectorStoreFiles", () =>
      sdk.vectorStores.listVectorStoreFiles({ vectorStoreId: STORE, filter: "completed", limit: 3 }),
    );
    expect(sentTarget(list, prism)).toBe(`/vector_stores/${STORE}/files?filter=completed&limit=3`);
    await suite.call("getVectorStoreFile", () => sdk.vectorStores.getVectorStoreFile(FILE, STORE));
    await suite.call("deleteVectorStoreFile", () => sdk.vectorStores.deleteVectorStoreFile(FILE, STORE));
  });

  test("file batches: create, get, cancel, list their files", async () => {
    await suite.call("createVectorStoreFileBatch", () =>
      sdk.vectorStores.createVectorStoreFileBatch({ fileIds: [FILE, "file-def456"] }, STORE),
    );
    await suite.call("getVectorStoreFileBatch", () => sdk.vectorStores.getVectorStoreFileBatch(BATCH, STORE));
    await suite.call("cancelVectorStoreFileBatch", () => sdk.vectorStores.cancelVectorStoreFileBatch(BATCH, STORE));
    await suite.call("listFilesInVectorStoreBatch", () =>
      sdk.vectorStores.listFilesInVectorStoreBatch({ vectorStoreId: STORE, batchId: BATCH, filter: "in_progress" }),
    );
  });
});

test("41 calls (at least 25) were accepted by Prism and parsed", () => {
  expect(suite.accepted).toHaveLength(41);
});
