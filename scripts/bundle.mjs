/**
 * Second step of `npm run build`, after tsc has written dist/ (.js and .d.ts per module):
 * the package's entry becomes one bundled file, so `require("gpt-sdk")` reads one module
 * instead of a few hundred (start-up cost, docs/BENCHMARKS.md). The seed's deep import paths
 * (`gpt-sdk/dist/sdk/models/shared`, ...) re-export from that same bundle, so a class is the
 * same class whichever path it was imported from.
 */
import { build } from "esbuild";
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dist = join(root, "dist");

const options = {
  entryPoints: [join(root, "src", "index.ts")],
  outfile: join(dist, "index.js"),
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node18",
  external: ["axios"],
  sourcemap: true,
  logLevel: "warning",
};

// esbuild renames top-level classes whose names collide across modules (shared and
// operations both have a CreateMessageRequest). Its keepNames option would fix that but
// wraps every closure created per request, and renaming every export at load costs
// milliseconds of start-up; so a first build finds the renamed classes and the final
// build's footer restores just those names, so errors report `NotFoundError` and models
// print as themselves.
await build(options);
const renamed = JSON.parse(
  execFileSync(process.execPath, ["-e", `
    const pkg = require(${JSON.stringify(join(dist, "index.js"))});
    const out = [];
    for (const ns of ["", "shared", "operations", "errors"]) {
      const scope = ns ? pkg[ns] : pkg;
      for (const key of Object.keys(scope ?? {})) {
        const value = scope[key];
        if (typeof value === "function" && /^[A-Z]/.test(key) && value.name !== key) out.push([ns, key]);
      }
    }
    process.stdout.write(JSON.stringify(out));
  `], { encoding: "utf8" }),
);
await build({
  ...options,
  footer: {
    js: [
      "(function restoreClassNames(pkg) {",
      `  for (const [ns, key] of ${JSON.stringify(renamed)}) Object.defineProperty((ns ? pkg[ns] : pkg)[key], "name", { value: key });`,
      "})(module.exports);",
    ].join("\n"),
  },
});

const deepPaths = {
  "sdk/models/shared/index.js": "shared",
  "sdk/models/operations/index.js": "operations",
  "sdk/models/errors/index.js": "errors",
};
const bundle = createRequire(import.meta.url)(join(dist, "index.js"));
for (const [file, name] of Object.entries(deepPaths)) {
  const depth = file.split("/").length - 1;
  const entry = `${"../".repeat(depth)}index.js`;
  // One `exports.X = ...` line per name, so Node's ESM loader can see the named exports.
  const lines = Object.keys(bundle[name]).sort().map((key) => `exports[${JSON.stringify(key)}] = models[${JSON.stringify(key)}];`);
  writeFileSync(
    join(dist, file),
    `"use strict";\n// The bundled package's ${name} module (see scripts/bundle.mjs).\nconst models = require("${entry}").${name};\n${lines.join("\n")}\n`,
  );
}
