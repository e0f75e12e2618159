/**
 * docs/HELPERS.md and examples/ must compile: every ```typescript block of the helpers guide
 * (importing "gpt-sdk", resolved to this repo's src) and every program under examples/,
 * typechecked with the repository's strict settings through the TypeScript compiler API.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";

const ROOT = join(__dirname, "..", "..");
const GUIDE = join(ROOT, "docs", "HELPERS.md");
const EXAMPLES = join(ROOT, "examples");

/** The ```typescript blocks of a markdown file, with the line each starts on. */
function typescriptBlocks(markdown: string): { line: number; code: string }[] {
  const blocks: { line: number; code: string }[] = [];
  const fence = /^```(typescript|ts)\s*\n([\s\S]*?)^```\s*$/gm;
  for (let match = fence.exec(markdown); match; match = fence.exec(markdown)) {
    blocks.push({ line: markdown.slice(0, match.index).split("\n").length, code: match[2] });
  }
  return blocks;
}

function examplePrograms(): string[] {
  return readdirSync(EXAMPLES, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts"))
    .map((f) => join(EXAMPLES, f));
}

/** Compiles real files plus in-memory ones; returns each diagnostic as `file:line: message`. */
function typecheck(files: string[], virtual: Map<string, string>): string[] {
  const config = ts.getParsedCommandLineOfConfigFile(join(EXAMPLES, "tsconfig.json"), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
  if (!config) throw new Error("examples/tsconfig.json could not be read");
  const options: ts.CompilerOptions = {
    ...config.options,
    noEmit: true,
    baseUrl: ROOT,
    // What users import, mapped onto the sources.
    paths: { "gpt-sdk": ["src/index.ts"], "gpt-sdk/dist/*": ["src/*"] },
  };
  const host = ts.createCompilerHost(options);
  const { fileExists, readFile, getSourceFile } = host;
  host.fileExists = (name) => virtual.has(name) || fileExists.call(host, name);
  host.readFile = (name) => virtual.get(name) ?? readFile.call(host, name);
  host.getSourceFile = (name, language, ...rest) =>
    virtual.has(name) ? ts.createSourceFile(name, virtual.get(name)!, language) : getSourceFile.call(host, name, language, ...rest);

  const roots = [...files, ...virtual.keys()];
  const program = ts.createProgram(roots, options, host);
  const ours = new Set(roots);
  return ts
    .getPreEmitDiagnostics(program)
    .filter((d) => !d.file || ours.has(d.file.fileName))
    .map((d) => {
      const where = d.file ? `${relative(ROOT, d.file.fileName)}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}` : "(global)";
      return `${where}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
    });
}

test("docs/HELPERS.md has examples for every helper", () => {
  const guide = readFileSync(GUIDE, "utf8");
  const code = typescriptBlocks(guide).map((b) => b.code).join("\n");
  for (const name of ["waitForRun", "createAndWaitForCompletion", "createAndRunUntilCompletion", "runUntilDone", "streamRunUntilDone", "waitForProcessing", "createAndWaitForProcessing", "listMessagesAll", "toArray"]) {
    expect(code).toContain(name);
  }
});

test("every typescript block of docs/HELPERS.md and every program in examples/ typechecks", () => {
  const virtual = new Map<string, string>();
  for (const block of typescriptBlocks(readFileSync(GUIDE, "utf8"))) {
    // Each block is its own module, named after its line so errors point back to the guide.
    virtual.set(join(ROOT, "docs", `HELPERS.md.line-${block.line}.ts`), block.code);
  }
  expect(virtual.size).toBeGreaterThanOrEqual(7);
  const programs = examplePrograms();
  expect(programs.map((p) => relative(ROOT, p))).toContain(join("examples", "data-visualizer.ts"));

  expect(typecheck(programs, virtual)).toEqual([]);
}, 120_000);

test("the typecheck does catch mistakes (a wrong option name fails)", () => {
  const virtual = new Map([[join(ROOT, "docs", "probe.ts"), `import { Gpt, waitForRun } from "gpt-sdk";\nwaitForRun(new Gpt(), "thread_1", "run_1", { intervalSeconds: 1 });\n`]]);
  const errors = typecheck([], virtual);
  expect(errors).toHaveLength(1);
  expect(errors[0]).toMatch(/^docs\/probe\.ts:2: .*intervalSeconds/);
}, 120_000);
