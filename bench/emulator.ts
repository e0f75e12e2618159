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
 *   tsx bench/emulator.ts [--rounds N] [--seconds S] [--out FILE]
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

const MEASUREMENTS: readonly Measurement[] = [
  { label: "getRun, sequential", operation: "getRun", connections: 1 },
  { label: "getRun, 16 in flight", operation: "getRun", connections: 16 },
  { label: "listMessages (100), sequential", operation: "listMessages", connections: 1 },
  { label: "listMessages (100), 16 in flight", operation: "listMessages", connections: 16 },
];

function parseArgs(argv: string[]): { rounds: number; seconds: number; out: string } {
  const options = { rounds: 5, seconds: 2, out: join(ROOT, "docs", "EMULATOR-BENCHMARKS.md") };
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (flag === "--out" && value) options.out = value;
    else if ((flag === "--rounds" || flag === "--seconds") && Number(value) > 0)
      options[flag.slice(2) as "rounds"] = Number(value);
    else
      throw new Error(
        `unknown or incomplete argument "${flag}" (usage: tsx bench/emulator.ts [--rounds N] [--seconds S] [--out FILE])`,
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
    const report = renderEmulatorReport(bench, MEASUREMENTS);
    writeFileSync(options.out, report);
    console.log(report);
  } finally {
    for (const target of targets) await target.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
