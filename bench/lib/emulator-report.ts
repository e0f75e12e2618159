/** Turns bench/emulator.ts's figures into docs/EMULATOR-BENCHMARKS.md. */
import { spawnSync } from "node:child_process";
import { cpus, loadavg } from "node:os";
import type { Operation } from "./emulator-targets";
import type { LoadResult } from "./load";
import { fmtInt, fmtMs, peerVersion, ROOT, rootRequire, table } from "./util";

export interface Measurement {
  label: string;
  operation: Operation;
  connections: number;
}

export interface EmulatorBench {
  measurements: Measurement[];
  startMs: { emulator: number; prism: number };
  bytes: Record<Operation, number>;
  /**
   * In the order: emulator own process, emulator in process, Prism, the node:http floor in its own process and in
   * process; results by measurement.
   */
  targets: { name: string; inProcess: boolean; results: LoadResult[] }[];
  rounds: number;
  seconds: number;
}

const START_GOAL_MS = 50;
const RATIO_GOAL = 20;

const ratio = (r: number | undefined): string => (r !== undefined && Number.isFinite(r) ? `${r.toFixed(1)}×` : "n/a");
const micros = (us: number | undefined): string => (us === undefined ? "n/a" : `${us.toFixed(us < 100 ? 1 : 0)} µs`);
const status = (met: boolean | undefined): string =>
  met === undefined ? "not measured" : met ? "**met**" : "**not met**";

export function renderEmulatorReport(bench: EmulatorBench): string {
  const { measurements } = bench;
  return [
    "# Emulator benchmarks",
    "",
    `Written by \`npm run bench:emulator\` (\`bench/emulator.ts\`) on ${new Date().toISOString().replace(/\.\d+Z$/, "Z")}. Do not edit by hand: rerun it.`,
    "",
    machineLine(),
    "",
    "## Goals",
    "",
    goalsTable(bench),
    "",
    "Beside each ratio, *the floor* is the same ratio for a bare node:http server that only replays the emulator's bytes, run the same way: no server on node:http can show more on this machine, so where the floor itself stays under the goal, the goal is out of reach here.",
    "",
    method(bench),
    "",
    "## Requests per second (wall clock)",
    "",
    table(
      ["Measurement", ...bench.targets.map((t) => t.name)],
      measurements.map((m, i) => [m.label, ...bench.targets.map((t) => fmtInt(t.results[i].rps))]),
      ["l", ...bench.targets.map(() => "r" as const)],
    ),
    "",
    "## Server CPU time per answer",
    "",
    cpuTable(bench),
    "",
  ].join("\n");
}

/** A goal as both reports show it: what it asks, what was measured, and whether that meets it. */
export interface EmulatorGoal {
  target: string;
  measured: string;
  /** Undefined when it could not be measured (server CPU time off Linux). */
  met: boolean | undefined;
}

/**
 * The start-up goal, then the ratio goal for each measurement twice: by wall clock (met when either way of running
 * the emulator meets it) and per second of the server's CPU (own processes; what the load generator cannot blur).
 */
export function emulatorGoals(bench: EmulatorBench): EmulatorGoal[] {
  const [own, inProcess, prism, floor, floorInProcess] = bench.targets;
  const startGoal: EmulatorGoal = {
    target: `Emulator start-up ≤ ${START_GOAL_MS} ms`,
    measured: `${fmtMs(bench.startMs.emulator)} (Prism: ${fmtMs(bench.startMs.prism)})`,
    met: bench.startMs.emulator <= START_GOAL_MS,
  };
  const ratioGoals = bench.measurements.flatMap((m, i): EmulatorGoal[] => {
    const vsPrism = (t: EmulatorBench["targets"][number]) => t.results[i].rps / prism.results[i].rps;
    const [wallOwn, wallIn] = [vsPrism(own), vsPrism(inProcess)];
    const cpu = cpuRatio(prism.results[i], own.results[i]);
    return [
      {
        target: `Emulator ≥ ${RATIO_GOAL}× Prism's requests per second, wall clock: ${m.label}`,
        measured: `${ratio(wallOwn)} in its own process, ${ratio(wallIn)} in process (the floor: ${ratio(vsPrism(floor))}, ${ratio(vsPrism(floorInProcess))})`,
        met: Math.max(wallOwn, wallIn) >= RATIO_GOAL,
      },
      {
        target: `Emulator ≥ ${RATIO_GOAL}× Prism's answers per second of server CPU: ${m.label}`,
        measured: `${ratio(cpu)} (the floor: ${ratio(cpuRatio(prism.results[i], floor.results[i]))})`,
        met: cpu === undefined ? undefined : cpu >= RATIO_GOAL,
      },
    ];
  });
  return [startGoal, ...ratioGoals];
}

function goalsTable(bench: EmulatorBench): string {
  const rows = emulatorGoals(bench).map((goal) => [goal.target, goal.measured, status(goal.met)]);
  return table(["Goal", "Measured", "Status"], rows);
}

/** CPU time per answer of the targets in their own processes (in process, the load generator's would count too). */
function cpuTable(bench: EmulatorBench): string {
  const { measurements } = bench;
  const measured = bench.targets.filter((t) => !t.inProcess);
  return table(
    ["Measurement", ...measured.map((t) => t.name)],
    measurements.map((m, i) => [m.label, ...measured.map((t) => micros(t.results[i].cpuMicrosPerRequest))]),
    ["l", ...measured.map(() => "r" as const)],
  );
}

/** How many times more answers a server gives than Prism per second of its CPU. */
function cpuRatio(prism: LoadResult, server: LoadResult): number | undefined {
  if (prism.cpuMicrosPerRequest === undefined || !server.cpuMicrosPerRequest) return undefined;
  return prism.cpuMicrosPerRequest / server.cpuMicrosPerRequest;
}

function method(bench: EmulatorBench): string {
  const prismVersion = (rootRequire("@stoplight/prism-cli/package.json") as { version: string }).version;
  return [
    "## How it is measured",
    "",
    `- Load: autocannon ${peerVersion("autocannon")} in the bench's process, on loopback with keep-alive: one connection (sequential) or 16 (16 in flight), each with one request at a time, ${bench.seconds} s per measurement; ${bench.rounds} rounds, the targets' order rotating; medians. Any answer but a 200 stops the bench.`,
    `- Like for like (the bench checks it): Prism and the floor answer with the emulator's very answers, the in-process emulator with answers of the same size (its own ids and timestamps): getRun ${fmtInt(bench.bytes.getRun)} B, the 100-message page ${fmtInt(bench.bytes.listMessages)} B.`,
    "- *emulator, own process*: the esbuild bundle the package ships, on plain node in its own process, as `gpt-sdk-emulator` runs.",
    "- *emulator, in process*: the same bundle in the bench's process, as a test suite runs `startEmulator`; it shares one core with the load generator, but no answer crosses between processes.",
    `- *Prism*: @stoplight/prism-cli ${prismVersion} mocking openapi.yaml (\`--dynamic false\`), its examples for the two operations replaced by the emulator's answers.`,
    "- *node:http, same bytes* (the floor), in its own process and in process: `bench/lib/floor-server.cjs` replays the emulator's answers from memory: no routing, no state, no JSON. No node:http server does less per request, so its ratio to Prism is the most any node:http server can show on this machine, run the same way.",
    "- Server CPU time: user + system time of the server's process group (every thread) over the measurement, from /proc, divided by the answers: what a server spends per answer whatever the load generator's share of the cores.",
  ].join("\n");
}

function machineLine(): string {
  const c = cpus();
  const commit = spawnSync("git", ["rev-parse", "--short", "HEAD"], { cwd: ROOT, encoding: "utf8" }).stdout.trim();
  const load = loadavg()
    .map((l) => l.toFixed(2))
    .join(" / ");
  return `Machine: ${c[0]?.model ?? "unknown CPU"} × ${c.length}, Node ${process.version}, load average (1/5/15 min) at the end ${load}; code measured: ${commit || "unknown"}.`;
}
