/**
 * Request bodies offered both as JSON and as multipart go out as multipart when the schema has
 * a file field (else as JSON); multipart object and array-of-object fields are JSON parts with
 * their own `Content-Type: application/json`; a download asks for the media type it declares.
 */
import { join } from "node:path";
import { generatedSdk, type Untyped } from "../support/generated-sdk";
import { sentParts } from "../support/multipart";
import { useRecordingServer } from "../support/recording-server";
import { ROOT } from "../support/root";

const server = useRecordingServer();
let sdk: Untyped;

beforeAll(async () => {
  const { exports } = await generatedSdk(join(ROOT, "tests/wire/fixtures/uploads.yaml"), "uploads");
  sdk = new exports.Uploads({ serverURL: server.baseURL, retries: false });
}, 60_000);

const disposition = (name: string, file?: string) =>
  `Content-Disposition: form-data; name="${name}"${file === undefined ? "" : `; filename="${file}"`}`;

test("a body offered as JSON and multipart with a file field goes out as multipart, the file a file part", async () => {
  server.reply({ json: { id: "cfile_1" } });
  const res = await sdk.containers.createContainerFile(
    {
      file: { content: Buffer.from("print(1)\n"), fileName: "main.py", contentType: "text/x-python" },
      fileId: "file-9",
    },
    "cntr_1",
  );
  const sent = server.single();
  expect(sent.url).toBe("/v1/containers/cntr_1/files");
  expect(sent.contentType).toMatch(/^multipart\/form-data; boundary=\S+$/);
  expect(sentParts(sent)).toEqual([
    { headers: [disposition("file", "main.py"), "Content-Type: text/x-python"], body: "print(1)\n" },
    { headers: [disposition("file_id")], body: "file-9" },
  ]);
  expect(res.createContainerFileResponseBody).toEqual({ id: "cfile_1" });
});

test("a body offered both ways without a file field goes out as JSON", async () => {
  server.reply({ json: { id: "n1" } });
  await sdk.containers.createNote({ title: "t", tags: ["a", "b"] });
  const sent = server.single();
  expect(sent.contentType).toBe("application/json");
  expect(sent.body).toBe(JSON.stringify({ title: "t", tags: ["a", "b"] }));
});

test("multipart: an array is a part per item; objects (arrays of them too) are application/json parts", async () => {
  server.reply({ json: { id: "u1" } });
  await sdk.containers.createUpload({
    file: { content: new Uint8Array([0, 255, 1]), fileName: 'a "quoted"\nname.bin' },
    extraFiles: [new Blob(["one"], { type: "text/plain" }), { content: Buffer.from("two"), fileName: "two.txt" }],
    purpose: "assistants",
    tags: ["x", "y"],
    metadata: { project: "otters", "key with space": "v" },
    chunking: { maxTokens: 800 },
    steps: [{ stepName: "parse" }, { stepName: "index" }],
  });
  const parts = sentParts(server.single());
  expect(parts.map((p) => p.headers)).toEqual([
    [disposition("file", "a %22quoted%22%0Aname.bin"), "Content-Type: application/octet-stream"],
    [disposition("extra_files", "upload"), "Content-Type: text/plain"],
    [disposition("extra_files", "two.txt"), "Content-Type: application/octet-stream"],
    [disposition("purpose")],
    [disposition("tags")],
    [disposition("tags")],
    [disposition("metadata"), "Content-Type: application/json"],
    [disposition("chunking"), "Content-Type: application/json"],
    [disposition("steps"), "Content-Type: application/json"],
    [disposition("steps"), "Content-Type: application/json"],
  ]);
  // The recording keeps the body as UTF-8 text: byte 255 alone reads as U+FFFD.
  expect(parts.map((p) => p.body)).toEqual([
    "\u0000\ufffd\u0001",
    "one",
    "two",
    "assistants",
    "x",
    "y",
    JSON.stringify({ project: "otters", "key with space": "v" }),
    JSON.stringify({ max_tokens: 800 }),
    JSON.stringify({ step_name: "parse" }),
    JSON.stringify({ step_name: "index" }),
  ]);
});

test("a binary download asks for the media type the operation declares", async () => {
  server.reply({ body: "%PDF-1.7", headers: { "content-type": "application/pdf" } });
  const res = await sdk.containers.downloadFile("file-1");
  expect(server.single().headers["accept"]).toBe("application/pdf, */*;q=0.1");
  expect(Buffer.from(res.body).toString("utf8")).toBe("%PDF-1.7");
});
