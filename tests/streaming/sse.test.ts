/** The server-sent events parser and EventStream, fed byte by byte where it matters. */
import { EventParser, EventStream, parseEvents, type ServerSentEvent } from "../../src/internal/sse";

async function* chunks(...parts: (string | Uint8Array)[]): AsyncGenerator<Uint8Array | string> {
  for (const part of parts) yield part;
}

async function collect<T>(source: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of source) out.push(item);
  return out;
}

test("events split across chunks, CRLF and CR line ends, comments and multi-line data", async () => {
  const text =
    ': keep-alive\r\nevent: delta\r\ndata: {"a":\r\ndata: 1}\r\nid: 7\r\n\r\ndata: two\rdata: lines\r\rdata: last\n\n';
  const bytes = Buffer.from(text);
  const oneByteAtATime = [...bytes].map((b) => Uint8Array.of(b));
  expect(await collect(parseEvents(chunks(...oneByteAtATime)))).toEqual([
    { event: "delta", data: '{"a":\n1}', id: "7" },
    { event: undefined, data: "two\nlines", id: "7" },
    { event: undefined, data: "last", id: "7" },
  ]);
});

test("the parser gives the same events whatever the two chunks a text is cut into", () => {
  const text = "event: a\r\ndata: 1\r\n\r\n:c\rdata: 2\r\rid: x\ndata: 3\ndata: 4\n\nevent: b\r\ndata: 5";
  const parse = (parts: string[]) => {
    const parser = new EventParser();
    const out: ServerSentEvent[] = [];
    for (const part of parts) parser.push(part, out);
    parser.finish(out);
    return out;
  };
  const whole = parse([text]);
  expect(whole).toEqual([
    { event: "a", data: "1", id: undefined },
    { event: undefined, data: "2", id: undefined },
    { event: undefined, data: "3\n4", id: "x" },
    { event: "b", data: "5", id: "x" },
  ]);
  for (let at = 0; at <= text.length; at++) expect(parse([text.slice(0, at), "", text.slice(at)])).toEqual(whole);
});

test("a leading byte order mark is skipped; a field without a colon has an empty value; id with NUL and retry are ignored", async () => {
  const text = "\ufeffdata\nid: a\u0000b\nretry: 10\n\nid: 7\ndata:x\n\n";
  expect(await collect(parseEvents(chunks(Buffer.from(text))))).toEqual([
    { event: undefined, data: "", id: undefined },
    { event: undefined, data: "x", id: "7" },
  ]);
});

test("a multi-byte character split between chunks survives", async () => {
  const bytes = Buffer.from('data: {"t":"héllo ☃"}\n\n');
  const split = bytes.indexOf(0xe2) + 1; // inside the snowman's three bytes
  expect(await collect(parseEvents(chunks(bytes.subarray(0, split), bytes.subarray(split))))).toEqual([
    { event: undefined, data: '{"t":"héllo ☃"}', id: undefined },
  ]);
});

test("a 4-byte character fed one byte at a time, and one cut off by the end of the stream", async () => {
  const bytes = Buffer.from('data: "🌍"\n\ndata: "');
  const cut = Buffer.from("☃").subarray(0, 2);
  expect(await collect(parseEvents(chunks(...[...bytes, ...cut].map((b) => Uint8Array.of(b)))))).toEqual([
    { event: undefined, data: '"🌍"', id: undefined },
    { event: undefined, data: '"\ufffd', id: undefined },
  ]);
});

test("EventStream decodes each event and stops at [DONE]", async () => {
  const controller = new AbortController();
  const stream = new EventStream(
    chunks('data: {"n":1}\n\n', 'data: {"n":2}\n\ndata: [DONE]\n\ndata: {"n":3}\n\n'),
    (v) => (v as { n: number }).n * 10,
    "op",
    () => controller.abort(),
  );
  expect(await collect(stream)).toEqual([10, 20]);
  expect(controller.signal.aborted).toBe(true);
});

test("an error event mid-stream throws with the server's message after the earlier items", async () => {
  const stream = new EventStream(
    chunks('data: {"n":1}\n\n', 'event: error\ndata: {"error":{"message":"overloaded"}}\n\n'),
    (v) => v,
    "createChatCompletion",
    () => undefined,
  );
  const seen: unknown[] = [];
  await expect(
    (async () => {
      for await (const item of stream) seen.push(item);
    })(),
  ).rejects.toThrow("createChatCompletion: the server reported an error mid-stream: overloaded");
  expect(seen).toEqual([{ n: 1 }]);
});

test("decode receives each event's name; a done event ends the stream", async () => {
  const stream = new EventStream(
    chunks("event: a\ndata: 1\n\ndata: 2\n\nevent: done\ndata: {}\n\ndata: 3\n\n"),
    (data, event) => [event, data],
    "op",
    () => undefined,
  );
  expect(await collect(stream)).toEqual([
    ["a", 1],
    [undefined, 2],
  ]);
});

test("data that is not JSON gives a clear error with the text", async () => {
  const stream = new EventStream(
    chunks("data: <html>\n\n"),
    (v) => v,
    "op",
    () => undefined,
  );
  await expect(collect(stream)).rejects.toThrow("op: stream event is not valid JSON: <html>");
});

test("abort() ends iteration quietly and closes the source", async () => {
  const controller = new AbortController();
  let closed = false;
  async function* endless(): AsyncGenerator<string> {
    try {
      for (let i = 0; ; i++) {
        if (controller.signal.aborted) throw new Error("aborted");
        yield `data: {"i":${i}}\n\n`;
        await new Promise((r) => setImmediate(r));
      }
    } finally {
      closed = true;
    }
  }
  const stream = new EventStream(
    endless(),
    (v) => (v as { i: number }).i,
    "op",
    () => controller.abort(),
  );
  const seen: number[] = [];
  for await (const i of stream) {
    seen.push(i);
    if (i === 2) stream.abort();
  }
  expect(seen).toEqual([0, 1, 2]);
  expect(closed).toBe(true);
});

test("a stream can be read only once", async () => {
  const stream = new EventStream(
    chunks("data: 1\n\n"),
    (v) => v,
    "op",
    () => undefined,
  );
  await collect(stream);
  await expect(collect(stream)).rejects.toThrow("op: a stream can be read only once");
});
