/**
 * `npm run build`, which `npm pack` and `npm publish` run first (the `prepack` script).
 *
 * 1. dist/ is emptied, so a module or type removed from src/ is never published again.
 * 2. tsc writes the declarations (.d.ts) of the entry points and of what they import; no JavaScript.
 * 3. scripts/bundle.mjs writes all the JavaScript: the bundles and the files behind the deep import paths.
 * 4. scripts/prune-declarations.mjs deletes the declarations no entry point's types reach.
 *
 * What is left is what the package ships, plus the bundles' source maps (for profiling a clone;
 * package.json's `files` leaves them out of the tarball).
 */
import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");

function run(file, args = []) {
  execFileSync(process.execPath, [file, ...args], { cwd: root, stdio: "inherit" });
}

rmSync(join(root, "dist"), { recursive: true, force: true });
run(tsc, ["-p", "tsconfig.build.json"]);
run(join(root, "scripts", "bundle.mjs"));
run(join(root, "scripts", "prune-declarations.mjs"));
