/** Runs the generator's CLI as users do, capturing exit code and output. */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";

export const ROOT = join(__dirname, "..", "..");
export const SPECS = join(ROOT, "..", "shared", "specs");

export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runGenerate(args: string[]): RunResult {
  const result = spawnSync(process.execPath, [join(ROOT, "node_modules", "tsx", "dist", "cli.mjs"), join(ROOT, "codegen", "cli.ts"), ...args], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `gpt-sdk-${prefix}-`));
}

/** Typechecks a generated package with its own tsconfig (strict), using this repo's node_modules. */
export function typecheckPackage(dir: string): RunResult {
  try {
    symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"), "dir");
  } catch {
    // already linked
  }
  const result = spawnSync(process.execPath, [join(ROOT, "node_modules", "typescript", "bin", "tsc"), "--noEmit", "-p", join(dir, "tsconfig.json")], {
    encoding: "utf8",
    timeout: 300_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
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
