/**
 * The package as a stranger gets it: `npm pack` (which builds, through `prepack`) into a temp
 * folder, then the tarball installed into fresh apps with npm. npm fetches axios, the one
 * dependency, from its cache or the registry; with neither reachable the tarball is unpacked by
 * hand and axios linked from this repository, so the tests still run offline.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "../support/root";
import { tempDir } from "../support/temp";

export interface Packed {
  /** The tarball's path. */
  readonly tarball: string;
  /** Its files, as `npm pack --json` lists them (`dist/index.js`, ...). */
  readonly files: readonly string[];
  readonly size: number;
  readonly unpackedSize: number;
}

function run(command: string, args: string[], cwd: string) {
  return spawnSync(command, args, { cwd, encoding: "utf8", env: { ...process.env, npm_config_loglevel: "error" } });
}

/** Packs this repository; npm runs `prepack` (the build) first. */
export function pack(): Packed {
  const out = tempDir("pack");
  const result = run("npm", ["pack", "--json", "--pack-destination", out], ROOT);
  if (result.status !== 0) throw new Error(`npm pack failed:\n${result.stderr}`);
  // With --json, npm prints the prepack script's output to stderr and only its report to stdout.
  const [report] = JSON.parse(result.stdout);
  return {
    tarball: join(out, report.filename),
    files: report.files.map((f: { path: string }) => f.path),
    size: report.size,
    unpackedSize: report.unpackedSize,
  };
}

/** A fresh app (`type` module or commonjs) with the tarball installed; returns its folder. */
export function installInApp(tarball: string, type: "module" | "commonjs"): string {
  const app = tempDir(`app-${type}`);
  writeFileSync(join(app, "package.json"), JSON.stringify({ name: `app-${type}`, private: true, type }));
  const npm = run("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", tarball], app);
  if (npm.status !== 0) unpackByHand(tarball, app);
  // Compiler types a user's project would install itself (@types/node, and @types/jest for the test example).
  symlinkSync(join(ROOT, "node_modules", "@types"), join(app, "node_modules", "@types"), "dir");
  return app;
}

/** What `npm install` does for this package, without the registry. */
function unpackByHand(tarball: string, app: string): void {
  const target = join(app, "node_modules", "gpt-sdk");
  mkdirSync(target, { recursive: true });
  const tar = run("tar", ["-xzf", tarball, "-C", target, "--strip-components=1"], app);
  if (tar.status !== 0) throw new Error(`tar failed:\n${tar.stderr}`);
  symlinkSync(join(ROOT, "node_modules", "axios"), join(app, "node_modules", "axios"), "dir");
}
