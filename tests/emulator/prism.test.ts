/**
 * Every answer of the emulator checked against OpenAI's own 2023-11 document by Prism (proxy
 * mode) while a session runs all 33 operations through the SDK. The document has known quirks;
 * each violation Prism reports must be one of them, and each quirk must show up.
 */
import axios from "axios";
import { Gpt } from "../../src";
import { manualClock, startEmulator, type Emulator } from "../../src/emulator";
import { documentFile } from "../support/facts";
import { slViolations } from "../support/prism";
import { runAllOperations } from "./script";
import { startPrismProxy, type PrismProxy } from "./prism-proxy";

let emu: Emulator;
let prism: PrismProxy;
const seen: string[] = [];
const clock = manualClock();

beforeAll(async () => {
  emu = await startEmulator({ clock, seed: "prism" });
  prism = await startPrismProxy(documentFile("openai-2023-11-28.yaml"), emu.url);
}, 90_000);
afterAll(async () => {
  await prism?.stop();
  await emu?.close();
});

function client(): Gpt {
  const http = axios.create();
  http.interceptors.response.use(
    (res) => {
      record(res.config, res.headers);
      return res;
    },
    (error) => {
      if (error.response) record(error.config, error.response.headers);
      return Promise.reject(error);
    },
  );
  return new Gpt({ apiKeyAuth: "sk-test", serverURL: prism.url, retries: false, defaultClient: http });
}

function record(config: { method?: string; url?: string }, headers: Record<string, unknown>) {
  const path = new URL(config.url!).pathname.replace(
    /(asst|thread|msg|run|step|call)_[A-Za-z0-9]{24}|file-[A-Za-z0-9]{24}/g,
    "{id}",
  );
  for (const v of slViolations(headers))
    seen.push(`${config.method!.toUpperCase()} ${path} ${v.severity} ${v.location.join(".")}: ${v.message}`);
}

// The document's quirks, each a line Prism prints as `METHOD path severity location: message`.
const STATUS_DETAILS = "Response body property status_details must be string";
const QUIRKS = {
  // The API sends `status_details: null` until a file fails; the document types it as a plain string.
  statusDetails: (path: string, at = "status_details") =>
    `${path} Error response.body.${at}: ${STATUS_DETAILS.replace("status_details", at)}`,
  // The document requires an `items` property the API never sends on these two lists.
  items: (path: string) => `GET ${path} Error response.body: Response body must have required property 'items'`,
  // The document's run-creating bodies require `thread_id`, which is in the path (and not a body field).
  threadId: (path: string) => `POST ${path} Error request.body: Request body must have required property 'thread_id'`,
  // Downloads are bytes; the document declares a JSON string.
  download:
    'GET /files/{id}/content Error response: The received media type "application/octet-stream" does not match ' +
    "the one specified in the current response: application/json",
  // An empty page has null cursors; the document types them as strings.
  emptyCursors: (path: string) => [
    `GET ${path} Error response.body.first_id: Response body property first_id must be string`,
    `GET ${path} Error response.body.last_id: Response body property last_id must be string`,
  ],
  // The document declares only the 200 answer of each operation.
  undeclaredStatus: (method: string, path: string) =>
    `${method} ${path} Warning response: ` +
    "Unable to match the returned status code with those defined in the document: 200",
};

test("a session over all 33 operations: Prism reports the document's known quirks and nothing else", async () => {
  await runAllOperations(client(), clock);
  expect(seen).toEqual([
    QUIRKS.statusDetails("POST /files"),
    QUIRKS.statusDetails("GET /files/{id}"),
    QUIRKS.statusDetails("GET /files", "data.0.status_details"),
    QUIRKS.items("/assistants/{id}/files"),
    QUIRKS.items("/threads/{id}/messages/{id}/files"),
    QUIRKS.threadId("/threads/{id}/runs"),
    QUIRKS.threadId("/threads/runs"),
    QUIRKS.download,
    QUIRKS.threadId("/threads/{id}/runs"),
  ]);
}, 60_000);

test("error answers and empty pages: the request fault, the undeclared status and the null cursors", async () => {
  seen.length = 0;
  const sdk = client();
  await expect(sdk.assistants.getAssistant("asst_nope")).rejects.toThrow("No assistant found with id 'asst_nope'.");
  await expect(sdk.assistants.createThread({ messages: [{ role: "user", content: "" }] })).rejects.toThrow(
    "string too short",
  );
  const thread = (await sdk.assistants.createThread()).threadObject!;
  expect((await sdk.assistants.listMessages({ threadId: thread.id })).listMessagesResponse!.data).toEqual([]);
  expect(seen).toEqual([
    QUIRKS.undeclaredStatus("GET", "/assistants/asst_nope"),
    // Prism finds the same fault in the request as the emulator did.
    "POST /threads Error request.body.messages.0.content: " +
      "Request body property messages.0.content must NOT have fewer than 1 characters",
    QUIRKS.undeclaredStatus("POST", "/threads"),
    ...QUIRKS.emptyCursors("/threads/{id}/messages"),
  ]);
});
