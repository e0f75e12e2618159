/**
 * Generation section: our generator (through tsx, as `npm run generate` runs it, and precompiled
 * into one file run by plain node) against openapi-typescript, @hey-api/openapi-ts and orval, on
 * three documents; then how our time grows on synthetic documents 1×, 2×, 4×, 8× the 2026 one.
 * Every command runs in its own process; rounds interleave the tools; medians are reported.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, relative } from "node:path";
import { writeScaledDocument, type SyntheticStats } from "./lib/synth";
import {
  BUILD_DIR,
  FAST_TMP,
  loadPeer,
  log,
  median,
  peerBin,
  peerVersion,
  removeDir,
  rotate,
  ROOT,
  rootRequire,
  SPECS_DIR,
  tempDir,
  timedRun,
  treeSize,
} from "./lib/util";

export type ToolId = "ours-tsx" | "ours-node" | "ours-tsx-disk" | "openapi-typescript" | "hey-api" | "orval";

export interface Tool {
  id: ToolId;
  label: string;
  /** The command line shown in the report (paths shortened). */
  shown: string;
  /** Writes to the real disk instead of tmpfs; run on the large document only. */
  disk?: boolean;
  /** `cwd` undefined: run in a fresh temporary directory (peers may write logs next to themselves). */
  command(spec: string, out: string): { file: string; args: string[]; cwd?: string };
}

export interface Input {
  id: string;
  label: string;
  file: string;
  bytes: number;
}

export interface ToolResult {
  tool: ToolId;
  wallMs: number[];
  peakRss: (number | undefined)[];
  /** The generator's own "time:" line (in-process, without Node/tsx start-up), ours only. */
  selfMs: number[];
  bytes: number;
  files: number;
  error?: string;
}

export interface GenerationResult {
  tools: { id: ToolId; label: string; shown: string }[];
  inputs: (Input & { runs: number; results: ToolResult[] })[];
  precompiledSameOutput: Record<string, boolean>;
  bundleMs: number;
  /** Where the tools wrote (tmpfs when available), except the on-disk row. */
  outputDir: string;
}

export interface ScalingRow {
  scale: number;
  stats: SyntheticStats;
  wallMs: number[];
  selfMs: number[];
  peakRss: (number | undefined)[];
  files: number;
  bytes: number;
}

const INPUTS: readonly Omit<Input, "bytes">[] = [
  { id: "repo", label: "openapi.yaml (this repo)", file: join(ROOT, "openapi.yaml") },
  { id: "openai-2023", label: "openai-2023-11-28.yaml", file: join(SPECS_DIR, "openai-2023-11-28.yaml") },
  { id: "openai-2026", label: "openai-2026-08-21.yaml", file: join(SPECS_DIR, "openai-2026-08-21.yaml") },
];

const PRECOMPILED = join(BUILD_DIR, "cli.js");

/**
 * Bundles codegen/cli.ts into bench/.build/cli.js with esbuild. The generator finds the repository
 * (src/internal, its package.json) by walking up from its own code, so the bundle reads the same files.
 */
export function buildPrecompiled(): number {
  const esbuild = loadPeer("esbuild");
  const started = performance.now();
  esbuild.buildSync({
    entryPoints: [join(ROOT, "codegen", "cli.ts")],
    outfile: PRECOMPILED,
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    sourcemap: true,
    logLevel: "error",
  });
  return performance.now() - started;
}

function tools(): Tool[] {
  return [...ourTools(), ...peerTools()];
}

/**
 * `npm run generate`'s own command line (package.json `scripts.generate`, `node --require tsx/cjs codegen/cli.ts`),
 * run with this node like the peers' bins: the bench times what users run, in one process.
 */
function generateScript(): { shown: string; nodeArgs: string[] } {
  const manifest = rootRequire(join(ROOT, "package.json")) as { scripts: Record<string, string> };
  const script = manifest.scripts.generate;
  const [program, ...nodeArgs] = script.split(" ");
  if (program !== "node") throw new Error(`npm run generate is "${script}": the bench expects a node command`);
  return { shown: `${script} --spec X --out D`, nodeArgs };
}

/** Our generator as `npm run generate` runs it (through tsx, in tmpfs and on disk) and precompiled. */
function ourTools(): Tool[] {
  const node = process.execPath;
  const { shown, nodeArgs } = generateScript();
  const viaTsx = (spec: string, out: string) => ({
    file: node,
    args: [...nodeArgs, "--spec", spec, "--out", out],
    cwd: ROOT,
  });
  return [
    { id: "ours-tsx", label: "gpt-sdk generator (tsx)", shown, command: viaTsx },
    {
      id: "ours-node",
      label: "gpt-sdk generator (precompiled, plain node)",
      shown: "node bench/.build/cli.js --spec X --out D",
      command: (spec, out) => ({ file: node, args: [PRECOMPILED, "--spec", spec, "--out", out], cwd: ROOT }),
    },
    {
      id: "ours-tsx-disk",
      disk: true,
      label: `gpt-sdk generator (tsx), output on disk (${tmpdir()})`,
      shown,
      command: viaTsx,
    },
  ];
}

function peerTools(): Tool[] {
  const oat = peerBin("openapi-typescript");
  const hey = peerBin("@hey-api/openapi-ts");
  const orval = peerBin("orval");
  const node = process.execPath;
  return [
    {
      id: "openapi-typescript",
      label: `openapi-typescript ${peerVersion("openapi-typescript")} (types only)`,
      shown: "openapi-typescript X -o D/schema.d.ts",
      command: (spec, out) => ({ file: node, args: [oat, spec, "-o", join(out, "schema.d.ts")] }),
    },
    {
      id: "hey-api",
      label: `@hey-api/openapi-ts ${peerVersion("@hey-api/openapi-ts")} (client-axios)`,
      shown: "openapi-ts -i X -o D -c @hey-api/client-axios",
      command: (spec, out) => ({
        file: node,
        args: [hey, "-i", spec, "-o", out, "-c", "@hey-api/client-axios", "--no-log-file", "-s"],
      }),
    },
    {
      id: "orval",
      label: `orval ${peerVersion("orval")} (axios client)`,
      shown: "orval --input X --output D/api.ts --client axios",
      command: (spec, out) => ({
        file: node,
        args: [orval, "--input", spec, "--output", join(out, "api.ts"), "--client", "axios"],
      }),
    },
  ];
}

function selfTime(stdout: string): number | undefined {
  const m = /time:\s+([\d.]+)\s*s/.exec(stdout);
  return m ? Number(m[1]) * 1000 : undefined;
}

function treeHash(dir: string): string {
  const hash = createHash("sha256");
  const walk = (d: string): void => {
    for (const entry of readdirSync(d).sort()) {
      const p = join(d, entry);
      if (statSync(p).isDirectory()) walk(p);
      else hash.update(relative(dir, p)).update("\0").update(readFileSync(p)).update("\0");
    }
  };
  if (existsSync(dir)) walk(dir);
  return hash.digest("hex");
}

interface OneRun {
  wallMs: number;
  peakRss?: number;
  selfMs?: number;
  bytes: number;
  files: number;
  hash?: string;
  error?: string;
}

async function runOnce(tool: Tool, spec: string, keepHash = false): Promise<OneRun> {
  const workDir = tool.disk ? tempDir(`gen-${tool.id}`) : tempDir(`gen-${tool.id}`, FAST_TMP);
  const out = join(workDir, "out");
  const { file, args, cwd } = tool.command(spec, out);
  const runCwd = cwd ?? workDir;
  try {
    const result = await timedRun(file, args, { cwd: runCwd });
    const size = treeSize(out);
    if (result.status !== 0 || size.files === 0) {
      const detail = `${result.stderr}\n${result.stdout}`.trim().split("\n").slice(-3).join(" / ");
      return {
        wallMs: result.wallMs,
        peakRss: result.peakRss,
        bytes: 0,
        files: 0,
        error: `exit ${result.status}, ${size.files} files: ${detail}`.slice(0, 300),
      };
    }
    return {
      wallMs: result.wallMs,
      peakRss: result.peakRss,
      selfMs: selfTime(result.stdout),
      bytes: size.bytes,
      files: size.files,
      hash: keepHash ? treeHash(out) : undefined,
    };
  } finally {
    removeDir(workDir);
  }
}

export async function runGeneration(options: { runs: number; bigRuns: number }): Promise<GenerationResult> {
  const bundleMs = buildPrecompiled();
  const every = tools();
  const precompiledSameOutput: Record<string, boolean> = {};
  const inputs: GenerationResult["inputs"] = [];
  for (const spec of INPUTS) {
    const bytes = statSync(spec.file).size;
    const big = bytes > 1_000_000;
    const runs = big ? options.bigRuns : options.runs;
    const all = every.filter((t) => big || !t.disk);
    log(`generation: ${spec.label} (${(bytes / 1024).toFixed(0)} KB), warm-up then ${runs} interleaved rounds`);
    const { results, sameOutput } = await measureInput(spec.file, all, runs);
    precompiledSameOutput[spec.id] = sameOutput;
    inputs.push({ ...spec, bytes, runs, results });
  }
  return {
    tools: every.map(({ id, label, shown }) => ({ id, label, shown })),
    inputs,
    precompiledSameOutput,
    bundleMs,
    outputDir: FAST_TMP,
  };
}

/** A warm-up round, then `runs` interleaved rounds; a tool that fails once is not run again. */
async function measureInput(
  file: string,
  all: Tool[],
  runs: number,
): Promise<{ results: ToolResult[]; sameOutput: boolean }> {
  const results = new Map<ToolId, ToolResult>(
    all.map((t) => [t.id, { tool: t.id, wallMs: [], peakRss: [], selfMs: [], bytes: 0, files: 0 }]),
  );
  const sameOutput = await warmUp(file, all, results);
  for (let round = 0; round < runs; round++) {
    for (const tool of rotate(all, round)) {
      const res = results.get(tool.id)!;
      if (res.error) continue;
      const r = await runOnce(tool, file);
      if (r.error) res.error = r.error;
      else record(res, r);
    }
  }
  for (const tool of all) {
    const r = results.get(tool.id)!;
    log(`  ${tool.label}: ${r.error ? `FAILED ${r.error}` : `${median(r.wallMs).toFixed(0)} ms, ${r.files} files`}`);
  }
  return { results: [...results.values()], sameOutput };
}

/**
 * The warm-up round (disk cache, tsx's transform cache), recording failures. Also checks that the
 * precompiled bundle writes the same tree as tsx: true when it does.
 */
async function warmUp(file: string, all: Tool[], results: Map<ToolId, ToolResult>): Promise<boolean> {
  const hashes = new Map<ToolId, string | undefined>();
  for (const tool of all) {
    const r = await runOnce(tool, file, tool.id.startsWith("ours"));
    hashes.set(tool.id, r.hash);
    if (r.error) results.get(tool.id)!.error = r.error;
  }
  return hashes.get("ours-tsx") !== undefined && hashes.get("ours-tsx") === hashes.get("ours-node");
}

/** Adds one successful run's figures. */
function record(into: Omit<ToolResult, "tool" | "error">, r: OneRun): void {
  into.wallMs.push(r.wallMs);
  into.peakRss.push(r.peakRss);
  if (r.selfMs !== undefined) into.selfMs.push(r.selfMs);
  into.bytes = r.bytes;
  into.files = r.files;
}

export async function runScaling(options: {
  runs: number;
  scales: readonly number[];
  tool: ToolId;
  onLargest?: (file: string, scale: number) => void;
}): Promise<ScalingRow[]> {
  const dir = tempDir("scaling", FAST_TMP);
  try {
    const docs = writeScaledDocuments(options.scales, dir);
    const tool = tools().find((t) => t.id === options.tool)!;
    const rows: ScalingRow[] = docs.map((d) => ({
      scale: d.scale,
      stats: d.stats,
      wallMs: [],
      selfMs: [],
      peakRss: [],
      files: 0,
      bytes: 0,
    }));
    await runOnce(tool, docs[0].file); // warm-up
    for (let round = 0; round < options.runs; round++) {
      for (const i of rotate(
        rows.map((_, k) => k),
        round,
      )) {
        const r = await runOnce(tool, docs[i].file);
        if (r.error) throw new Error(`${tool.label} failed on the ${docs[i].scale}× document: ${r.error}`);
        record(rows[i], r);
        log(`  scaling ${docs[i].scale}× round ${round + 1}: ${r.wallMs.toFixed(0)} ms`);
      }
    }
    const largest = docs[docs.length - 1];
    options.onLargest?.(largest.file, largest.scale);
    return rows;
  } finally {
    removeDir(dir);
  }
}

/** The 2026 document at each scale, written into `dir`. */
function writeScaledDocuments(
  scales: readonly number[],
  dir: string,
): { scale: number; file: string; stats: SyntheticStats }[] {
  const source = join(SPECS_DIR, "openai-2026-08-21.yaml");
  return scales.map((scale) => {
    const file = join(dir, `openai-2026-x${scale}.yaml`);
    const stats = writeScaledDocument(source, scale, file);
    log(
      `scaling: wrote ${basename(file)} (${(stats.bytes / 1024 / 1024).toFixed(1)} MB, ${stats.operations} operations, ${stats.schemas} schemas)`,
    );
    return { scale, file, stats };
  });
}
