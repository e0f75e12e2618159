/**
 * The JavaScript of `npm run build` (scripts/build.mjs): every .js file the package ships.
 * Start-up cost (docs/BENCHMARKS.md) is what the split below is about:
 *
 * - dist/index.js: the package's entry as one bundled file, so `require("gpt-sdk")` reads one
 *   module instead of a few hundred. It does not contain the models.
 * - dist/models.js: the `shared` and `operations` models (classes and their wire mappers),
 *   loaded on first use: the first call, or the first read of `shared.X` / `operations.X`.
 *   Compiling and evaluating them is about half of what the package would cost at start-up.
 * - The seed's deep import paths (`gpt-sdk/dist/sdk/models/shared`, ...) re-export from those
 *   same two files, so a class is the same class whichever path it was imported from.
 * - dist/index.mjs: the ESM entry, the same CommonJS bundle, told to load axios with import() (see
 *   src/internal/http-client.ts) so an ESM app that imports axios itself loads one copy.
 * - dist/emulator/index.js and dist/emulator/cli.js (the bin's): gpt-sdk/emulator, a bundle of its own.
 *
 * Source maps are written beside the bundles, without a sourceMappingURL comment: they serve
 * profiling in a clone (bench/) and are not shipped (package.json's `files`).
 */
import { build } from "esbuild";
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dist = join(root, "dist");
const LAZY = ["shared", "operations"];

const common = {
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node20",
  external: ["axios"],
  sourcemap: "external",
  logLevel: "warning",
};

/** Runs `code` in a fresh node process and parses the JSON it prints. */
function probe(code) {
  return JSON.parse(execFileSync(process.execPath, ["-e", code], { encoding: "utf8" }));
}

/**
 * esbuild renames top-level classes whose names collide across modules (shared and
 * operations both have a CreateMessageRequest). Its keepNames option would fix that but
 * wraps every closure created per request; instead a footer restores just the renamed
 * classes' names, so errors report `NotFoundError` and models print as themselves.
 */
function renamedClasses(file, namespaces) {
  return probe(`
    const pkg = require(${JSON.stringify(file)});
    const out = [];
    for (const ns of ${JSON.stringify(namespaces)}) {
      const scope = ns ? pkg[ns] : pkg;
      for (const key of Object.keys(scope ?? {})) {
        const value = scope[key];
        if (typeof value === "function" && /^[A-Z]/.test(key) && value.name !== key) out.push([ns, key]);
      }
    }
    process.stdout.write(JSON.stringify(out));
  `);
}

function nameFooter(renamed) {
  return {
    js: [
      "(function restoreClassNames(pkg) {",
      `  for (const [ns, key] of ${JSON.stringify(renamed)}) Object.defineProperty((ns ? pkg[ns] : pkg)[key], "name", { value: key });`,
      "})(module.exports);",
    ].join("\n"),
  };
}

async function buildTwice(options, namespaces) {
  await build(options);
  await build({ ...options, footer: nameFooter(renamedClasses(options.outfile, namespaces)) });
}

// 1. The models, from a small entry that names the two namespaces.
const modelsFile = join(dist, "models.js");
await buildTwice(
  {
    ...common,
    stdin: {
      contents: LAZY.map((ns) => `export * as ${ns} from "./src/sdk/models/${ns}";`).join("\n"),
      resolveDir: root,
      sourcefile: "models-entry.ts",
      loader: "ts",
    },
    outfile: modelsFile,
  },
  LAZY,
);
const names = probe(`
  const models = require(${JSON.stringify(modelsFile)});
  process.stdout.write(JSON.stringify(Object.fromEntries(${JSON.stringify(LAZY)}.map((ns) => [ns, Object.keys(models[ns])]))));
`);

// 2. The entry: each import of `./models/shared` or `./models/operations` from the client's
// own modules becomes a namespace of getters that loads dist/models.js on first use.
const lazyModels = {
  name: "lazy-models",
  setup(b) {
    // Only the client's modules (src/sdk/*.ts), not the models' imports of each other.
    const sdkDir = join(root, "src", "sdk");
    b.onResolve({ filter: /^\.\/models\/(shared|operations)$/ }, (args) =>
      dirname(args.importer) === sdkDir
        ? { path: args.path.slice("./models/".length), namespace: "lazy-models" }
        : undefined,
    );
    b.onResolve({ filter: /^\.\/models\.js$/, namespace: "lazy-models" }, () => ({
      path: "./models.js",
      external: true,
    }));
    b.onLoad({ filter: /.*/, namespace: "lazy-models" }, (args) => ({
      loader: "js",
      contents: [
        `// The ${args.path} models, loaded from dist/models.js on first use (see scripts/bundle.mjs).`,
        // Marked as an ES module, so the namespace gets no `default` key holding itself.
        `Object.defineProperty(exports, "__esModule", { value: true });`,
        `let models;`,
        `const load = () => (models ??= require("./models.js").${args.path});`,
        `for (const name of ${JSON.stringify(names[args.path])}) Object.defineProperty(exports, name, { enumerable: true, get: () => load()[name] });`,
      ].join("\n"),
    }));
  },
};
// The entry adds, beside src/index.ts's exports, the hook dist/index.mjs calls (not part of the typed API).
const entry = {
  contents: [
    `export * from "./src/index";`,
    `export { setAxiosLoader as __setAxiosLoader } from "./src/internal/http-client";`,
  ].join("\n"),
  resolveDir: root,
  sourcefile: "index-entry.ts",
  loader: "ts",
};
await buildTwice({ ...common, stdin: entry, outfile: join(dist, "index.js"), plugins: [lazyModels] }, ["", "errors"]);
// A model module in the entry would be a second copy of its classes (instanceof would fail).
const stray = /^\/\/ src\/sdk\/models\/(shared|operations)\/.*$/m.exec(readFileSync(join(dist, "index.js"), "utf8"));
if (stray)
  throw new Error(
    `scripts/bundle.mjs: ${stray[0].slice(3)} was bundled into dist/index.js; it must only be in dist/models.js`,
  );

// 3. The seed's deep paths.
const deepPaths = {
  "sdk/models/shared/index.js": { from: "models.js", name: "shared", keys: names.shared },
  "sdk/models/operations/index.js": { from: "models.js", name: "operations", keys: names.operations },
  "sdk/models/errors/index.js": {
    from: "index.js",
    name: "errors",
    keys: probe(
      `process.stdout.write(JSON.stringify(Object.keys(require(${JSON.stringify(join(dist, "index.js"))}).errors)))`,
    ),
  },
};
for (const [file, { from, name, keys }] of Object.entries(deepPaths)) {
  const depth = file.split("/").length - 1;
  // One `exports.X = ...` line per name, so Node's ESM loader can see the named exports.
  const lines = [...keys].sort().map((key) => `exports[${JSON.stringify(key)}] = models[${JSON.stringify(key)}];`);
  writeFileSync(
    join(dist, file),
    `"use strict";\n// The bundled package's ${name} module (see scripts/bundle.mjs).\nconst models = require("${"../".repeat(depth)}${from}").${name};\n${lines.join("\n")}\n`,
  );
}

// 4. The ESM entry. Node gives an ESM importer of a CommonJS file the same module, so classes stay one copy.
writeFileSync(
  join(dist, "index.mjs"),
  [
    `// The package's entry for ESM importers: the CommonJS bundle, loading axios through import() (see scripts/bundle.mjs).`,
    `import pkg from "./index.js";`,
    `pkg.__setAxiosLoader(() => import("axios").then((axios) => axios.default));`,
    `export * from "./index.js";`,
    `export default pkg;`,
    ``,
  ].join("\n"),
);

// 5. gpt-sdk/emulator, and the bin's cli.js, which loads the emulator from index.js beside it.
const emulator = join(root, "src", "emulator");
await buildTwice(
  { ...common, entryPoints: [join(emulator, "index.ts")], outfile: join(dist, "emulator", "index.js") },
  [""],
);
const emulatorIndex = {
  name: "emulator-index",
  setup(b) {
    b.onResolve({ filter: /^\.\/index$/ }, (args) =>
      args.importer === join(emulator, "cli.ts") ? { path: "./index.js", external: true } : undefined,
    );
  },
};
await build({
  ...common,
  entryPoints: [join(emulator, "cli.ts")],
  outfile: join(dist, "emulator", "cli.js"),
  plugins: [emulatorIndex],
});
