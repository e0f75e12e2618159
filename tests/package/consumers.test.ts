/**
 * The packed package as strangers use it: `npm pack`, installed into a fresh CommonJS app and a
 * fresh ESM app. What the tarball holds, the deep import paths, one copy of each class and of
 * axios, the emulator and its bin, all through the installed copy.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { startEmulator } from "../../src/emulator";
import { ROOT } from "../support/root";
import { formatDiagnostics, markdownFiles, typecheck } from "../support/typecheck";
import { installInApp, pack, type Packed } from "./install";
import { reachableFiles } from "./reach";
import { quickStartProgram, readmeExamples, type AppSettings, writeExamples } from "./readme";

let packed: Packed;
let cjsApp: string;
let esmApp: string;

beforeAll(() => {
  packed = pack();
  cjsApp = installInApp(packed.tarball, "commonjs");
  esmApp = installInApp(packed.tarball, "module");
}, 300_000);

const installed = (app: string) => join(app, "node_modules", "gpt-sdk");

/** Runs a program in an app and returns what it printed; anything on stderr fails the test. */
function runIn(app: string, file: string, code: string): string {
  writeFileSync(join(app, file), code);
  const run = spawnSync(process.execPath, [file], { cwd: app, encoding: "utf8" });
  expect(run.stderr).toBe("");
  return run.stdout.trim();
}

/** The deep import paths package.json exports (`gpt-sdk/dist/sdk/models/shared`, its `/index.js` spelling, ...). */
function deepPaths(): string[] {
  const exports = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).exports as Record<string, unknown>;
  return Object.keys(exports)
    .filter((key) => key.startsWith("./dist/"))
    .map((key) => `gpt-sdk${key.slice(1)}`);
}

test("the tarball holds what an entry point reaches, README and LICENSE, and nothing else", () => {
  const reach = reachableFiles(installed(cjsApp));
  expect(reach.broken).toEqual([]);
  const always = ["package.json", "README.md", "LICENSE"];
  expect(packed.files.filter((file) => !reach.files.has(file) && !always.includes(file))).toEqual([]);
  expect([...reach.files].filter((file) => !packed.files.includes(file))).toEqual([]);
  expect(packed.files).toEqual(expect.arrayContaining(always));
  // Source maps are not shipped, so no shipped file may point at one.
  for (const file of packed.files.filter((f) => /\.m?js$/.test(f))) {
    expect([file, readFileSync(join(installed(cjsApp), file), "utf8").includes("sourceMappingURL")]).toEqual([
      file,
      false,
    ]);
  }
});

test("the docs' deep import paths are exported, each with its /index.js spelling, as real files", () => {
  const documented = new Set<string>();
  for (const file of [join(ROOT, "README.md"), ...markdownFiles(join(ROOT, "docs"))]) {
    for (const match of readFileSync(file, "utf8").matchAll(/"(gpt-sdk\/dist\/[^"]+)"/g)) documented.add(match[1]);
  }
  const exported = deepPaths();
  expect([...documented].filter((path) => !exported.includes(path))).toEqual([]);
  for (const path of documented) expect(exported).toContain(`${path}/index.js`);
  for (const path of exported) {
    const file = join(installed(cjsApp), path.slice("gpt-sdk/".length).replace(/(\/index\.js)?$/, "/index"));
    expect([path, existsSync(`${file}.js`), existsSync(`${file}.d.ts`)]).toEqual([path, true, true]);
  }
});

// For each deep path: whether it has the names of the entry's namespace, and which names differ from it.
// (An ESM import of a CommonJS file adds `default`, the whole module.)
const SAME_CLASSES = (load: string) => `
const out = [];
for (const path of ${JSON.stringify(deepPaths())}) {
  const deep = ${load};
  const namespace = root[path.split("/")[4]];
  const names = Object.keys(deep).filter((name) => name !== "default");
  const same = JSON.stringify(names.sort()) === JSON.stringify(Object.keys(namespace).sort());
  out.push([path, same && names.length > 0, names.filter((name) => deep[name] !== namespace[name])]);
}
console.log(JSON.stringify(out));`;

test.each([
  ["CommonJS", () => cjsApp, "same.cjs", `const root = require("gpt-sdk");`, "require(path)"],
  ["ESM", () => esmApp, "same.mjs", `import * as root from "gpt-sdk";`, "await import(path)"],
])("%s: every deep path gives the entry's own classes", (_, app, file, header, load) => {
  const result = JSON.parse(runIn(app(), file, header + SAME_CLASSES(load)));
  expect(result).toEqual(deepPaths().map((path) => [path, true, []]));
});

test.each<[string, () => string, AppSettings]>([
  ["an ESM app (NodeNext)", () => esmApp, { module: "NodeNext", moduleResolution: "NodeNext" }],
  ["a CommonJS app (NodeNext)", () => cjsApp, { module: "NodeNext", moduleResolution: "NodeNext" }],
  ["a CommonJS app (CommonJS, Node10 resolution)", () => cjsApp, { module: "CommonJS", moduleResolution: "Node10" }],
])(
  "the README's examples typecheck strictly in %s, as written",
  (_, app, settings) => {
    const dir = writeExamples(app(), `readme-${settings.module}-${settings.moduleResolution}`, settings);
    expect(readmeExamples().length).toBeGreaterThan(5);
    expect(formatDiagnostics(typecheck({ project: dir }))).toBe("");
  },
  120_000,
);

test.each([
  ["ESM", () => esmApp, "quick-start.mjs", ts.ModuleKind.ESNext],
  ["CommonJS", () => cjsApp, "quick-start.cjs", ts.ModuleKind.CommonJS],
])(
  "%s: the README's quick start runs against a loopback server and prints the reply",
  async (_, app, file, module) => {
    const emulator = await startEmulator({ stepMs: 1 });
    try {
      writeFileSync(join(app(), file), quickStartProgram(emulator.url, module));
      const run = await runAsync(app(), file, { OPENAI_API_KEY: "sk-test" });
      expect(run).toEqual({ stdout: "You said: What is the capital of France?\n", stderr: "", status: 0 });
    } finally {
      await emulator.close();
    }
  },
  60_000,
);

/** Runs a file in an app without blocking the test process (which serves the emulator). */
function runAsync(app: string, file: string, env: Record<string, string>) {
  return new Promise<{ stdout: string; stderr: string; status: number | null }>((resolve) => {
    const child = spawn(process.execPath, [file], { cwd: app, env: { ...process.env, ...env } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("close", (status) => resolve({ stdout, stderr, status }));
  });
}

/** A loopback server answering every request with one assistant. */
const ASSISTANT_SERVER = `
const server = http.createServer((req, res) => {
  res.writeHead(200, { "content-type": "application/json" });
  res.end(JSON.stringify({ id: "asst_1", object: "assistant", created_at: 1699009709, name: null, description: null,
    model: "gpt-4", instructions: null, tools: [{ type: "retrieval" }], file_ids: [], metadata: {} }));
});`;

test("CommonJS: models load on first use; a call decodes into classes every path shares", () => {
  const output = runIn(
    cjsApp,
    "lazy.cjs",
    `const http = require("node:http");
const modelsLoaded = () => Object.keys(require.cache).some((file) => file.endsWith("/dist/models.js"));
const { Gpt, shared } = require("gpt-sdk");
const atStart = modelsLoaded();
const deep = require("gpt-sdk/dist/sdk/models/shared/index.js");
${ASSISTANT_SERVER}
server.listen(0, "127.0.0.1", async () => {
  const sdk = new Gpt({ apiKeyAuth: "sk-test", serverURL: "http://127.0.0.1:" + server.address().port + "/v1" });
  const a = (await sdk.assistants.getAssistant("asst_1")).assistantObject;
  console.log([atStart, modelsLoaded(), a instanceof shared.AssistantObject, a instanceof deep.AssistantObject,
    a.tools[0] instanceof require("gpt-sdk/dist/sdk/models/shared").AssistantToolsRetrieval, a.createdAt].join(","));
  server.close();
});`,
  );
  expect(output).toBe("false,true,true,true,true,1699009709");
});

test.each([
  ["the app's own axios instance", "defaultClient: axios.create()"],
  ["an instance the client makes", ""],
])("ESM: a call with %s loads axios once, the ESM build", (_, option) => {
  const output = runIn(
    esmApp,
    "axios-once.mjs",
    `import http from "node:http";
import { createRequire } from "node:module";
import axios from "axios";
import { Gpt, shared } from "gpt-sdk";
${ASSISTANT_SERVER}
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const sdk = new Gpt({ apiKeyAuth: "sk-test", serverURL: "http://127.0.0.1:" + server.address().port + "/v1", ${option} });
const a = (await sdk.assistants.getAssistant("asst_1")).assistantObject;
const commonJsAxios = Object.keys(createRequire(import.meta.url).cache).filter((file) => file.includes("/axios/"));
console.log(JSON.stringify([a instanceof shared.AssistantObject, commonJsAxios]));
server.close();`,
  );
  expect(JSON.parse(output)).toEqual([true, []]);
});

test("gpt-sdk/emulator: CommonJS and ESM apps start it; require('gpt-sdk') alone never loads it", () => {
  const body = `const emu = await startEmulator();
const sdk = new Gpt({ apiKeyAuth: "sk-test", serverURL: emu.url });
const a = (await sdk.assistants.createAssistant({ model: "gpt-4", name: "built" })).assistantObject;
await emu.close();
console.log([a.name, /^asst_/.test(a.id)].join(","));`;
  const cjs = runIn(
    cjsApp,
    "emu.cjs",
    `const loaded = () => Object.keys(require.cache).filter((f) => f.includes("/dist/emulator/")).length;
const { Gpt } = require("gpt-sdk");
const before = loaded();
const { startEmulator } = require("gpt-sdk/emulator");
(async () => { ${body} console.log(before, loaded() > 0); })();`,
  );
  expect(cjs.split("\n")).toEqual(["built,true", "0 true"]);
  const esm = runIn(
    esmApp,
    "emu.mjs",
    `import { Gpt } from "gpt-sdk";\nimport { startEmulator } from "gpt-sdk/emulator";\n${body}`,
  );
  expect(esm).toBe("built,true");
});

test("the gpt-sdk-emulator bin runs from the app and stops on SIGTERM", async () => {
  const bin = join(installed(cjsApp), "bin", "gpt-sdk-emulator.js");
  const child = spawn(process.execPath, [bin, "--port", "0"], { cwd: cjsApp });
  const first = await new Promise<string>((resolve) => child.stdout.once("data", (chunk) => resolve(String(chunk))));
  expect(first).toMatch(/^gpt-sdk emulator listening on http:\/\/127\.0\.0\.1:\d+\/v1\n$/);
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  expect(await exited).toBe(0);
});
