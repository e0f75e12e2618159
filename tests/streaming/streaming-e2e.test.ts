/**
 * Streaming through a generated SDK against a real loopback server: typed events with
 * camelCase fields, [DONE], an error mid-stream, abort closing the connection, and a
 * time limit that ends at the headers rather than cutting a long stream.
 */
import { mkdirSync } from "node:fs";
import type { ServerResponse } from "node:http";
import { join } from "node:path";
import { generate } from "../../codegen/generate";
import { writeTree } from "../../codegen/write/tree";
import { useRecordingServer } from "../support/recording-server";
import { ROOT } from "../support/root";
import { linkNodeModules, tempDir } from "../support/temp";
import type { Untyped } from "../support/generated-sdk";

const server = useRecordingServer();
// The generated package's client, loaded at run time from a temp folder.
let Chat: new (options: Record<string, unknown>) => Untyped;

beforeAll(async () => {
  const out = join(tempDir("stream"), "pkg");
  mkdirSync(out);
  writeTree(out, generate({ specFile: join(ROOT, "tests/streaming/fixtures/chat.yaml"), mode: "package" }).files);
  linkNodeModules(out);
  Chat = (await import(join(out, "src", "index.ts"))).Chat;
}, 60_000);

/** Answers every request of the current test: the handler gets the JSON body and writes the response. */
function answerWith(handler: (body: Record<string, unknown>, res: ServerResponse) => void): void {
  server.fallback = (_req, res, seen) => handler(JSON.parse(seen.body), res);
}

function sse(res: ServerResponse): (line: string) => void {
  res.writeHead(200, { "content-type": "text/event-stream; charset=utf-8" });
  return (chunk) => res.write(chunk);
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function collect(stream: AsyncIterable<unknown>): Promise<unknown[]> {
  const out: unknown[] = [];
  for await (const item of stream) out.push(item);
  return out;
}

test("stream: true yields typed chunks until [DONE]; the request is ordinary JSON", async () => {
  let seen: Record<string, unknown> = {};
  answerWith(async (body, res) => {
    seen = body;
    const write = sse(res);
    write('data: {"id":"c1","delta_text":"Hel","finish_reason":null}\n\n');
    await wait(30);
    write('data: {"id":"c1","delta_text":"lo","finish_reason":"stop","extra":1}\n\ndata: [DONE]\n\n');
    res.end();
  });
  const sdk = new Chat({ serverURL: server.baseURL, retries: false });
  const res = await sdk.chat.createChatCompletion({ model: "m", stream: true });
  expect(seen).toEqual({ model: "m", stream: true });
  expect(res.statusCode).toBe(200);
  expect(res.contentType).toBe("text/event-stream; charset=utf-8");
  expect(res.completion).toBeUndefined();
  expect(await collect(res.completionChunk)).toEqual([
    { id: "c1", deltaText: "Hel", finishReason: null },
    { id: "c1", deltaText: "lo", finishReason: "stop", extra: 1 },
  ]);
});

test("the same operation without streaming returns the JSON body", async () => {
  answerWith((_, res) => {
    res.writeHead(200, { "content-type": "application/json" });
    res.end('{"id":"c2","finish_reason":"stop"}');
  });
  const res = await new Chat({ serverURL: server.baseURL, retries: false }).chat.createChatCompletion({ model: "m" });
  expect(res.completion).toEqual({ id: "c2", finishReason: "stop" });
  expect(res.completionChunk).toBeUndefined();
});

test("an error event mid-stream rejects the iteration with the server's message", async () => {
  answerWith((_, res) => {
    const write = sse(res);
    write('data: {"id":"c3","delta_text":"a"}\n\n');
    write('event: error\ndata: {"error":{"message":"The server had an error"}}\n\n');
    res.end();
  });
  const res = await new Chat({ serverURL: server.baseURL, retries: false }).chat.createChatCompletion({
    model: "m",
    stream: true,
  });
  const seen: unknown[] = [];
  await expect(
    (async () => {
      for await (const chunk of res.completionChunk) seen.push(chunk);
    })(),
  ).rejects.toThrow("createChatCompletion: the server reported an error mid-stream: The server had an error");
  expect(seen).toEqual([{ id: "c3", deltaText: "a" }]);
});

test("abort() mid-stream ends iteration and closes the connection; the time limit ended at the headers", async () => {
  let writes = 0;
  let closedByClient = false;
  answerWith((_, res) => {
    const write = sse(res);
    const timer = setInterval(() => write(`data: {"id":"c4","delta_text":"${writes++}"}\n\n`), 150);
    res.on("close", () => {
      clearInterval(timer);
      closedByClient = !res.writableEnded;
    });
  });
  // Ten chunks 150 ms apart take 1.5 s: a 1 s limit would cut the stream if it covered more than the headers
  // (long enough that a busy machine still sends the headers in time).
  const res = await new Chat({ serverURL: server.baseURL, retries: false, timeoutMs: 1000 }).chat.createChatCompletion({
    model: "m",
    stream: true,
  });
  const texts: string[] = [];
  for await (const chunk of res.completionChunk) {
    texts.push(chunk.deltaText);
    if (texts.length === 10) res.completionChunk.abort();
  }
  expect(texts).toEqual(["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"]);
  for (let i = 0; i < 50 && !closedByClient; i++) await wait(10);
  expect(closedByClient).toBe(true);
});

test("the caller's AbortSignal also stops a stream being read", async () => {
  answerWith((_, res) => {
    const write = sse(res);
    const timer = setInterval(() => write('data: {"id":"c5"}\n\n'), 10);
    res.on("close", () => clearInterval(timer));
  });
  const controller = new AbortController();
  const res = await new Chat({ serverURL: server.baseURL, retries: false }).chat.createChatCompletion(
    { model: "m", stream: true },
    { signal: controller.signal },
  );
  let count = 0;
  await expect(
    (async () => {
      for await (const _ of res.completionChunk) {
        if (++count === 3) controller.abort();
        if (count > 100) break;
      }
    })(),
  ).rejects.toMatchObject({
    name: "APIUserAbortError",
    message: expect.stringMatching(
      /^Request aborted by the caller: POST http:\/\/127\.0\.0\.1:\d+\/v1\/chat\/completions$/,
    ),
  });
  expect(count).toBe(3);
});
