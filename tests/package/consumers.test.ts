/**
 * `npm run build` output as users load it: CommonJS and ESM (NodeNext) consumers resolve
 * `gpt-sdk` and the seed's deep import paths, at run time and in the type checker.
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { ROOT } from "../support/root";
import { tempDir } from "../support/temp";
import { formatDiagnostics, typecheck } from "../support/typecheck";

let consumer: string;

beforeAll(() => {
  const build = spawnSync("npm", ["run", "-s", "build"], { cwd: ROOT, encoding: "utf8" });
  expect(build.stdout + build.stderr.replace(/^npm warn .*\n/gm, "")).toBe("");
  expect(build.status).toBe(0);
  consumer = tempDir("consumer");
  mkdirSync(join(consumer, "node_modules"));
  symlinkSync(ROOT, join(consumer, "node_modules", "gpt-sdk"), "dir");
  symlinkSync(join(ROOT, "node_modules", "@types"), join(consumer, "node_modules", "@types"), "dir");
  symlinkSync(join(ROOT, "node_modules", "axios"), join(consumer, "node_modules", "axios"), "dir");
}, 120_000);

function node(file: string) {
  return spawnSync(process.execPath, [file], { cwd: consumer, encoding: "utf8" });
}

const PROGRAM = `
const sdk = new Gpt({ apiKeyAuth: "sk-test" });
console.log([typeof sdk.assistants.createAssistant, typeof sdk.files.createFile, CreateMessageRequestRole.User, QueryParamOrder.Asc, typeof SDKError].join(","));
`;

test("a CommonJS consumer requires the package and its model paths", () => {
  writeFileSync(
    join(consumer, "main.cjs"),
    `const { Gpt, SDKError } = require("gpt-sdk");
const { CreateMessageRequestRole } = require("gpt-sdk/dist/sdk/models/shared");
const { QueryParamOrder } = require("gpt-sdk/dist/sdk/models/operations");
${PROGRAM}`,
  );
  const run = node("main.cjs");
  expect(run.stderr).toBe("");
  expect(run.stdout.trim()).toBe("function,function,user,asc,function");
});

test("an ESM consumer imports the package and its model paths", () => {
  writeFileSync(
    join(consumer, "main.mjs"),
    `import { Gpt, SDKError } from "gpt-sdk";
import { CreateMessageRequestRole } from "gpt-sdk/dist/sdk/models/shared";
import { QueryParamOrder } from "gpt-sdk/dist/sdk/models/operations";
${PROGRAM}`,
  );
  const run = node("main.mjs");
  expect(run.stderr).toBe("");
  expect(run.stdout.trim()).toBe("function,function,user,asc,function");
});

test("the bundled entry and the deep paths share one copy of each class", () => {
  writeFileSync(
    join(consumer, "same.cjs"),
    `const root = require("gpt-sdk");
const shared = require("gpt-sdk/dist/sdk/models/shared");
const errors = require("gpt-sdk/dist/sdk/models/errors");
console.log([shared.AssistantObject === root.shared.AssistantObject, errors.NotFoundError === root.NotFoundError, new root.NotFoundError("x").name, root.operations.CreateMessageRequest.name].join(","));`,
  );
  const run = node("same.cjs");
  expect(run.stderr).toBe("");
  expect(run.stdout.trim()).toBe("true,true,NotFoundError,CreateMessageRequest");
});

test("the models load on first use, and a call through the built package decodes into them", () => {
  writeFileSync(
    join(consumer, "lazy.cjs"),
    `const http = require("node:http");
const modelsLoaded = () => Object.keys(require.cache).some((file) => file.endsWith("/dist/models.js"));
const { Gpt, shared } = require("gpt-sdk");
const sdk = new Gpt({ apiKeyAuth: "sk-test", serverURL: "http://127.0.0.1:0/v1" });
const atStart = modelsLoaded();
const server = http.createServer((req, res) => {
  res.writeHead(200, { "content-type": "application/json" });
  res.end(JSON.stringify({ id: "asst_1", object: "assistant", created_at: 1699009709, name: null, description: null, model: "gpt-4", instructions: null, tools: [{ type: "retrieval" }], file_ids: [], metadata: {} }));
});
server.listen(0, "127.0.0.1", async () => {
  const url = "http://127.0.0.1:" + server.address().port + "/v1";
  const res = await new Gpt({ apiKeyAuth: "sk-test", serverURL: url }).assistants.getAssistant("asst_1");
  const a = res.assistantObject;
  console.log([atStart, modelsLoaded(), a instanceof shared.AssistantObject, a.createdAt, a.tools[0] instanceof shared.AssistantToolsRetrieval, typeof sdk].join(","));
  server.close();
});`,
  );
  const run = node("lazy.cjs");
  expect(run.stderr).toBe("");
  expect(run.stdout.trim()).toBe("false,true,true,1699009709,true,object");
});

test.each([
  ["NodeNext ESM", "main.mts", ts.ModuleKind.NodeNext, ts.ModuleResolutionKind.NodeNext],
  ["CommonJS", "main.cts", ts.ModuleKind.CommonJS, ts.ModuleResolutionKind.Node10],
])(
  "the type checker resolves the package for a %s consumer",
  (_, file, module, resolution) => {
    writeFileSync(
      join(consumer, file),
      `import { Gpt, SDKError } from "gpt-sdk";
import { CreateMessageRequestRole, type AssistantObject } from "gpt-sdk/dist/sdk/models/shared";
import { QueryParamOrder, type ListAssistantsResponse } from "gpt-sdk/dist/sdk/models/operations";
export async function main(): Promise<AssistantObject[] | undefined> {
  const sdk = new Gpt({ apiKeyAuth: "sk-test" });
  const res: ListAssistantsResponse = await sdk.assistants.listAssistants(undefined, undefined, 20, QueryParamOrder.Asc);
  const role: CreateMessageRequestRole = CreateMessageRequestRole.User;
  void role;
  void SDKError;
  return res.listAssistantsResponse?.data;
}
`,
    );
    // No mapping onto src/: the package resolves through the consumer's node_modules, as installed.
    const options = { module, moduleResolution: resolution, paths: {} };
    expect(formatDiagnostics(typecheck({ files: [join(consumer, file)], options }))).toBe("");
  },
  60_000,
);

test("gpt-sdk/emulator: CommonJS and ESM consumers start it; require('gpt-sdk') alone never loads it", () => {
  const body = `const emu = await startEmulator();
const sdk = new Gpt({ apiKeyAuth: "sk-test", serverURL: emu.url });
const a = (await sdk.assistants.createAssistant({ model: "gpt-4", name: "built" })).assistantObject;
await emu.close();
console.log([a.name, /^asst_/.test(a.id)].join(","));`;
  writeFileSync(
    join(consumer, "emu.cjs"),
    `const loaded = () => Object.keys(require.cache).filter((f) => f.includes("/dist/emulator/")).length;
const { Gpt } = require("gpt-sdk");
const before = loaded();
const { startEmulator } = require("gpt-sdk/emulator");
(async () => { ${body} console.log(before, loaded() > 0); })();`,
  );
  writeFileSync(
    join(consumer, "emu.mjs"),
    `import { Gpt } from "gpt-sdk";\nimport { startEmulator } from "gpt-sdk/emulator";\n${body}`,
  );
  const cjs = node("emu.cjs");
  expect([cjs.stderr, cjs.stdout.trim().split("\n")]).toEqual(["", ["built,true", "0 true"]]);
  const esm = node("emu.mjs");
  expect([esm.stderr, esm.stdout.trim()]).toEqual(["", "built,true"]);
});

test("the gpt-sdk-emulator bin runs the build from another folder and stops on SIGTERM", async () => {
  const bin = join(consumer, "node_modules", "gpt-sdk", "bin", "gpt-sdk-emulator.js");
  const child = spawn(process.execPath, [bin, "--port", "0"], { cwd: consumer });
  const first = await new Promise<string>((resolve) => child.stdout.once("data", (chunk) => resolve(String(chunk))));
  expect(first).toMatch(/^gpt-sdk emulator listening on http:\/\/127\.0\.0\.1:\d+\/v1\n$/);
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  expect(await exited).toBe(0);
});
