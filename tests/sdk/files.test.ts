/**
 * Files: the exact wire request and the exact parsed result of each of the 5 operations.
 * None of them is an Assistants (beta) operation, so none may send `OpenAI-Beta`.
 * Uploads are multipart from a Buffer, a Blob, a File, a Readable and an fs stream;
 * downloads return the exact bytes, including bytes that are not UTF-8.
 */
import { createReadStream, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Readable } from "node:stream";
import { Gpt, SDKError, shared } from "../../src";
import { BASE_PATH, type Recorded, useMockApi } from "../support/mock-api";
import { tempDir } from "../support/temp";
import { API_KEY, expectJsonResult, expectRequest, notFoundBody } from "./expect-request";
import {
  erroredFileModel,
  erroredFileWire,
  outputFileModel,
  outputFileWire,
  processedFileModel,
  processedFileWire,
} from "./fixtures";

const api = useMockApi();
let sdk: Gpt;
beforeAll(() => {
  sdk = new Gpt({ apiKeyAuth: API_KEY, serverURL: api.baseURL });
});

const uploadedFileWire = {
  id: "file-up123",
  object: "file",
  bytes: 140,
  created_at: 1699061776,
  filename: "training.jsonl",
  purpose: "fine-tune",
  status: "uploaded",
};
const uploadedFileModel = {
  id: "file-up123",
  object: "file",
  bytes: 140,
  createdAt: 1699061776,
  filename: "training.jsonl",
  purpose: "fine-tune",
  status: "uploaded",
};

const jsonl =
  '{"messages": [{"role": "system", "content": "Marv is a factual chatbot."}, {"role": "user", "content": "What is 2+2?"}]}\n' +
  '{"messages": [{"role": "user", "content": "Capital of France?"}, {"role": "assistant", "content": "Paris, héhé."}]}\n';

/** A multipart upload to POST /files: no beta header, a boundary content type, exactly these fields. */
function expectUpload(req: Recorded, form: Recorded["form"]): void {
  expect(req.method).toBe("POST");
  expect(req.url).toBe(`${BASE_PATH}/files`);
  expect(req.headers["authorization"]).toBe(`Bearer ${API_KEY}`);
  expect(req.headers).not.toHaveProperty("openai-beta");
  expect(req.headers["user-agent"]).toMatch(/^gpt-sdk\/\d+\.\d+\.\d+/);
  expect(req.contentType).toMatch(/^multipart\/form-data; ?boundary=/);
  expect(req.form).toEqual(form);
}

describe("files", () => {
  test("listFiles: purpose filter in the query; unknown page fields kept", async () => {
    api.reply({ json: { object: "list", data: [processedFileWire, outputFileWire], has_more: false } });

    const res = await sdk.files.listFiles("assistants");

    expectRequest(api.single(), { method: "GET", path: "/files?purpose=assistants", beta: false });
    expectJsonResult(res);
    expect(res.listFilesResponse).toEqual({
      object: "list",
      data: [processedFileModel, outputFileModel],
      has_more: false,
    });
  });

  test("listFiles: no purpose means no query string", async () => {
    api.reply({ json: { object: "list", data: [erroredFileWire] } });

    const res = await sdk.files.listFiles();

    expectRequest(api.single(), { method: "GET", path: "/files", beta: false });
    expect(res.listFilesResponse).toEqual({ object: "list", data: [erroredFileModel] });
  });

  test("createFile: multipart upload from a Buffer with a file name", async () => {
    api.reply({ json: uploadedFileWire });

    const res = await sdk.files.createFile({
      file: { content: Buffer.from(jsonl, "utf8"), fileName: "training.jsonl" },
      purpose: shared.CreateFileRequestPurpose.FineTune,
    });

    expectUpload(api.single(), {
      purpose: "fine-tune",
      file: { name: "training.jsonl", type: expect.any(String), text: jsonl },
    });
    expectJsonResult(res);
    expect(res.openAIFile).toEqual(uploadedFileModel);
  });

  test("createFile: multipart upload from a Blob keeps its media type", async () => {
    api.reply({ json: { ...processedFileWire, filename: "sales.csv", bytes: 41 } });
    const csv = "region,revenue\nEMEA,4213.57\nAPAC,3890.10\n";

    const res = await sdk.files.createFile({
      file: { content: new Blob([csv], { type: "text/csv" }), fileName: "sales.csv" },
      purpose: "assistants",
    });

    expectUpload(api.single(), { purpose: "assistants", file: { name: "sales.csv", type: "text/csv", text: csv } });
    expectJsonResult(res);
    expect(res.openAIFile).toEqual({ ...processedFileModel, filename: "sales.csv", bytes: 41 });
  });

  test("createFile: a bare File is sent under its own name", async () => {
    api.reply({ json: { ...processedFileWire, filename: "handbook.md" } });

    await sdk.files.createFile({
      file: new File(["# Employee handbook\n"], "handbook.md", { type: "text/markdown" }),
      purpose: "assistants",
    });

    expectUpload(api.single(), {
      purpose: "assistants",
      file: { name: "handbook.md", type: "text/markdown", text: "# Employee handbook\n" },
    });
  });

  test("createFile: multipart upload from a Node Readable stream, read to the end", async () => {
    api.reply({ json: uploadedFileWire });
    const lines = jsonl
      .split("\n")
      .filter(Boolean)
      .map((line) => Buffer.from(line + "\n", "utf8"));

    const res = await sdk.files.createFile({
      file: { content: Readable.from(lines), fileName: "training.jsonl" },
      purpose: "fine-tune",
    });

    expectUpload(api.single(), {
      purpose: "fine-tune",
      file: { name: "training.jsonl", type: expect.any(String), text: jsonl },
    });
    expect(res.openAIFile).toEqual(uploadedFileModel);
  });

  test("createFile: a bare fs.ReadStream is sent under its file's base name", async () => {
    const dir = tempDir("upload");
    const path = join(dir, "notes.txt");
    writeFileSync(path, "meeting notes\nline two\n");
    api.reply({ json: { ...processedFileWire, filename: "notes.txt" } });

    await sdk.files.createFile({ file: createReadStream(path), purpose: "assistants" });

    expectUpload(api.single(), {
      purpose: "assistants",
      file: { name: "notes.txt", type: expect.any(String), text: "meeting notes\nline two\n" },
    });
  });

  test("retrieveFile: GET by id; parses status and status_details", async () => {
    api.reply({ json: erroredFileWire });

    const res = await sdk.files.retrieveFile("file-def456");

    expectRequest(api.single(), { method: "GET", path: "/files/file-def456", beta: false });
    expectJsonResult(res);
    expect(res.openAIFile).toEqual(erroredFileModel);
  });

  test("deleteFile: DELETE by id (percent-encoded); parses the deletion status", async () => {
    api.reply({ json: { id: "file-abc123", object: "file", deleted: true } });

    const res = await sdk.files.deleteFile("file abc/123");

    expectRequest(api.single(), { method: "DELETE", path: "/files/file%20abc%2F123", beta: false });
    expectJsonResult(res);
    expect(res.deleteFileResponse).toEqual({ id: "file-abc123", object: "file", deleted: true });
  });

  test("downloadFile: returns the exact bytes, including ones that are not valid UTF-8", async () => {
    const bytes = [
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff, 0xfe, 0x80, 0xc3, 0x28, 0xed, 0xa0, 0x80, 0x7b, 0x0a,
    ];
    api.reply({ body: new Uint8Array(bytes), headers: { "content-type": "application/octet-stream" } });

    const res = await sdk.files.downloadFile("file-out789");

    expectRequest(api.single(), { method: "GET", path: "/files/file-out789/content", beta: false });
    // The media type the operation declares, not axios' default (JSON and text).
    expect(api.single().headers["accept"]).toBe("application/octet-stream, */*;q=0.1");
    expect(res.statusCode).toBe(200);
    expect(res.contentType).toBe("application/octet-stream");
    expect(res.body).toBeInstanceOf(Uint8Array);
    expect(Array.from(res.body!)).toEqual(bytes);
  });

  test("downloadFile: an undeclared 404 rejects with statusCode 404 instead of returning the error body as bytes", async () => {
    const strict = new Gpt({ apiKeyAuth: API_KEY, serverURL: api.baseURL, retries: false });
    api.reply({ status: 404, json: notFoundBody("No such File object: file-missing") });

    const call = strict.files.downloadFile("file-missing");

    await expect(call).rejects.toBeInstanceOf(SDKError);
    await expect(call).rejects.toMatchObject({ statusCode: 404 });
    expectRequest(api.single(), { method: "GET", path: "/files/file-missing/content", beta: false });
  });
});
