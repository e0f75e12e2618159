/** bench/'s pinned peers (bench/package.json): installed with `npm ci` in bench/ when missing or stale. */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { BENCH_DIR, log, mustRun, peerManifestPath, peerVersion } from "./util";

/** True when every dependency of bench/package.json is installed at the pinned version. */
function benchDepsInstalled(): boolean {
  const manifest = JSON.parse(readFileSync(join(BENCH_DIR, "package.json"), "utf8")) as {
    dependencies: Record<string, string>;
  };
  return Object.entries(manifest.dependencies).every(([name, spec]) => {
    try {
      const wanted = spec.replace(/^npm:.*@/, "");
      return existsSync(peerManifestPath(name)) && peerVersion(name) === wanted;
    } catch {
      return false;
    }
  });
}

export function ensureBenchDeps(): void {
  if (benchDepsInstalled()) return;
  log("installing the bench's pinned peers (npm ci in bench/)");
  const npmCli = process.env.npm_execpath;
  if (npmCli && existsSync(npmCli))
    mustRun(process.execPath, [npmCli, "ci", "--no-audit", "--no-fund"], { cwd: BENCH_DIR });
  else mustRun(process.platform === "win32" ? "npm.cmd" : "npm", ["ci", "--no-audit", "--no-fund"], { cwd: BENCH_DIR });
  if (!benchDepsInstalled()) throw new Error("bench/node_modules still does not match bench/package.json after npm ci");
}
