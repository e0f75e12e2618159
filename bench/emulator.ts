/**
 * The emulator's own numbers (`npx tsx bench/emulator.ts`; not part of `npm run bench`):
 * - start-up in process: `startEmulator()` until it listens (median of 20), and Prism's mock start
 *   on the same document (openapi.yaml), spawn to first answer;
 * - requests per second, sequential and 16 in flight, for getRun and a 100-message listMessages,
 *   against the emulator (bundled by esbuild as `npm run build` ships it, in its own process) and against
 *   Prism mocking the same document, both on loopback with keep-alive. Each measurement runs for a fixed time.
 * Goals: start-up ≤ 50 ms, ≥ 20× Prism's requests per second.
 */
import { build } from "esbuild";
import { spawn } from "node:child_process";
import { Agent, request } from "node:http";
import { join } from "node:path";
import { startEmulator } from "../src/emulator";
import { startPrism } from "../tests/support/prism";
import { fmtInt, fmtMs, median, ROOT, table } from "./lib/util";

const MEASURE_MS = 2_000;
const HEADERS = {
  authorization: "Bearer sk-bench",
  "openai-beta": "assistants=v1",
  "content-type": "application/json",
};

interface Target {
  base: string;
  getRun: string;
  listMessages: string;
}

/** The fields `seed` reads from the emulator's JSON answers. */
interface Answer {
  id: string;
  data: unknown[];
}

function send(agent: Agent, url: string, method = "GET", body?: unknown): Promise<{ status: number; json: Answer }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, agent, headers: HEADERS }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () =>
        resolve({ status: res.statusCode!, json: JSON.parse(Buffer.concat(chunks).toString("utf8") || "null") }),
      );
    });
    req.on("error", reject);
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

/** The status of a GET whose body is read and dropped (parsing it would time the client, not the server). */
function status(agent: Agent, url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent, headers: HEADERS }, (res) => {
      res.on("data", () => undefined);
      res.on("end", () => resolve(res.statusCode!));
    });
    req.on("error", reject);
    req.end();
  });
}

/** Requests per second with `inFlight` concurrent loops, each request checked for a 200. */
async function rps(agent: Agent, url: string, inFlight: number): Promise<number> {
  let done = 0;
  const end = performance.now() + MEASURE_MS;
  const loop = async () => {
    while (performance.now() < end) {
      const code = await status(agent, url);
      if (code !== 200) throw new Error(`${url} answered ${code}`);
      done++;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: inFlight }, loop));
  return (done / (performance.now() - started)) * 1000;
}

async function startupMs(): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 20; i++) {
    const t0 = performance.now();
    const emu = await startEmulator();
    times.push(performance.now() - t0);
    await emu.close();
  }
  return median(times);
}

/**
 * The emulator as the package ships it (one esbuild bundle, plain `node`: no on-the-fly transpiler wrapping
 * its functions), in its own process so the measuring client does not share its event loop; no request log.
 */
async function spawnEmulator(): Promise<{ url: string; stop: () => void }> {
  const bundle = join(ROOT, "bench", ".build", "emulator.js");
  await build({
    entryPoints: [join(ROOT, "src", "emulator", "index.ts")],
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    outfile: bundle,
    logLevel: "warning",
  });
  const code = `require(${JSON.stringify(bundle)}).startEmulator().then((e) => console.log(e.url));`;
  const child = spawn(process.execPath, ["-e", code], { stdio: ["ignore", "pipe", "inherit"] });
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.once("data", (chunk: Buffer) => resolve(String(/http:\S+/.exec(chunk.toString("utf8"))?.[0])));
    child.once("exit", (code) => reject(new Error(`emulator exited with ${code}`)));
  });
  return { url, stop: () => child.kill("SIGTERM") };
}

/** A thread with 100 messages and a completed run on it. */
async function seed(agent: Agent, url: string): Promise<Target> {
  const assistant = (await send(agent, `${url}/assistants`, "POST", { model: "gpt-4" })).json.id;
  const thread = (await send(agent, `${url}/threads`, "POST", {})).json.id;
  for (let i = 0; i < 100; i++)
    await send(agent, `${url}/threads/${thread}/messages`, "POST", { role: "user", content: `m${i}` });
  const run = (await send(agent, `${url}/threads/${thread}/runs`, "POST", { assistant_id: assistant })).json.id;
  const page = (await send(agent, `${url}/threads/${thread}/messages?limit=100`)).json;
  if (page.data.length !== 100) throw new Error(`expected 100 messages, got ${page.data.length}`);
  return {
    base: url,
    getRun: `${url}/threads/${thread}/runs/${run}`,
    listMessages: `${url}/threads/${thread}/messages?limit=100`,
  };
}

async function measure(target: Target): Promise<number[]> {
  const agent = new Agent({ keepAlive: true, maxSockets: 16 });
  const out = [
    await rps(agent, target.getRun, 1),
    await rps(agent, target.getRun, 16),
    await rps(agent, target.listMessages, 1),
    await rps(agent, target.listMessages, 16),
  ];
  agent.destroy();
  return out;
}

async function main(): Promise<void> {
  const emulatorStart = await startupMs();
  const t0 = performance.now();
  const prism = await startPrism(join(ROOT, "openapi.yaml"));
  const prismStart = performance.now() - t0;
  const emulator = await spawnEmulator();
  try {
    const seeding = new Agent({ keepAlive: true });
    const emu = await measure(await seed(seeding, emulator.url));
    seeding.destroy();
    const mock = await measure({
      base: prism.url,
      getRun: `${prism.url}/threads/thread_abc/runs/run_abc`,
      listMessages: `${prism.url}/threads/thread_abc/messages?limit=100`,
    });
    printTables({ emulator: emulatorStart, prism: prismStart }, emu, mock);
  } finally {
    emulator.stop();
    await prism.stop();
  }
}

const MEASUREMENTS = [
  "getRun, sequential",
  "getRun, 16 in flight",
  "listMessages (100), sequential",
  "listMessages (100), 16 in flight",
];

/** Start-up times, then requests per second in `measure`'s order, the emulator's against Prism's. */
function printTables(startMs: { emulator: number; prism: number }, emu: number[], mock: number[]): void {
  const rows = MEASUREMENTS.map((label, i) => [
    label,
    fmtInt(Math.round(emu[i])),
    fmtInt(Math.round(mock[i])),
    `${(emu[i] / mock[i]).toFixed(1)}×`,
  ]);
  console.log(
    table(
      ["start-up", "gpt-sdk emulator", "Prism mock"],
      [["to listening", fmtMs(startMs.emulator), fmtMs(startMs.prism)]],
      ["l", "r", "r"],
    ),
  );
  console.log("");
  console.log(table(["requests/second", "gpt-sdk emulator", "Prism mock", "ratio"], rows, ["l", "r", "r", "r"]));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
