/** waitForProcessing and createAndWaitForProcessing: exact polls, the processed file, the typed error. */
import {
  FileProcessingError,
  SDKError,
  WaitTimeoutError,
  createAndWaitForProcessing,
  waitForProcessing,
  type shared,
} from "../../src";
import { ManualClock } from "../support/clock";
import { useMockApi } from "../support/mock-api";
import { fileWire, newSdk } from "./fixtures";

const api = useMockApi();
const sdk = newSdk(api);
const GET_FILE = "GET /files/file-abc123";

describe("waitForProcessing", () => {
  test("uploaded -> uploaded -> processed: 3 polls, returns the processed file", async () => {
    api.reply({ json: fileWire("uploaded") }, { json: fileWire("uploaded") }, { json: fileWire("processed") });
    const clock = new ManualClock();
    const seen: string[] = [];

    const file = await waitForProcessing(sdk, "file-abc123", {
      onStatus: (f: shared.OpenAIFile) => seen.push(f.status),
      now: clock.now,
      sleep: clock.sleep,
    });

    expect(api.lines()).toEqual([GET_FILE, GET_FILE, GET_FILE]);
    // Files are not a beta API: no OpenAI-Beta header.
    expect(api.requests.map((s) => s.headers["openai-beta"])).toEqual([undefined, undefined, undefined]);
    expect(seen).toEqual(["uploaded", "uploaded", "processed"]);
    expect(clock.sleeps).toEqual([1000, 1000]);
    expect(file).toMatchObject({
      id: "file-abc123",
      status: "processed",
      filename: "mydata.csv",
      createdAt: 1613779121,
      purpose: "assistants",
    });
  });

  test("status error throws FileProcessingError with the file and its status details", async () => {
    api.reply(
      { json: fileWire("uploaded") },
      { json: fileWire("error", { status_details: "The file is not valid CSV: line 3 has 4 columns, expected 3." }) },
    );
    const clock = new ManualClock();

    const error = await waitForProcessing(sdk, "file-abc123", { now: clock.now, sleep: clock.sleep }).catch((e) => e);

    expect(error).toBeInstanceOf(FileProcessingError);
    expect(error).toBeInstanceOf(SDKError);
    expect(error.message).toBe(
      "file file-abc123 failed processing: The file is not valid CSV: line 3 has 4 columns, expected 3.",
    );
    expect(error.statusDetails).toBe("The file is not valid CSV: line 3 has 4 columns, expected 3.");
    expect(error.file).toMatchObject({ id: "file-abc123", status: "error" });
    expect(api.lines()).toEqual([GET_FILE, GET_FILE]);
  });

  test("status error without details", async () => {
    api.reply({ json: fileWire("error", { status_details: null }) });
    const clock = new ManualClock();

    const error = await waitForProcessing(sdk, "file-abc123", { now: clock.now, sleep: clock.sleep }).catch((e) => e);

    expect(error).toBeInstanceOf(FileProcessingError);
    expect(error.message).toBe("file file-abc123 failed processing");
    expect(error.statusDetails).toBeUndefined();
  });

  test("a status the SDK does not know polls until the deadline and is named", async () => {
    api.reply({ json: fileWire("scanning") }, { json: fileWire("scanning") }, { json: fileWire("scanning") });
    const clock = new ManualClock();

    const error = await waitForProcessing(sdk, "file-abc123", {
      intervalMs: 5000,
      timeoutMs: 10_000,
      now: clock.now,
      sleep: clock.sleep,
    }).catch((e) => e);

    expect(error).toBeInstanceOf(WaitTimeoutError);
    expect(error.message).toBe(
      'file file-abc123 did not finish within 10000 ms: last status "scanning" (a status this SDK does not know)',
    );
    expect(api.lines()).toHaveLength(3);
  });
});

describe("createAndWaitForProcessing", () => {
  test("uploads as multipart, then polls the new file until processed", async () => {
    api.reply({ json: fileWire("uploaded") }, { json: fileWire("processed") });
    const clock = new ManualClock();
    const seen: string[] = [];

    const file = await createAndWaitForProcessing(
      sdk,
      {
        file: { content: new TextEncoder().encode("month,sales\njan,10\n"), fileName: "mydata.csv" },
        purpose: "assistants",
      },
      { onStatus: (f) => seen.push(f.status), now: clock.now, sleep: clock.sleep },
    );

    expect(api.lines()).toEqual(["POST /files", GET_FILE]);
    expect(api.requests[0].form).toEqual({
      purpose: "assistants",
      file: { name: "mydata.csv", type: "application/octet-stream", text: "month,sales\njan,10\n" },
    });
    expect(seen).toEqual(["uploaded", "processed"]);
    expect(clock.sleeps).toEqual([1000]);
    expect(file.status).toBe("processed");
  });

  test("a file already processed on upload is returned without polling", async () => {
    api.reply({ json: fileWire("processed") });
    const clock = new ManualClock();

    const file = await createAndWaitForProcessing(
      sdk,
      { file: new Blob(["a,b\n"]), purpose: "assistants" },
      { now: clock.now, sleep: clock.sleep },
    );

    expect(api.lines()).toEqual(["POST /files"]);
    expect(file.id).toBe("file-abc123");
  });

  test("a file that fails processing after upload throws FileProcessingError", async () => {
    api.reply(
      { json: fileWire("uploaded") },
      { json: fileWire("error", { status_details: "Unsupported file type." }) },
    );
    const clock = new ManualClock();

    await expect(
      createAndWaitForProcessing(
        sdk,
        { file: new Blob(["\u0000"]), purpose: "assistants" },
        { now: clock.now, sleep: clock.sleep },
      ),
    ).rejects.toMatchObject({ name: "FileProcessingError", statusDetails: "Unsupported file type." });
  });
});
