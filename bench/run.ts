/**
 * npm run bench → every section, then docs/BENCHMARKS.md (see docs/BENCHMARKS.md "Reproduce").
 *
 *   tsx bench/run.ts [--quick] [--only generation,scaling,runtime,startup,stream,emulator,profile] [--out FILE]
 *   tsx bench/run.ts --render [--out FILE]   rewrite the report from bench/.build/results.json
 *
 * Installs bench/'s pinned peers (npm ci in bench/) when they are missing or differ from
 * bench/package.json, and builds dist/ when it is missing. Takes about 13 minutes on 2 cores; the emulator
 * section (bench/emulator.ts) also rewrites docs/EMULATOR-BENCHMARKS.md.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { cpus, loadavg, release, totalmem, type as osType } from "node:os";
import { join, relative } from "node:path";
import { runJsonChild, startServer, type ServerProcess } from "./lib/children";
import type { EmulatorBench } from "./lib/emulator-report";
import { ensureBenchDeps } from "./lib/peers";
import { clientLabel, CLIENT_IDS, type ClientId, type Operation } from "./lib/clients";
import { messagesPage, run as runFixture } from "./lib/fixtures";
import { renderReport, type BenchResults, type MachineInfo } from "./lib/report";
import { BUILD_DIR, log, mustRun, peerVersion, rotate, ROOT, rootRequire, TIME_BIN } from "./lib/util";
import { buildPrecompiled, runGeneration, runScaling } from "./generation";
import { profileGenerator, profileRuntime } from "./profile";
import type { MemoryResult, RuntimeResult } from "./runtime";
import type { StreamResult } from "./lib/stream-stats";
import { runStartup } from "./startup";

const SECTIONS = ["generation", "scaling", "runtime", "startup", "stream", "emulator", "profile"] as const;
type Section = (typeof SECTIONS)[number];

function parseArgs(argv: string[]): { quick: boolean; only: Set<Section>; out?: string; render: boolean } {
  let quick = false;
  let render = false;
  let only = new Set<Section>(SECTIONS);
  let out: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--quick") quick = true;
    else if (a === "--render") render = true;
    else if (a === "--only") {
      const names = (argv[++i] ?? "").split(",").filter(Boolean);
      for (const n of names)
        if (!(SECTIONS as readonly string[]).includes(n))
          throw new Error(`--only: unknown section "${n}" (known: ${SECTIONS.join(", ")})`);
      only = new Set(names as Section[]);
    } else if (a === "--out") out = argv[++i];
    else
      throw new Error(
        `unknown argument "${a}" (usage: tsx bench/run.ts [--quick] [--only ${SECTIONS.join(",")}] [--out FILE] [--render])`,
      );
  }
  return { quick, only, out, render };
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

function ensureDist(): string {
  const entry = join(ROOT, "dist", "index.js");
  if (!existsSync(entry)) {
    log("dist/ is missing: npm run build");
    const npmCli = process.env.npm_execpath;
    if (npmCli && existsSync(npmCli)) mustRun(process.execPath, [npmCli, "run", "build"], { cwd: ROOT });
    else mustRun("npm", ["run", "build"], { cwd: ROOT });
  }
  const stale = newestMtime(join(ROOT, "src")) > statSync(entry).mtimeMs;
  if (stale) log("warning: src/ has files newer than dist/index.js — run `npm run build` (npm run bench does)");
  return stale ? "**older than some src/ file** (figures may not reflect src/)" : "built from the current src/";
}

function git(args: string[]): string {
  const r = spawnSync("git", args, { cwd: ROOT, encoding: "utf8" });
  return r.status === 0 ? r.stdout.trim() : "";
}

function machine(started: number, loadStart: number[], distNote: string): MachineInfo {
  const c = cpus();
  const commit = git(["rev-parse", "--short", "HEAD"]);
  const dirty = git(["status", "--porcelain", "--", "src", "codegen", "package.json"])
    .split("\n")
    .filter(Boolean).length;
  const rootManifest = rootRequire(join(ROOT, "package.json")) as { version: string };
  return {
    cpu: `${c[0]?.model ?? "unknown"}${c[0]?.speed ? ` @ ${c[0].speed} MHz` : ""}`,
    cores: c.length,
    memory: totalmem(),
    os: `${osType()} ${release()}`,
    node: process.version,
    loadStart,
    loadEnd: loadavg(),
    date: new Date().toISOString().replace(/\.\d+Z$/, "Z"),
    commit: commit
      ? `${commit}${dirty ? ` plus uncommitted changes to ${dirty} file(s) under src/, codegen/ or package.json` : ""}`
      : "unknown (no git)",
    durationMs: Date.now() - started,
    timeTool: TIME_BIN ? `\`${TIME_BIN} -f %M\`` : "a `--require` preload reporting `process.resourceUsage().maxRSS`",
    distNote,
    versions: {
      "gpt-sdk": rootManifest.version,
      axios: (rootRequire("axios/package.json") as { version: string }).version,
      typescript: (rootRequire("typescript/package.json") as { version: string }).version,
      tsx: (rootRequire("tsx/package.json") as { version: string }).version,
      "openapi-typescript": peerVersion("openapi-typescript"),
      "@hey-api/openapi-ts": peerVersion("@hey-api/openapi-ts"),
      orval: peerVersion("orval"),
      "openai (4.x)": peerVersion("openai-v4"),
      "openai (newest for Node 20)": peerVersion("openai-v6"),
      esbuild: peerVersion("esbuild"),
    },
  };
}

type Options = ReturnType<typeof parseArgs>;

async function main(): Promise<void> {
  const started = Date.now();
  const loadStart = loadavg();
  const opts = parseArgs(process.argv.slice(2));
  if (opts.render) return rerender(opts.out);
  ensureBenchDeps();
  const distNote = ensureDist();
  mkdirSync(BUILD_DIR, { recursive: true });
  const q = opts.quick;
  const results: BenchResults = {
    machine: undefined as unknown as MachineInfo,
    quick: q,
    pageBytes: Buffer.byteLength(JSON.stringify(messagesPage())),
    runBytes: Buffer.byteLength(JSON.stringify(runFixture())),
  };

  if (opts.only.has("startup")) results.startup = runStartup({ runs: q ? 3 : 25 });
  if (opts.only.has("stream")) results.stream = await runStreamSection(q);
  if (opts.only.has("emulator")) results.emulator = await runEmulatorSection(q);
  if (opts.only.has("runtime") || opts.only.has("profile")) await runServerSections(opts, results);
  if (opts.only.has("generation")) results.generation = await runGeneration({ runs: q ? 1 : 5, bigRuns: q ? 1 : 3 });
  if (opts.only.has("scaling")) await runScalingSection(opts, results);

  results.machine = machine(started, loadStart, distNote);
  writeFileSync(join(BUILD_DIR, "results.json"), JSON.stringify(results, null, 2));
  const out =
    opts.out ??
    (q || opts.only.size < SECTIONS.length ? join(BUILD_DIR, "BENCHMARKS.md") : join(ROOT, "docs", "BENCHMARKS.md"));
  writeFileSync(out, renderReport(results));
  log(
    `wrote ${relative(process.cwd(), out)} (raw figures: ${relative(process.cwd(), join(BUILD_DIR, "results.json"))}) in ${((Date.now() - started) / 1000).toFixed(0)} s`,
  );
}

/** Rewrites the report from the last run's raw figures (after changing the report's layout). */
function rerender(outOption: string | undefined): void {
  const saved = JSON.parse(readFileSync(join(BUILD_DIR, "results.json"), "utf8")) as BenchResults;
  const out = outOption ?? join(ROOT, "docs", "BENCHMARKS.md");
  writeFileSync(out, renderReport(saved));
  log(`re-rendered ${relative(process.cwd(), out)} from bench/.build/results.json`);
}

/** One long streamed run read by gpt-sdk's parser and openai 4.x's, in one child process. */
function runStreamSection(quick: boolean): Promise<StreamResult> {
  log("stream: one long streamed run through gpt-sdk's parser and openai 4.x's");
  const args = ["--rounds", quick ? "3" : "15", "--events", "20000"];
  return runJsonChild<StreamResult>("stream.ts", args, ["--expose-gc"]);
}

/** The emulator beside Prism and the node:http floor (bench/emulator.ts); a quick run reports into bench/.build. */
function runEmulatorSection(quick: boolean): Promise<EmulatorBench> {
  log("emulator: start-up, and requests per second beside Prism and a bare node:http server");
  const args = quick ? ["--rounds", "1", "--seconds", "1", "--out", join(BUILD_DIR, "EMULATOR-BENCHMARKS.md")] : [];
  return runJsonChild<EmulatorBench>("emulator.ts", ["--json", ...args]);
}

/** The sections that call the loopback server: runtime (with memory) and the runtime profiles. */
async function runServerSections(opts: Options, results: BenchResults): Promise<void> {
  const q = opts.quick;
  const server = await startServer();
  try {
    if (opts.only.has("runtime")) {
      log(`runtime: ${CLIENT_IDS.map(clientLabel).join(", ")}`);
      const args = q
        ? ["--rounds", "2", "--seq", "100", "--conc", "200", "--warmup", "100"]
        : ["--rounds", "12", "--seq", "400", "--conc", "1000", "--warmup", "600"];
      results.runtime = await runJsonChild<RuntimeResult>(
        "runtime.ts",
        ["--bench", "--url", server.baseURL, ...args],
        ["--expose-gc"],
      );
      results.memory = await measureMemory(server, q);
    }
    if (opts.only.has("profile")) {
      const runs: { client: ClientId; op: Operation }[] = [
        { client: "gpt-sdk", op: "listMessages" },
        { client: "raw-axios", op: "listMessages" },
        { client: "gpt-sdk", op: "createRun" },
        { client: "raw-axios", op: "createRun" },
      ];
      const runtime = await profileRuntime(server, runs, q ? 1000 : 10000);
      buildPrecompiled();
      results.profile = { generator: profileGenerator(), runtime };
    }
  } finally {
    await server.stop();
  }
}

/** Each client alone in a fresh process, in an order that rotates each repetition. */
async function measureMemory(server: ServerProcess, quick: boolean): Promise<MemoryResult[][]> {
  const reps = quick ? 1 : 2;
  const memory: MemoryResult[][] = [];
  for (let rep = 0; rep < reps; rep++) {
    log(`runtime: memory, processes ${rep + 1}/${reps}`);
    const row: MemoryResult[] = [];
    for (const id of rotate(CLIENT_IDS, rep))
      row.push(
        await runJsonChild<MemoryResult>(
          "runtime.ts",
          ["--memory", id, "--url", server.baseURL, "--calls", quick ? "400" : "3000"],
          ["--expose-gc"],
        ),
      );
    memory.push(row);
  }
  return memory;
}

/** Growth with document size; with the profile section, the largest document is profiled too. */
async function runScalingSection(opts: Options, results: BenchResults): Promise<void> {
  const q = opts.quick;
  const profileLargest = opts.only.has("profile")
    ? (file: string, scale: number) => {
        buildPrecompiled();
        const summary = profileGenerator(file, `<openai-2026 ×${scale}>`);
        results.profile = { ...results.profile!, generatorScaled: { ...summary, scale } };
      }
    : undefined;
  results.scaling = await runScaling({
    runs: q ? 1 : 4,
    scales: q ? [1, 2] : [1, 2, 4, 8],
    tool: "ours-tsx",
    onLargest: profileLargest,
  });
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
