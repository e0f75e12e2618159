/**
 * The emulator's numbers (`npm run bench:emulator`, about four minutes; rewrites docs/EMULATOR-BENCHMARKS.md):
 * - start-up: `startEmulator()` in process until it listens (median of 20), and Prism's mock start, spawn to first
 *   answer;
 * - requests per second, sequential (one connection) and 16 in flight (16 connections), for getRun and a
 *   100-message listMessages, from autocannon on loopback with keep-alive, against the emulator in its own process
 *   and in the measuring process, Prism, and a bare node:http server, all four answering with the same bytes;
 * - the servers' CPU time per answer (own processes only), which the load generator's share of the two cores does
 *   not blur.
 * Goals: start-up ≤ 50 ms, ≥ 20× Prism's requests per second.
 *
 *   tsx bench/emulator.ts [--rounds N] [--seconds S] [--out FILE] [--json]
 * (`--json`: print the figures as JSON instead of the report, for `npm run bench`, which runs this as a section.)
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  answerOf,
  buildEmulatorBundle,
  emulatorInProcess,
  emulatorProcess,
  floorInProcess,
  floorServer,
  HEADERS,
  loadBundle,
  prismServingSameBytes,
  type Answer,
  type Operation,
  type Target,
} from "./lib/emulator-targets";
import { renderEmulatorReport, type EmulatorBench, type Measurement } from "./lib/emulator-report";
import { load, type LoadResult } from "./lib/load";
import { ensureBenchDeps } from "./lib/peers";
import { log, median, ROOT, rotate } from "./lib/util";

const MEASUREMENTS: Measurement[] = [
  { label: "getRun, sequential", operation: "getRun", connections: 1 },
  { label: "getRun, 16 in flight", operation: "getRun", connections: 16 },
  { label: "listMessages (100), sequential", operation: "listMessages", connections: 1 },
  { label: "listMessages (100), 16 in flight", operation: "listMessages", connections: 16 },
];

function parseArgs(argv: readonly string[]): { rounds: number; seconds: number; out: string; json: boolean } {
  const options = { rounds: 5, seconds: 2, out: join(ROOT, "docs", "EMULATOR-BENCHMARKS.md"), json: false };
  const args = [...argv];
  while (args.length > 0) {
    const flag = args.shift()!;
    if (flag === "--json") options.json = true;
    else if (flag === "--out" && args[0]) options.out = args.shift()!;
    else if ((flag === "--rounds" || flag === "--seconds") && Number(args[0]) > 0)
      options[flag === "--rounds" ? "rounds" : "seconds"] = Number(args.shift());
    else
      throw new Error(
        `unknown or incomplete argument "${flag}" (usage: tsx bench/emulator.ts [--rounds N] [--seconds S] [--out FILE] [--json])`,
      );
  }
  return options;
}

async function startupMs(bundle: string): Promise<number> {
  const { startEmulator } = loadBundle(bundle);
  const times: number[] = [];
  for (let i = 0; i < 20; i++) {
    const t0 = performance.now();
    const emulator = await startEmulator();
    times.push(performance.now() - t0);
    await emulator.close();
  }
  return median(times);
}

/**
 * Like for like: every target's answers are as long as the emulator's, and the targets that replay them (Prism,
 * the floor) answer with the very same content. (The in-process emulator has its own ids and timestamps.)
 */
async function checkSameBytes(targets: readonly Target[], answers: Record<Operation, Answer>): Promise<void> {
  for (const target of targets)
    for (const operation of ["getRun", "listMessages"] as const) {
      const { body } = await answerOf(target.urls[operation]);
      const wanted = answers[operation].body;
      const same = target.replaysAnswers
        ? JSON.stringify(JSON.parse(body)) === JSON.stringify(JSON.parse(wanted))
        : Buffer.byteLength(body) === Buffer.byteLength(wanted);
      if (!same) throw new Error(`${target.name} does not answer ${operation} like the emulator in its own process`);
    }
}

/**
 * A warm-up round (1 s each, discarded: Prism's and the emulator's JIT), then every measurement on every target
 * `rounds` times, the targets' order rotating; medians.
 */
async function measureAll(targets: readonly Target[], rounds: number, seconds: number): Promise<LoadResult[][]> {
  for (const measurement of MEASUREMENTS)
    for (const target of targets) await load(target.urls[measurement.operation], HEADERS, measurement.connections, 1);
  const samples = targets.map(() => MEASUREMENTS.map((): LoadResult[] => []));
  for (let round = 0; round < rounds; round++)
    for (const [m, measurement] of MEASUREMENTS.entries())
      for (const target of rotate(targets, round + m)) {
        const url = target.urls[measurement.operation];
        const result = await load(url, HEADERS, measurement.connections, seconds, target.group);
        samples[targets.indexOf(target)][m].push(result);
        log(`round ${round + 1}/${rounds} ${measurement.label} ${target.name}: ${Math.round(result.rps)} req/s`);
      }
  return samples.map((byMeasurement) => byMeasurement.map(medianResult));
}

function medianResult(results: readonly LoadResult[]): LoadResult {
  const cpu = results.map((r) => r.cpuMicrosPerRequest);
  return {
    rps: median(results.map((r) => r.rps)),
    cpuMicrosPerRequest: cpu.includes(undefined) ? undefined : median(cpu as number[]),
  };
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  ensureBenchDeps();
  const bundle = await buildEmulatorBundle();
  const emulatorStartMs = await startupMs(bundle);
  const targets: Target[] = [];
  try {
    targets.push(await emulatorProcess(bundle));
    const answers = {
      getRun: await answerOf(targets[0].urls.getRun),
      listMessages: await answerOf(targets[0].urls.listMessages),
    };
    targets.push(await emulatorInProcess(bundle));
    const prism = await prismServingSameBytes(answers);
    targets.push(prism.target, await floorServer(answers), await floorInProcess(answers));
    await checkSameBytes(targets, answers);
    const results = await measureAll(targets, options.rounds, options.seconds);
    const bench: EmulatorBench = {
      measurements: MEASUREMENTS,
      startMs: { emulator: emulatorStartMs, prism: prism.startMs },
      bytes: {
        getRun: Buffer.byteLength(answers.getRun.body),
        listMessages: Buffer.byteLength(answers.listMessages.body),
      },
      targets: targets.map((target, i) => ({
        name: target.name,
        inProcess: target.group === undefined,
        results: results[i],
      })),
      rounds: options.rounds,
      seconds: options.seconds,
    };
    const report = renderEmulatorReport(bench);
    writeFileSync(options.out, report);
    // For `npm run bench` (bench/run.ts), which reads the last line: the figures themselves.
    console.log(options.json ? JSON.stringify(bench) : report);
  } finally {
    for (const target of targets) await target.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
