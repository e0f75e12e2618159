/**
 * EventStream over a real socket: a loopback server writes a stream in parts and waits until the
 * client has read each part before writing the next, so every chunk boundary is the test's choice.
 */
import { get, type IncomingMessage } from "node:http";
import { APIStreamError, SDKError } from "../../src/internal/errors";
import { EventStream } from "../../src/internal/sse";
import { frame, openStream } from "../support/event-stream";
import { useRecordingServer } from "../support/recording-server";

const server = useRecordingServer();
/** Resolves the server's wait when the client has read a chunk. */
let chunkRead: (() => void) | undefined;

/** Serves `parts` one write at a time, each after the client read the previous one; `end: false` keeps it open. */
function serveInParts(parts: (string | Uint8Array)[], end = true): void {
  server.fallback = async (_req, res) => {
    const write = openStream(res);
    for (const part of parts) {
      const read = new Promise<void>((resolve) => (chunkRead = resolve));
      await write(part);
      await read;
    }
    if (end) res.end();
  };
}

interface Client {
  readonly stream: EventStream<{ event: string | undefined; data: unknown }>;
  /** The chunks the client's reads delivered, in order. */
  readonly chunks: Buffer[];
}

/** GETs the stream with node:http and reads it through EventStream, `{ event, data }` per message. */
function open(): Promise<Client> {
  return new Promise((resolve, reject) => {
    const request = get(`${server.origin}/stream`, (res: IncomingMessage) => {
      const chunks: Buffer[] = [];
      async function* source(): AsyncGenerator<Buffer> {
        for await (const chunk of res) {
          chunks.push(chunk as Buffer);
          chunkRead?.();
          yield chunk as Buffer;
        }
      }
      const stream = new EventStream(
        source(),
        (data, event) => ({ event, data }),
        "followRun",
        () => request.destroy(),
      );
      resolve({ stream, chunks });
    });
    request.on("error", reject);
  });
}

async function collect<T>(stream: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of stream) out.push(item);
  return out;
}

const DELTA = { id: "msg_1", delta: { content: [{ index: 0, type: "text", text: { value: "héllo ☃ 🌍" } }] } };

test("a delta split at every byte position, inside multi-byte characters too, arrives whole", async () => {
  const bytes = Buffer.from(frame("thread.message.delta", DELTA) + frame("done", "[DONE]"));
  for (let at = 1; at < bytes.length; at++) {
    serveInParts([bytes.subarray(0, at), bytes.subarray(at)]);
    const client = await open();
    expect(await collect(client.stream)).toEqual([{ event: "thread.message.delta", data: DELTA }]);
    expect(client.chunks.map((c) => c.length)).toEqual([at, bytes.length - at]);
  }
  expect(server.requests).toHaveLength(
    Buffer.from(frame("thread.message.delta", DELTA) + frame("done", "[DONE]")).length - 1,
  );
});

test("CRLF and lone CR line ends (a CR ending one chunk, its LF opening the next), comments, multi-line data", async () => {
  serveInParts([
    ': keep-alive\r\nevent: a\r\ndata: {"x":\r',
    "\ndata: 1}\r\n\r\n",
    'event: b\rdata: "lone"\r\r:note\n',
    "event: c\ndata: [1,\ndata:2]",
  ]);
  const client = await open();
  expect(await collect(client.stream)).toEqual([
    { event: "a", data: { x: 1 } },
    { event: "b", data: "lone" },
    // The last event had no blank line after it: the body ended cleanly, so it still counts.
    { event: "c", data: [1, 2] },
  ]);
  expect(client.chunks).toHaveLength(4);
});

test("an error event throws an APIStreamError with the event's data, after the events before it", async () => {
  const problem = { code: "server_error", message: "The run failed on our side." };
  serveInParts([frame("thread.run.created", { id: "run_1" }), frame("error", problem)]);
  const client = await open();
  const seen: unknown[] = [];
  const error = await (async () => {
    try {
      for await (const item of client.stream) seen.push(item);
    } catch (caught) {
      return caught;
    }
  })();
  expect(seen).toEqual([{ event: "thread.run.created", data: { id: "run_1" } }]);
  expect(error).toBeInstanceOf(APIStreamError);
  expect(error).toBeInstanceOf(SDKError);
  expect(error).toMatchObject({
    message: "followRun: the server reported an error mid-stream: The run failed on our side.",
    event: "error",
    body: JSON.stringify(problem),
    error: problem,
  });
});

test.each([
  ["a done event", frame("done", "[DONE]")],
  ["[DONE] data without an event name", frame(undefined, "[DONE]")],
])("%s ends iteration and closes a connection the server kept open", async (_, sentinel) => {
  serveInParts(
    [frame("thread.run.completed", { id: "run_1" }), sentinel, frame("thread.run.created", { id: "run_2" })],
    false,
  );
  const client = await open();
  expect(await collect(client.stream)).toEqual([{ event: "thread.run.completed", data: { id: "run_1" } }]);
  expect(await server.waitForClientClose(0)).toBe(true);
});

test("abort() mid-stream ends iteration quietly and the server sees the socket close", async () => {
  server.fallback = async (_req, res) => {
    const write = openStream(res);
    for (let i = 0; !res.destroyed && i < 1000; i++) {
      await write(frame("thread.message.delta", { id: "msg_1", n: i })).catch(() => undefined);
      await new Promise((r) => setTimeout(r, 2));
    }
  };
  const client = await open();
  const seen: number[] = [];
  for await (const item of client.stream) {
    seen.push((item.data as { n: number }).n);
    if (seen.length === 3) client.stream.abort();
  }
  expect(seen).toEqual([0, 1, 2]);
  expect(await server.waitForClientClose(0)).toBe(true);
});
