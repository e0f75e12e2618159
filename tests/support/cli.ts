/** Runs the generator's CLI as users do, capturing exit code and output; reads back what it wrote. */
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { ROOT } from "./root";

export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs a TypeScript program with this Node and tsx's require hook (as `npm run generate` does).
 * Not the tsx CLI, and its transform cache off: either would leave folders in the temp folder.
 */
export function runTs(args: readonly string[], options: { cwd?: string; timeout?: number } = {}): RunResult {
  const result = spawnSync(process.execPath, ["--require", require.resolve("tsx/cjs"), ...args], {
    cwd: options.cwd ?? ROOT,
    encoding: "utf8",
    timeout: options.timeout ?? 120_000,
    env: { ...process.env, TSX_DISABLE_CACHE: "1" },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export function runGenerate(args: readonly string[]): RunResult {
  return runTs([join(ROOT, "codegen", "cli.ts"), ...args]);
}

/** Every file under a folder (relative path → content), skipping node_modules. */
export function snapshotTree(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (current: string) => {
    for (const name of readdirSync(current).sort()) {
      if (name === "node_modules") continue;
      const full = join(current, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.set(relative(dir, full), readFileSync(full, "utf8"));
    }
  };
  walk(dir);
  return out;
}
