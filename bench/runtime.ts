/**
 * Runtime section, run as its own process by bench/run.ts (`node --expose-gc --import tsx bench/runtime.ts`).
 *
 *   --bench --url U [--rounds R --seq N --conc N --inflight K]   every client, interleaved rounds
 *   --memory <client> --url U [--calls N]                       one client's memory in a fresh process
 *   --profile <client> --url U --prof-out F [--op O --calls N]  CPU profile of N sequential calls
 *
 * Prints one JSON line with its results.
 */
import { writeFileSync } from "node:fs";
import { Session } from "inspector/promises";
import {
  callOf,
  checkClient,
  CLIENT_IDS,
  makeClient,
  OPERATIONS,
  sharedAgent,
  type BenchClient,
  type ClientId,
  type Operation,
} from "./lib/clients";
import { mean, median, percentile, rotate } from "./lib/util";

export type Mode = "sequential" | "concurrent";
const MODES: readonly Mode[] = ["sequential", "concurrent"];

export interface CellResult {
  client: ClientId;
  label: string;
  op: Operation;
  mode: Mode;
  calls: number;
  /** Wall time of each round's batch, ms. */
  roundWallMs: number[];
  /** Median over rounds of requests per second. */
  rps: number;
  /** Median over rounds of the mean latency of a call, ms. */
  meanMs: number;
  /** 99th percentile over every call of every round, ms. */
  p99Ms: number;
  /** Median over rounds of wall time per call (1 / throughput), ms. */
  perCallMs: number;
}

export interface RuntimeResult {
  rounds: number;
  seqCalls: number;
  concCalls: number;
  inflight: number;
  warmupCalls: number;
  cells: CellResult[];
}

export interface MemoryResult {
  client: ClientId;
  calls: number;
  rssBaseline: number;
  rssAfterLoad: number;
  rssAfterCalls: number;
  heapBaseline: number;
  heapAfterLoad: number;
  heapAfterCalls: number;
  maxRss: number;
}

const now = (): number => performance.now();
const gc = (): void => (globalThis as { gc?: () => void }).gc?.();

async function sequential(call: () => Promise<unknown>, n: number, latencies: number[]): Promise<number> {
  const started = now();
  for (let i = 0; i < n; i++) {
    const t = now();
    await call();
    latencies.push(now() - t);
  }
  return now() - started;
}

async function concurrent(
  call: () => Promise<unknown>,
  n: number,
  inflight: number,
  latencies: number[],
): Promise<number> {
  let issued = 0;
  const worker = async (): Promise<void> => {
    while (issued < n) {
      issued++;
      const t = now();
      await call();
      latencies.push(now() - t);
    }
  };
  const started = now();
  await Promise.all(Array.from({ length: inflight }, worker));
  return now() - started;
}

function arg(name: string, fallback?: string): string {
  const i = process.argv.indexOf(name);
  if (i >= 0 && process.argv[i + 1] !== undefined) return process.argv[i + 1];
  if (fallback === undefined) throw new Error(`missing ${name}`);
  return fallback;
}

type Settings = Omit<RuntimeResult, "cells">;

async function bench(): Promise<RuntimeResult> {
  const url = arg("--url");
  const settings: Settings = {
    rounds: Number(arg("--rounds", "10")),
    seqCalls: Number(arg("--seq", "400")),
    concCalls: Number(arg("--conc", "1000")),
    inflight: Number(arg("--inflight", "16")),
    warmupCalls: Number(arg("--warmup", "600")),
  };
  const agent = sharedAgent();
  const clients: BenchClient[] = CLIENT_IDS.map((id) => makeClient(id, url, agent));
  for (const client of clients) await checkClient(client);

  // Warm-up: JIT, sockets (16 of them for the concurrent batches), caches — every client, both operations.
  for (const client of clients) {
    for (const op of OPERATIONS) {
      await sequential(callOf(client, op), settings.warmupCalls, []);
      await concurrent(callOf(client, op), settings.warmupCalls, settings.inflight, []);
    }
  }
  const samples = await measureRounds(clients, settings);
  const cells = clients.flatMap((client) =>
    OPERATIONS.flatMap((op) => MODES.map((mode) => cellOf(client, op, mode, samples, settings))),
  );
  agent.destroy();
  return { ...settings, cells };
}

type Key = `${ClientId}/${Operation}/${Mode}`;

/** One client's figures for one operation and mode, over the rounds. */
interface Samples {
  /** Each round's batch wall time. */
  walls: number[];
  /** Each round's mean latency. */
  means: number[];
  /** Every call's latency, pooled over rounds. */
  latencies: number[];
}

/** Every client, operation and mode in each round, in an order that rotates each round. */
async function measureRounds(clients: BenchClient[], settings: Settings): Promise<Map<Key, Samples>> {
  const samples = new Map<Key, Samples>();
  for (const client of clients)
    for (const op of OPERATIONS)
      for (const mode of MODES) samples.set(`${client.id}/${op}/${mode}`, { walls: [], means: [], latencies: [] });
  for (let round = 0; round < settings.rounds; round++) {
    process.stderr.write(`  runtime round ${round + 1}/${settings.rounds}\n`);
    for (const mode of rotate(MODES, round)) {
      for (const op of rotate(OPERATIONS, round >> 1)) {
        for (const client of rotate(clients, round)) {
          const into = samples.get(`${client.id}/${op}/${mode}`)!;
          const latencies: number[] = [];
          gc();
          const wall =
            mode === "sequential"
              ? await sequential(callOf(client, op), settings.seqCalls, latencies)
              : await concurrent(callOf(client, op), settings.concCalls, settings.inflight, latencies);
          into.walls.push(wall);
          into.means.push(mean(latencies));
          for (const l of latencies) into.latencies.push(l);
        }
      }
    }
  }
  return samples;
}

function cellOf(
  client: BenchClient,
  op: Operation,
  mode: Mode,
  samples: Map<Key, Samples>,
  settings: Settings,
): CellResult {
  const { walls: w, means, latencies } = samples.get(`${client.id}/${op}/${mode}`)!;
  const n = mode === "sequential" ? settings.seqCalls : settings.concCalls;
  return {
    client: client.id,
    label: client.label,
    op,
    mode,
    calls: n,
    roundWallMs: w,
    rps: median(w.map((ms) => (n * 1000) / ms)),
    meanMs: median(means),
    p99Ms: percentile(latencies, 99),
    perCallMs: median(w.map((ms) => ms / n)),
  };
}

async function memory(id: ClientId): Promise<MemoryResult> {
  const url = arg("--url");
  const calls = Number(arg("--calls", "3000"));
  gc();
  const base = process.memoryUsage();
  const agent = sharedAgent();
  const client = makeClient(id, url, agent);
  await checkClient(client);
  gc();
  const loaded = process.memoryUsage();
  await sequential(() => client.listMessages(), calls / 2, []);
  await concurrent(() => client.listMessages(), calls / 2, 16, []);
  gc();
  const after = process.memoryUsage();
  agent.destroy();
  return {
    client: id,
    calls,
    rssBaseline: base.rss,
    rssAfterLoad: loaded.rss,
    rssAfterCalls: after.rss,
    heapBaseline: base.heapUsed,
    heapAfterLoad: loaded.heapUsed,
    heapAfterCalls: after.heapUsed,
    maxRss: process.resourceUsage().maxRSS * 1024,
  };
}

/**
 * Profiles N sequential calls with V8's sampling CPU profiler (the one `node --cpu-prof` drives),
 * started through the inspector after loading and warming up, so module loading and JIT warm-up
 * stay out of the picture. Writes the .cpuprofile to --prof-out.
 */
async function profile(id: ClientId): Promise<{ client: ClientId; op: Operation; calls: number; ms: number }> {
  const url = arg("--url");
  const calls = Number(arg("--calls", "10000"));
  const op = arg("--op", "listMessages") as Operation;
  const out = arg("--prof-out");
  const interval = Number(arg("--interval", "250"));
  const agent = sharedAgent();
  const client = makeClient(id, url, agent);
  await checkClient(client);
  await sequential(callOf(client, op), 1000, []);
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.setSamplingInterval", { interval });
  await session.post("Profiler.start");
  const ms = await sequential(callOf(client, op), calls, []);
  const { profile: cpuProfile } = await session.post("Profiler.stop");
  session.disconnect();
  writeFileSync(out, JSON.stringify(cpuProfile));
  agent.destroy();
  return { client: id, op, calls, ms };
}

async function main(): Promise<void> {
  let result: unknown;
  if (process.argv.includes("--memory")) result = await memory(arg("--memory") as ClientId);
  else if (process.argv.includes("--profile")) result = await profile(arg("--profile") as ClientId);
  else result = await bench();
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
