/**
 * An SDK generated from OpenAI's 2026-08-21 document (OpenAPI 3.1; Assistants, Files, Vector
 * stores, Moderations, Uploads, Fine-tuning, Audio, Videos and the untagged operations, which hold
 * Containers), sending calls to Prism serving that same document: every request must be accepted
 * (no 4xx, no warning) and every answer parse into the generated models. Generated once, Prism
 * started once.
 *
 * Where Prism cannot judge, the suite checks the request itself, exactly: Prism's multipart
 * parser keeps only the last value of a field (an array's other items are never validated) and
 * does not read a part's own media type; so each multipart call is also sent to a recording
 * server (tests/support/recording-server.ts) and its parts are compared with what the document
 * asks for.
 */
import { join } from "node:path";
import { sentParts } from "../support/multipart";
import type { PrismServer } from "../support/prism";
import { type RecordingServer, startRecordingServer } from "../support/recording-server";
import { documentFile } from "../support/facts";
import { ROOT } from "../support/root";
import { generatePackage, PrismSuite, sentHeader, sentJson, sentTarget } from "./generated-kit";
import type { Untyped } from "../support/generated-sdk";

const SPEC = documentFile("openai-2026-08-21.yaml");
const GEN_YAML = `
sdkClassName: OpenAI26
packageName: openai-2026
tags: [Assistants, Files, Vector stores, Moderations, Uploads, Fine-tuning, Audio, Videos, Default]
betaHeaders: { OpenAI-Beta: assistants=v2 }
overlays: [${JSON.stringify(join(ROOT, "overlays", "download-file-bytes.yaml"))}]
`;

const suite = new PrismSuite();
let prism: PrismServer;
let recorder: RecordingServer;
let sdk: Untyped;
/** The same SDK against the recording server, for what Prism cannot see. */
let recorded: Untyped;
let shared: Record<string, Untyped>;

beforeAll(async () => {
  const [generated, server] = await Promise.all([generatePackage(SPEC, GEN_YAML, "oai26"), suite.start(SPEC)]);
  prism = server;
  recorder = await startRecordingServer();
  shared = generated.exports.shared;
  sdk = new generated.exports.OpenAI26({ apiKeyAuth: "sk-test", serverURL: prism.url, retries: false });
  recorded = new generated.exports.OpenAI26({ apiKeyAuth: "sk-test", serverURL: recorder.baseURL, retries: false });
}, 180_000);

afterAll(async () => {
  await Promise.all([suite.stop(), recorder?.close()]);
}, 30_000);

afterEach(() => recorder?.reset());

/** The multipart parts the SDK sends for this call, from the recording server. */
async function partsOf(call: (client: Untyped) => Promise<unknown>): Promise<{ headers: string[]; body: string }[]> {
  recorder.reply({ json: {} });
  await call(recorded);
  return sentParts(recorder.single());
}

const disposition = (name: string, file?: string) =>
  `Content-Disposition: form-data; name="${name}"${file === undefined ? "" : `; filename="${file}"`}`;

const ASSISTANT = "asst_abc123";
const THREAD = "thread_abc123";
const RUN = "run_abc123";
const STEP = "step_abc123";
const FILE = "file-abc123";
const STORE = "vs_abc123";
const CONTAINER = "cntr_abc123";
const UPLOAD = "upload_abc123";
const JOB = "ftjob-abc123";
const CHECKPOINT = "ft:gpt-4o-mini-2024-07-18:org:weather:B7R9VjQd";
const METADATA = { project: "otters", "Mixed Key": "value with spaces" };
const FILE_SEARCH_CONTENT = "step_details.tool_calls[*].file_search.results[*].content";

describe("Assistants", () => {
  test("createAssistant: a required-only oneOf beside properties, and tool unions", async () => {
    const res = await suite.call("createAssistant", () =>
      sdk.assistants.createAssistant({
        model: "gpt-4o",
        tools: [{ type: "file_search", fileSearch: { maxNumResults: 5 } }, { type: "code_interpreter" }],
        toolResources: { fileSearch: { vectorStoreIds: [STORE] } },
        metadata: METADATA,
      }),
    );
    expect(sentJson(res)).toEqual({
      model: "gpt-4o",
      tools: [{ type: "file_search", file_search: { max_num_results: 5 } }, { type: "code_interpreter" }],
      tool_resources: { file_search: { vector_store_ids: [STORE] } },
      metadata: METADATA,
    });
    expect(res.assistantObject).toBeInstanceOf(shared.AssistantObject);
  });

  test("listAssistants, getAssistant, deleteAssistant", async () => {
    await suite.call("listAssistants", () =>
      sdk.assistants.listAssistants({ limit: 3, order: "asc", after: "asst_a" }),
    );
    await suite.call("getAssistant", () => sdk.assistants.getAssistant(ASSISTANT));
    await suite.call("deleteAssistant", () => sdk.assistants.deleteAssistant(ASSISTANT));
  });

  test("createThread and createMessage: content parts", async () => {
    await suite.call("createThread", () =>
      sdk.assistants.createThread({ messages: [{ role: "user", content: "Hi" }], metadata: METADATA }),
    );
    const res = await suite.call("createMessage", () =>
      sdk.assistants.createMessage(
        {
          role: "user",
          content: [
            { type: "text", text: "Look" },
            { type: "image_url", imageUrl: { url: "https://example.com/a.png" } },
          ],
        },
        THREAD,
      ),
    );
    expect(sentJson(res)).toEqual({
      role: "user",
      content: [
        { type: "text", text: "Look" },
        { type: "image_url", image_url: { url: "https://example.com/a.png" } },
      ],
    });
  });

  test("listRunSteps and getRunStep: a query array (`include[]`) and path parameters", async () => {
    const list = await suite.call("listRunSteps", () =>
      sdk.assistants.listRunSteps({ threadId: THREAD, runId: RUN, limit: 2, include: [FILE_SEARCH_CONTENT] }),
    );
    const include = `include%5B%5D=${encodeURIComponent(FILE_SEARCH_CONTENT)}`;
    expect(sentTarget(list, prism)).toBe(`/threads/${THREAD}/runs/${RUN}/steps?${include}&limit=2`);
    const step = await suite.call("getRunStep", () =>
      sdk.assistants.getRunStep([FILE_SEARCH_CONTENT], RUN, STEP, THREAD),
    );
    expect(sentTarget(step, prism)).toBe(`/threads/${THREAD}/runs/${RUN}/steps/${STEP}?${include}`);
  });
});

describe("Files", () => {
  test("createFile: multipart with an object field (its own application/json part)", async () => {
    const file = { content: Buffer.from('{"a":1}\n'), fileName: "data.jsonl" };
    const request = { file, purpose: "batch", expiresAfter: { anchor: "created_at", seconds: 3600 } };
    // Prism reads every multipart part as text, its media type unread, so an object field is
    // never an object to it: Prism judges the rest, the recording server the whole body.
    await suite.call("createFile", () => sdk.files.createFile({ file, purpose: "batch" }));
    expect(await partsOf((client) => client.files.createFile(request))).toEqual([
      { headers: [disposition("file", "data.jsonl"), "Content-Type: application/octet-stream"], body: '{"a":1}\n' },
      { headers: [disposition("purpose")], body: "batch" },
      {
        headers: [disposition("expires_after"), "Content-Type: application/json"],
        body: '{"anchor":"created_at","seconds":3600}',
      },
    ]);
  });

  test("listFiles (pagination), retrieveFile, deleteFile, downloadFile (bytes)", async () => {
    const list = await suite.call("listFiles", () => sdk.files.listFiles("file-a", 10, "desc", "assistants"));
    expect(sentTarget(list, prism)).toBe("/files?after=file-a&limit=10&order=desc&purpose=assistants");
    await suite.call("retrieveFile", () => sdk.files.retrieveFile(FILE));
    await suite.call("deleteFile", () => sdk.files.deleteFile(FILE));
    const download = await suite.call("downloadFile", () => sdk.files.downloadFile(FILE));
    expect(download.body).toBeInstanceOf(Uint8Array);
  });
});

describe("Vector stores", () => {
  test("createVectorStore: a static chunking strategy (a union told apart by its type)", async () => {
    const res = await suite.call("createVectorStore", () =>
      sdk.vectorStores.createVectorStore({
        name: "Docs",
        fileIds: [FILE],
        chunkingStrategy: { type: "static", static: { maxChunkSizeTokens: 800, chunkOverlapTokens: 400 } },
        metadata: METADATA,
      }),
    );
    expect(sentJson(res)).toEqual({
      name: "Docs",
      file_ids: [FILE],
      chunking_strategy: { type: "static", static: { max_chunk_size_tokens: 800, chunk_overlap_tokens: 400 } },
      metadata: METADATA,
    });
  });

  // A compound filter's items refer to it by `$recursiveRef`, which Prism's validator reads as
  // `{}`: any item then matches two oneOf members, so only a comparison filter can be accepted.
  test("searchVectorStore: a filter union (comparison or compound), a value union, a query array", async () => {
    const res = await suite.call("searchVectorStore", () =>
      sdk.vectorStores.searchVectorStore(
        {
          query: ["otters", "rivers"],
          maxNumResults: 3,
          filters: { type: "in", key: "region", value: ["EU", "UK"] },
          rankingOptions: { ranker: "auto", scoreThreshold: 0.5 },
        },
        STORE,
      ),
    );
    expect(sentJson(res)).toEqual({
      query: ["otters", "rivers"],
      max_num_results: 3,
      filters: { type: "in", key: "region", value: ["EU", "UK"] },
      ranking_options: { ranker: "auto", score_threshold: 0.5 },
    });
  });

  test("updateVectorStoreFileAttributes, listVectorStoreFiles, deleteVectorStore", async () => {
    await suite.call("updateVectorStoreFileAttributes", () =>
      sdk.vectorStores.updateVectorStoreFileAttributes(
        { attributes: { region: "EU", year: 2024, public: true } },
        FILE,
        STORE,
      ),
    );
    await suite.call("listVectorStoreFiles", () =>
      sdk.vectorStores.listVectorStoreFiles({ vectorStoreId: STORE, filter: "completed" }),
    );
    await suite.call("deleteVectorStore", () => sdk.vectorStores.deleteVectorStore(STORE));
  });
});

describe("Moderations", () => {
  test("createModeration: an array of image and text parts goes out with the parts' wire names", async () => {
    const res = await suite.call("createModeration", () =>
      sdk.moderations.createModeration({
        model: "omni-moderation-latest",
        input: [
          { type: "text", text: "hello" },
          { type: "image_url", imageUrl: { url: "https://example.com/a.png" } },
        ],
      }),
    );
    expect(sentJson(res)).toEqual({
      model: "omni-moderation-latest",
      input: [
        { type: "text", text: "hello" },
        { type: "image_url", image_url: { url: "https://example.com/a.png" } },
      ],
    });
    expect(res.createModerationResponse).toBeInstanceOf(shared.CreateModerationResponse);
  });

  test("createModeration: an array of strings as it is", async () => {
    const res = await suite.call("createModeration", () => sdk.moderations.createModeration({ input: ["one", "two"] }));
    expect(sentJson(res)).toEqual({ input: ["one", "two"] });
  });
});

describe("Containers", () => {
  test("createContainer, listContainers, retrieveContainer", async () => {
    const res = await suite.call("createContainer", () =>
      sdk.default.createContainer({
        name: "box",
        fileIds: [FILE],
        expiresAfter: { anchor: "last_active_at", minutes: 20 },
      }),
    );
    expect(sentJson(res)).toEqual({
      name: "box",
      file_ids: [FILE],
      expires_after: { anchor: "last_active_at", minutes: 20 },
    });
    await suite.call("listContainers", () => sdk.default.listContainers(undefined, 5, "box", "desc"));
    await suite.call("retrieveContainer", () => sdk.default.retrieveContainer(CONTAINER));
  });

  test("createContainerFile: offered as JSON and multipart, a file goes out as multipart", async () => {
    const request = { file: { content: Buffer.from("print(1)\n"), fileName: "main.py" } };
    const res = await suite.call("createContainerFile", () => sdk.default.createContainerFile(request, CONTAINER));
    expect(sentHeader(res, "content-type")).toMatch(/^multipart\/form-data; boundary=/);
    expect(await partsOf((client) => client.default.createContainerFile(request, CONTAINER))).toEqual([
      { headers: [disposition("file", "main.py"), "Content-Type: application/octet-stream"], body: "print(1)\n" },
    ]);
  });

  test("listContainerFiles, retrieveContainerFile, its content, deleteContainerFile, deleteContainer", async () => {
    await suite.call("listContainerFiles", () => sdk.default.listContainerFiles("cfile_a", CONTAINER, 2, "asc"));
    await suite.call("retrieveContainerFile", () => sdk.default.retrieveContainerFile(CONTAINER, "cfile_abc123"));
    await suite.call("retrieveContainerFileContent", () =>
      sdk.default.retrieveContainerFileContent(CONTAINER, "cfile_abc123"),
    );
    await suite.call("deleteContainerFile", () => sdk.default.deleteContainerFile(CONTAINER, "cfile_abc123"));
    await suite.call("deleteContainer", () => sdk.default.deleteContainer(CONTAINER));
  });
});

describe("Uploads", () => {
  test("createUpload, addUploadPart (multipart bytes), completeUpload, cancelUpload", async () => {
    await suite.call("createUpload", () =>
      sdk.uploads.createUpload({ filename: "big.jsonl", purpose: "fine-tune", bytes: 2048, mimeType: "text/jsonl" }),
    );
    const part = { data: new Uint8Array([123, 125, 10]) };
    await suite.call("addUploadPart", () => sdk.uploads.addUploadPart(part, UPLOAD));
    expect(await partsOf((client) => client.uploads.addUploadPart(part, UPLOAD))).toEqual([
      { headers: [disposition("data", "upload"), "Content-Type: application/octet-stream"], body: "{}\n" },
    ]);
    await suite.call("completeUpload", () => sdk.uploads.completeUpload({ partIds: ["part_a", "part_b"] }, UPLOAD));
    await suite.call("cancelUpload", () => sdk.uploads.cancelUpload(UPLOAD));
  });
});

describe("Fine-tuning", () => {
  test("listPaginatedFineTuningJobs: metadata as a deepObject", async () => {
    const res = await suite.call("listPaginatedFineTuningJobs", () =>
      sdk.fineTuning.listPaginatedFineTuningJobs("ftjob-a", 4, { project: "otters", "team name": "a&b" }),
    );
    expect(sentTarget(res, prism)).toBe(
      "/fine_tuning/jobs?after=ftjob-a&limit=4&metadata[project]=otters&metadata[team%20name]=a%26b",
    );
  });

  test("retrieveFineTuningJob, listFineTuningEvents, checkpoint permissions", async () => {
    await suite.call("retrieveFineTuningJob", () => sdk.fineTuning.retrieveFineTuningJob(JOB));
    await suite.call("listFineTuningEvents", () => sdk.fineTuning.listFineTuningEvents("ftevent-a", JOB, 5));
    await suite.call("createFineTuningCheckpointPermission", () =>
      sdk.fineTuning.createFineTuningCheckpointPermission({ projectIds: ["proj_a", "proj_b"] }, CHECKPOINT),
    );
    const list = await suite.call("listFineTuningCheckpointPermissions", () =>
      sdk.fineTuning.listFineTuningCheckpointPermissions({
        fineTunedModelCheckpoint: CHECKPOINT,
        projectId: "proj_a",
        limit: 2,
      }),
    );
    expect(sentTarget(list, prism)).toBe(
      `/fine_tuning/checkpoints/${encodeURIComponent(CHECKPOINT)}/permissions?limit=2&project_id=proj_a`,
    );
  });
});

describe("Audio", () => {
  test("createSpeech: a binary answer, asked for by its media type", async () => {
    // Prism frames a binary answer with both Content-Length and Transfer-Encoding, which Node's
    // HTTP parser refuses; the per-call axios option `insecureHTTPParser` lets it through, and
    // `Connection: close` ends the body when Prism closes instead of at an idle timeout.
    const res = await suite.call("createSpeech", () =>
      sdk.audio.createSpeech(
        { model: "gpt-4o-mini-tts", input: "Hello", voice: "alloy", responseFormat: "mp3" },
        { insecureHTTPParser: true, headers: { Connection: "close" } },
      ),
    );
    expect(sentHeader(res, "accept")).toBe("application/octet-stream, text/event-stream, */*;q=0.1");
    expect(res.body).toBeInstanceOf(Uint8Array);
  });

  test("createTranscription: multipart with arrays (one part per item) and an object", async () => {
    const request = {
      file: { content: Buffer.from("RIFF"), fileName: "a.wav", contentType: "audio/wav" },
      model: "gpt-4o-transcribe",
      include: ["logprobs"],
      timestampGranularities: ["word", "segment"],
      chunkingStrategy: { type: "server_vad", prefixPaddingMs: 300, silenceDurationMs: 200 },
      responseFormat: "json",
    };
    // Prism keeps one value per multipart field and reads parts as text: arrays and the object are
    // never what it expects. It judges the rest; the recording server checks every part.
    const { include, timestampGranularities, chunkingStrategy, ...judged } = request;
    void [include, timestampGranularities, chunkingStrategy];
    await suite.call("createTranscription", () => sdk.audio.createTranscription(judged));
    expect(await partsOf((client) => client.audio.createTranscription(request))).toEqual([
      { headers: [disposition("file", "a.wav"), "Content-Type: audio/wav"], body: "RIFF" },
      { headers: [disposition("model")], body: "gpt-4o-transcribe" },
      { headers: [disposition("include")], body: "logprobs" },
      { headers: [disposition("timestamp_granularities")], body: "word" },
      { headers: [disposition("timestamp_granularities")], body: "segment" },
      {
        headers: [disposition("chunking_strategy"), "Content-Type: application/json"],
        body: JSON.stringify({ type: "server_vad", prefix_padding_ms: 300, silence_duration_ms: 200 }),
      },
      { headers: [disposition("response_format")], body: "json" },
    ]);
  });
});

test("40 calls (at least 25) were accepted by Prism and parsed", () => {
  expect(suite.accepted).toHaveLength(40);
});
