/** Paths, statistics, child processes and formatting shared by the benchmark sections. */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

export const BENCH_DIR = resolve(__dirname, "..");
export const ROOT = resolve(BENCH_DIR, "..");
export const BUILD_DIR = join(BENCH_DIR, ".build");
export const SPECS_DIR = resolve(ROOT, "..", "shared", "specs");

/** require() as seen from bench/package.json: the peers in bench/node_modules. */
export const benchRequire = createRequire(join(BENCH_DIR, "package.json"));
/** require() as seen from the repository root: what gpt-sdk itself resolves (its axios). */
export const rootRequire = createRequire(join(ROOT, "package.json"));

/** A peer package from bench/node_modules, loaded at run time and untyped on purpose (CI typechecks without it). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
export function loadPeer(name: string): any {
  return benchRequire(name);
}

/** The package.json of a package installed for the bench (works when `exports` hides it). */
export function peerManifestPath(pkg: string): string {
  for (const dir of benchRequire.resolve.paths(pkg) ?? []) {
    const candidate = join(dir, pkg, "package.json");
    if (existsSync(candidate)) return candidate;
  }
  throw new Error(`${pkg} is not installed in bench/node_modules (run npm ci in bench/)`);
}

/** Absolute path of a package's command-line entry (its package.json `bin`). */
export function peerBin(pkg: string, bin?: string): string {
  const manifestPath = peerManifestPath(pkg);
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as { bin?: string | Record<string, string> };
  const rel =
    typeof manifest.bin === "string" ? manifest.bin : manifest.bin?.[bin ?? Object.keys(manifest.bin ?? {})[0]];
  if (!rel) throw new Error(`${pkg} has no bin ${bin ?? ""}`);
  return join(manifestPath, "..", rel);
}

export function peerVersion(pkg: string): string {
  return (JSON.parse(readFileSync(peerManifestPath(pkg), "utf8")) as { version: string }).version;
}

export function tempDir(prefix: string, base: string = tmpdir()): string {
  return mkdtempSync(join(base, `gpt-sdk-bench-${prefix}-`));
}

/**
 * Where generators write: tmpfs (/dev/shm) when there is one. On this machine's virtual disk the
 * same 8,293-file write swings between 0.4 s and 4 s of system time from run to run, which would
 * drown the generators' own work; the disk is measured separately (one extra row).
 */
export const FAST_TMP: string = (() => {
  try {
    const probe = mkdtempSync(join("/dev/shm", "gpt-sdk-bench-probe-"));
    rmSync(probe, { recursive: true, force: true });
    return "/dev/shm";
  } catch {
    return tmpdir();
  }
})();

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

// ---------------------------------------------------------------- statistics

export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function mean(values: readonly number[]): number {
  return values.length === 0 ? NaN : values.reduce((a, b) => a + b, 0) / values.length;
}

/** Nearest-rank percentile (p in 0..100). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = Float64Array.from(values).sort();
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

/** Rotates a list by `by` places, so interleaved rounds start with a different entry each time. */
export function rotate<T>(items: readonly T[], by: number): T[] {
  const k = ((by % items.length) + items.length) % items.length;
  return [...items.slice(k), ...items.slice(0, k)];
}

// ---------------------------------------------------------------- output trees

export function treeSize(path: string): { bytes: number; files: number } {
  if (!existsSync(path)) return { bytes: 0, files: 0 };
  const stat = statSync(path);
  if (stat.isFile()) return { bytes: stat.size, files: 1 };
  let bytes = 0;
  let files = 0;
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    const sub = treeSize(join(path, entry.name));
    bytes += sub.bytes;
    files += sub.files;
  }
  return { bytes, files };
}

// ---------------------------------------------------------------- child processes

export const TIME_BIN = ["/usr/bin/time", "/bin/time"].find(
  (p) => existsSync(p) && spawnSync(p, ["-f", "%M", "true"]).status === 0,
);
const MAXRSS_PRELOAD = join(__dirname, "maxrss-preload.cjs");

export interface TimedRun {
  wallMs: number;
  /** Peak resident set size of the largest process in the tree, in bytes (undefined if unknown). */
  peakRss?: number;
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs a command to completion and measures its wall time (spawn to exit) and peak RSS:
 * through GNU time (`%M`, the largest process waited for) when present, else through a
 * `--require` preload that every Node process of the tree runs and that reports its own maxRSS.
 */
export function timedRun(
  command: string,
  args: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<TimedRun> {
  const dir = tempDir("time");
  const rssFile = join(dir, "rss");
  let file = command;
  let argv = [...args];
  const env = { ...process.env, ...options.env };
  if (TIME_BIN) {
    file = TIME_BIN;
    argv = ["-f", "%M", "-o", rssFile, command, ...args];
  } else {
    env.NODE_OPTIONS = `${env.NODE_OPTIONS ?? ""} --require ${MAXRSS_PRELOAD}`.trim();
    env.GPT_SDK_BENCH_RSS_DIR = dir;
  }
  return new Promise((resolvePromise, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(file, argv, { cwd: options.cwd ?? ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", reject);
    child.on("close", (status) => {
      const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
      const peakRss = readPeakRss(dir, rssFile);
      removeDir(dir);
      resolvePromise({ wallMs, peakRss, status, stdout, stderr });
    });
  });
}

/** What GNU time wrote to `rssFile`, or the largest figure the preload wrote into `dir`; undefined if unknown. */
function readPeakRss(dir: string, rssFile: string): number | undefined {
  try {
    if (TIME_BIN) {
      const kb = Number(/(\d+)\s*$/.exec(readFileSync(rssFile, "utf8").trim())?.[1]);
      return Number.isFinite(kb) ? kb * 1024 : undefined;
    }
    const values = readdirSync(dir)
      .filter((f) => f.startsWith("rss-"))
      .map((f) => Number(readFileSync(join(dir, f), "utf8")));
    return values.length ? Math.max(...values) : undefined;
  } catch {
    return undefined;
  }
}

/** Runs a command, failing loudly (with its output) if it exits non-zero. */
export function mustRun(
  command: string,
  args: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; quiet?: boolean } = {},
): string {
  const result = spawnSync(command, args, {
    cwd: options.cwd ?? ROOT,
    env: { ...process.env, ...options.env },
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  });
  if (result.status !== 0) {
    throw new Error(
      `${command} ${args.join(" ")} exited ${result.status ?? result.signal}\n${result.stdout ?? ""}\n${result.stderr ?? ""}`,
    );
  }
  return result.stdout;
}

// ---------------------------------------------------------------- formatting

export function fmtMs(ms: number): string {
  if (!Number.isFinite(ms)) return "n/a";
  if (Math.abs(ms) < 0.0005) return "0.000 ms";
  const sign = ms < 0 ? "−" : "";
  const a = Math.abs(ms);
  if (a >= 1000) return `${sign}${(a / 1000).toFixed(2)} s`;
  if (a >= 10) return `${sign}${a.toFixed(0)} ms`;
  if (a >= 1) return `${sign}${a.toFixed(1)} ms`;
  return `${sign}${a.toFixed(3)} ms`;
}

export function fmtBytes(bytes: number | undefined): string {
  if (bytes === undefined || !Number.isFinite(bytes)) return "n/a";
  const sign = bytes < 0 ? "−" : "";
  const b = Math.abs(bytes);
  if (b >= 1024 * 1024 * 1024) return `${sign}${(b / 1024 / 1024 / 1024).toFixed(1)} GB`;
  if (b >= 1024 * 1024) return `${sign}${(b / 1024 / 1024).toFixed(1)} MB`;
  if (b >= 1024) return `${sign}${(b / 1024).toFixed(0)} KB`;
  return `${sign}${b} B`;
}

export function fmtRatio(r: number): string {
  return Number.isFinite(r) ? `${r.toFixed(2)}×` : "n/a";
}

export function fmtInt(n: number): string {
  return Number.isFinite(n) ? Math.round(n).toLocaleString("en-US") : "n/a";
}

/** A markdown table; cells must not contain unescaped pipes. */
export function table(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  align?: readonly ("l" | "r")[],
): string {
  const sep = header.map((_, i) => ((align?.[i] ?? "l") === "r" ? "---:" : "---"));
  const line = (cells: readonly string[]) => `| ${cells.map((c) => c.replace(/\|/g, "\\|")).join(" | ")} |`;
  return [line(header), `| ${sep.join(" | ")} |`, ...rows.map(line)].join("\n");
}

export function log(message: string): void {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}
