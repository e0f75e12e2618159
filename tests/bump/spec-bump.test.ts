/**
 * A spec bump done as the README's "Bumping the spec" says, on a copy of this repository:
 * OpenAI's 2024-05 document (Assistants v2) in place of openapi.yaml, then the 2026-08 one
 * with the Assistants, Files and Vector stores tags. After each step the hand-written code
 * (src/lib) and the workflow helpers' suites compile and pass, calls written for the previous
 * SDK send what they sent, and the diff lists the real breaking changes and no false ones.
 */
import axios, { type AxiosInstance } from "axios";
import { spawnSync } from "node:child_process";
import { copyFileSync, cpSync, readFileSync, writeFileSync } from "node:fs";
import { Agent } from "node:http";
import { join, relative } from "node:path";
import { runTs } from "../support/cli";
import type { Untyped } from "../support/generated-sdk";
import { useRecordingServer } from "../support/recording-server";
import { documentFile, type OpenAIDocument } from "../support/facts";
import { ROOT } from "../support/root";
import { linkNodeModules, tempDir } from "../support/temp";
import { typecheck } from "../support/typecheck";

/** The workflow helpers' suites: they must pass unchanged wherever the API did not change. */
const HELPER_SUITES = [
  "tests/lib/pagination.test.ts",
  "tests/lib/run-until-done.test.ts",
  "tests/lib/stream-run-until-done.test.ts",
  "tests/lib/wait-for-file.test.ts",
  "tests/lib/wait-for-run.test.ts",
  "tests/lib/wait-for-run-cut-off.test.ts",
];

const SKIPPED = new Set(["node_modules", ".git", "dist", "coverage"]);
const work = join(tempDir("bump"), "repo");
const server = useRecordingServer();

beforeAll(() => {
  cpSync(ROOT, work, { recursive: true, filter: (src) => !SKIPPED.has(relative(ROOT, src).split("/").pop() ?? "") });
  linkNodeModules(work);
});

function edit(file: string, change: (text: string) => string): void {
  const path = join(work, file);
  writeFileSync(path, change(readFileSync(path, "utf8")));
}

/** The README's recipe: keep the previous document and settings, put the new one in place, diff, regenerate. */
function bump(document: OpenAIDocument, settings: (genYaml: string) => string, beta: string): string {
  copyFileSync(join(work, "openapi.yaml"), join(work, "openapi.previous.yaml"));
  copyFileSync(join(work, "gen.yaml"), join(work, "gen.previous.yaml"));
  copyFileSync(documentFile(document), join(work, "openapi.yaml"));
  edit("gen.yaml", settings);
  edit("tests/support/pinned-spec.ts", (text) =>
    text.replace(/BETA_HEADER_VALUE = "[^"]*"/, `BETA_HEADER_VALUE = "${beta}"`),
  );
  const cli = join(work, "codegen", "cli.ts");
  const diff = runTs(
    [cli, "--diff", "openapi.previous.yaml", "--diff-config", "gen.previous.yaml", "--diff-out", "CHANGES.md"],
    { cwd: work },
  );
  expect(diff.stderr).toBe("");
  const generated = runTs([cli], { cwd: work });
  expect(generated.stderr).toBe("");
  expect(generated.status).toBe(0);
  return readFileSync(join(work, "CHANGES.md"), "utf8");
}

function section(report: string, name: "Breaking" | "Non-breaking"): string[] {
  const start = report.indexOf(`## ${name}\n`);
  const end = report.indexOf("\n## ", start + 1);
  return report
    .slice(start, end === -1 ? undefined : end)
    .split("\n")
    .filter((line) => line.startsWith("- "));
}

/**
 * Typechecks src/ (the client and src/lib), the helper suites and the examples with the
 * repository's own compiler settings; returns the diagnostics, one per line.
 */
function typecheckHandWritten(): string[] {
  edit("tsconfig.json", (text) => {
    const config = JSON.parse(text);
    return JSON.stringify({ ...config, include: ["src", "examples", "tests/support", ...HELPER_SUITES] });
  });
  return typecheck({ project: work }).map((d) => `${d.location} ${d.message.split("\n")[0]}`);
}

/**
 * A client that opens a new connection per request: the synchronous steps above block the event
 * loop past the server's keep-alive timeout, so a pooled socket could be closed under a request.
 */
function freshConnections(): AxiosInstance {
  return axios.create({ httpAgent: new Agent({ keepAlive: false }) });
}

/** The copy's SDK as generated now (not as a previous step left it), talking to the recording server. */
async function currentSdk(): Promise<Untyped> {
  jest.resetModules();
  const { Gpt } = await import(join(work, "src", "index.ts"));
  return new Gpt({
    apiKeyAuth: "sk-test",
    serverURL: server.baseURL,
    retries: false,
    defaultClient: freshConnections(),
  });
}

function runHelperSuites(): { status: number | null; output: string } {
  const jest = join(work, "node_modules", "jest", "bin", "jest.js");
  const run = spawnSync(process.execPath, [jest, "--ci", ...HELPER_SUITES], {
    cwd: work,
    encoding: "utf8",
    timeout: 300_000,
  });
  return { status: run.status, output: run.stdout + run.stderr };
}

describe("2023-11 (v1) → 2024-05 (v2)", () => {
  let report: string;

  beforeAll(() => {
    report = bump(
      "openai-2024-05-13.yaml",
      (yaml) =>
        yaml
          .replace("OpenAI-Beta: assistants=v1", "OpenAI-Beta: assistants=v2")
          .replace(
            "  - overlays/download-file-bytes.yaml\n",
            "  - overlays/download-file-bytes.yaml\n  - overlays/assistants-v2-stream.yaml\n",
          ),
      "assistants=v2",
    );
  }, 120_000);

  test("the diff lists the real breaking changes and no shifted arguments or renamed types", () => {
    const breaking = section(report, "Breaking");
    for (const field of [
      "AssistantObject.fileIds",
      "CreateAssistantRequest.fileIds",
      "CreateMessageRequest.fileIds",
      "RunObject.fileIds",
    ]) {
      expect(breaking).toContain(`- field \`${field}\` removed`);
    }
    expect(breaking).toContain("- type `AssistantToolsRetrieval` removed");
    expect(breaking).toContain(
      "- field `AssistantObject.tools` changed type (different): `(AssistantToolsCode | AssistantToolsRetrieval | AssistantToolsFunction)[]` → " +
        "`(AssistantToolsCode | AssistantToolsFileSearch | AssistantToolsFunction)[]`",
    );
    const removedOperations = breaking.filter((line) => /^- operation `.*` removed$/.test(line));
    expect(removedOperations).toEqual(
      [
        "createAssistantFile",
        "deleteAssistantFile",
        "getAssistantFile",
        "getMessageFile",
        "listAssistantFiles",
        "listMessageFiles",
      ].map((id) => `- operation \`sdk.assistants.${id}\` removed`),
    );
    // With the lock, no argument moves and no surviving type is renamed.
    expect(breaking.filter((line) => line.includes(" argument ") || line.includes("now takes"))).toEqual([]);
    expect(breaking).not.toContain("- type `operations.QueryParamOrder` removed");
    expect(report.endsWith("Semver: major\n")).toBe(true);
  });

  test("src/lib and the helper suites compile; the example's only errors are the removed file_ids", () => {
    expect(typecheckHandWritten()).toEqual([
      expect.stringMatching(
        /^examples\/data-visualizer\.ts:\d+:\d+ Object literal may only specify known properties, and 'fileIds' does not exist in type 'CreateAssistantRequest'\.$/,
      ),
      expect.stringMatching(
        /^examples\/data-visualizer\.ts:\d+:\d+ Object literal may only specify known properties, and 'fileIds' does not exist in type 'CreateMessageRequest'\.$/,
      ),
    ]);
  }, 180_000);

  test("the helper suites pass against the v2 SDK", () => {
    const run = runHelperSuites();
    expect(run.output).toMatch(/Tests:\s+\d+ passed, \d+ total/);
    expect(run.status).toBe(0);
  }, 300_000);

  test("calls written for v1 send what they sent, with the new beta header", async () => {
    const sdk = await currentSdk();
    server.reply({ json: { object: "list", data: [], first_id: null, last_id: null, has_more: false } });
    await sdk.assistants.listAssistants("asst_a", undefined, 5, "asc");
    expect(server.requests[0].url).toBe("/v1/assistants?after=asst_a&limit=5&order=asc");
    expect(server.requests[0].headers["openai-beta"]).toBe("assistants=v2");
  });
});

describe("2024-05 → 2026-08 (Assistants, Files, Vector stores)", () => {
  let report: string;

  beforeAll(() => {
    report = bump(
      "openai-2026-08-21.yaml",
      (yaml) => yaml.replace("  - Assistants\n  - Files\n", "  - Assistants\n  - Files\n  - Vector stores\n"),
      "assistants=v2",
    );
  }, 120_000);

  test("the diff reports no shifted arguments; new parameters arrive through options", () => {
    const breaking = section(report, "Breaking");
    expect(breaking.filter((line) => line.includes(" argument ") || line.includes("now takes"))).toEqual([]);
    expect(section(report, "Non-breaking")).toContain("- parameter `sdk.files.listFiles(options.after)` added");
  });

  test("src/lib and the helper suites compile and pass", () => {
    expect(typecheckHandWritten().filter((line) => !line.startsWith("examples/"))).toEqual([]);
    const run = runHelperSuites();
    expect(run.output).toMatch(/Tests:\s+\d+ passed, \d+ total/);
    expect(run.status).toBe(0);
  }, 480_000);

  test('listFiles("assistants") still sends the purpose, not a cursor', async () => {
    const sdk = await currentSdk();
    server.reply({ json: { object: "list", data: [], first_id: null, last_id: null, has_more: false } });
    await sdk.files.listFiles("assistants");
    server.reply({ json: { object: "list", data: [], first_id: null, last_id: null, has_more: false } });
    await sdk.files.listFiles("assistants", { after: "file-1", limit: 2 });
    expect(server.requests.map((r) => r.url)).toEqual([
      "/v1/files?purpose=assistants",
      "/v1/files?after=file-1&limit=2&purpose=assistants",
    ]);
  });
});
