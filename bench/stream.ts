/**
 * Streaming section, run as its own process by bench/run.ts
 * (`node --expose-gc --import tsx bench/stream.ts --rounds R --events N`): events per second reading
 * one long streamed run from memory, the same bytes through
 *   - gpt-sdk: its parser and EventStream (src/internal/sse.ts), each event as `{ event, data }`
 *     with the data JSON-parsed — the same work as openai's parser;
 *   - gpt-sdk + models: the same, decoded into the generated models as an envelope stream of a
 *     generated SDK (tests/streaming/fixtures/runs.yaml) is;
 *   - openai 4.x: `Stream.fromSSEResponse`, the parser its Assistants streams use;
 * in two deliveries: one SSE message per chunk (a live stream) and 64 KiB chunks cut anywhere (a
 * backlog read at once, splits inside events and UTF-8 sequences). Rounds interleave the parsers.
 * Prints one JSON line.
 */
import { join } from "node:path";
import { generate } from "../codegen/generate";
import { writeTree } from "../codegen/write/tree";
import { chunked, streamedRun } from "./lib/stream-fixture";
import {
  DELIVERIES,
  eventsPerSecond,
  STREAM_PARSERS,
  streamRatio,
  type Delivery,
  type StreamCell,
  type StreamParser,
  type StreamResult,
} from "./lib/stream-stats";
import { BUILD_DIR, loadPeer, log, removeDir, ROOT, rootRequire, rotate } from "./lib/util";

type Open = (chunks: readonly Buffer[]) => AsyncIterable<unknown>;
type Decode = (value: unknown) => unknown;

async function* replay(chunks: readonly Buffer[]): AsyncGenerator<Buffer> {
  for (const chunk of chunks) yield chunk;
}

interface GptSdkParts {
  EventStream: new (
    source: AsyncIterable<Buffer>,
    decode: unknown,
    id: string,
    stop: () => void,
  ) => AsyncIterable<unknown>;
  eventDecoder: (def: { status: string; kind: "stream"; envelope: boolean; decode?: Decode }) => unknown;
  RunStreamEvent$: { fromWire: Decode };
}

/**
 * gpt-sdk's stream reading and the generated models of the fixture document, bundled by esbuild as
 * `npm run build` bundles the package (no keepNames: tsx's keepNames wraps every closure a union
 * mapper creates, which would time tsx rather than the SDK).
 */
function bundleGptSdk(): GptSdkParts {
  const dir = join(BUILD_DIR, "stream-pkg");
  removeDir(dir);
  writeTree(dir, generate({ specFile: join(ROOT, "tests/streaming/fixtures/runs.yaml"), mode: "package" }).files);
  const outfile = join(BUILD_DIR, "stream-bundle.js");
  const contents = [
    `export { EventStream } from ${JSON.stringify(join(ROOT, "src/internal/sse"))};`,
    `export { eventDecoder } from ${JSON.stringify(join(ROOT, "src/internal/response"))};`,
    `export { RunStreamEvent$ } from ${JSON.stringify(join(dir, "src/sdk/models/shared"))};`,
  ].join("\n");
  loadPeer("esbuild").buildSync({
    stdin: { contents, resolveDir: ROOT, sourcefile: "stream-entry.ts", loader: "ts" },
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node18",
    external: ["axios"],
    outfile,
    logLevel: "warning",
  });
  return rootRequire(outfile) as GptSdkParts;
}

function openers(): Record<StreamParser, Open> {
  const sdk = bundleGptSdk();
  const plain = sdk.eventDecoder({ status: "200", kind: "stream", envelope: true });
  const decode: Decode = (value) => sdk.RunStreamEvent$.fromWire(value);
  const models = sdk.eventDecoder({ status: "200", kind: "stream", envelope: true, decode });
  const { Stream } = loadPeer("openai-v4/streaming");
  const noop = () => undefined;
  return {
    "gpt-sdk": (chunks) => new sdk.EventStream(replay(chunks), plain, "createRun", noop),
    "gpt-sdk-models": (chunks) => new sdk.EventStream(replay(chunks), models, "createRun", noop),
    "openai-v4": (chunks) => {
      const response = { body: replay(chunks), headers: new Headers() };
      return Stream.fromSSEResponse(response, new AbortController());
    },
  };
}

async function read(stream: AsyncIterable<unknown>): Promise<{ events: number; ms: number; last: unknown }> {
  const started = performance.now();
  let events = 0;
  let last: unknown;
  for await (const event of stream) {
    events++;
    last = event;
  }
  return { events, ms: performance.now() - started, last };
}

/** Every parser must deliver the same events, ending on the completed run, before anything is timed. */
async function check(open: Record<StreamParser, Open>, chunks: readonly Buffer[], expected: number): Promise<void> {
  for (const parser of STREAM_PARSERS) {
    const { events, last } = await read(open[parser](chunks));
    const status = (last as { data?: { status?: unknown } }).data?.status;
    if (events === expected && status === "completed") continue;
    throw new Error(
      `${parser}: ${events} events ending on "${String(status)}"; expected ${expected} ending on "completed"`,
    );
  }
}

/** A warm-up read of each cell (JIT), then `rounds` interleaved rounds, the order rotating. */
async function measure(
  open: Record<StreamParser, Open>,
  deliveries: Record<Delivery, Buffer[]>,
  events: number,
  rounds: number,
): Promise<StreamCell[]> {
  const cells: StreamCell[] = [];
  for (const delivery of DELIVERIES) {
    await check(open, deliveries[delivery], events);
    for (const parser of STREAM_PARSERS) cells.push({ parser, delivery, roundMs: [], events });
  }
  for (const cell of cells) await read(open[cell.parser](deliveries[cell.delivery]));
  for (let round = 0; round < rounds; round++) {
    for (const cell of rotate(cells, round)) {
      (globalThis as { gc?: () => void }).gc?.();
      cell.roundMs.push((await read(open[cell.parser](deliveries[cell.delivery]))).ms);
    }
  }
  return cells;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const option = (name: string, fallback: number) => {
    const at = args.indexOf(name);
    return at === -1 ? fallback : Number(args[at + 1]);
  };
  const rounds = option("--rounds", 15);
  const messages = streamedRun(option("--events", 20_000));
  const deliveries: Record<Delivery, Buffer[]> = {
    message: chunked(messages, "message"),
    "64KiB": chunked(messages, 64 * 1024),
  };
  // The last message is `done`, which ends the stream without being an event.
  const cells = await measure(openers(), deliveries, messages.length - 1, rounds);
  for (const c of cells) {
    const ratio = streamRatio({ cells }, c.parser, c.delivery);
    const rate = Math.round(eventsPerSecond(c)).toLocaleString("en-US");
    log(`  stream ${c.delivery} ${c.parser}: ${rate} events/s, ${ratio.toFixed(2)}× openai's time`);
  }
  const chunks = { message: deliveries.message.length, "64KiB": deliveries["64KiB"].length };
  const result: StreamResult = { rounds, bytes: Buffer.byteLength(messages.join("")), chunks, cells };
  process.stdout.write(JSON.stringify(result) + "\n");
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
