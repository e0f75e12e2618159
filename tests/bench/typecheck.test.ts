/**
 * The benchmark scripts (bench/**\/*.ts, run by `npm run bench`) typecheck with bench/tsconfig.json.
 * bench/node_modules (the peers: openai, generators) is hidden from the compiler, so this holds on
 * a clean clone where only the repository's own dependencies are installed, and cannot pass by
 * leaning on a local install. A probe file with deliberate errors goes into the same program to
 * prove the configuration really reports errors in bench files.
 */
import { readdirSync, statSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import ts from "typescript";
import { ROOT } from "../support/root";

const BENCH = join(ROOT, "bench");
const HIDDEN = join(BENCH, "node_modules");
const PROBE = join(BENCH, "__typecheck_probe__.ts");
const PROBE_SOURCE = [
  'import { median } from "./lib/util";',
  'import { makeClient } from "./lib/clients";',
  'export const wrongArgument = median("not numbers");',
  'export const wrongClient = makeClient("openai-v99", "http://127.0.0.1", undefined as never);',
  'export const wrongType: number = "text";',
].join("\n");

function isHidden(path: string): boolean {
  const p = resolve(path);
  return p === HIDDEN || p.startsWith(HIDDEN + sep);
}

/** Every .ts file of the bench (not its node_modules or build output). */
function benchSources(dir = BENCH): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (path === HIDDEN || entry === ".build") continue;
    if (statSync(path).isDirectory()) found.push(...benchSources(path));
    else if (entry.endsWith(".ts") && !entry.endsWith(".d.ts")) found.push(path);
  }
  return found.sort();
}

function compile(): { parsed: ts.ParsedCommandLine; program: ts.Program } {
  const configPath = join(BENCH, "tsconfig.json");
  const parseHost: ts.ParseConfigFileHost = {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n"));
    },
  };
  const parsed = ts.getParsedCommandLineOfConfigFile(configPath, {}, parseHost);
  if (!parsed) throw new Error("bench/tsconfig.json could not be read");
  const host = ts.createCompilerHost(parsed.options, true);
  const { fileExists, readFile, directoryExists, getSourceFile } = host;
  host.fileExists = (f) => (resolve(f) === PROBE ? true : !isHidden(f) && fileExists.call(host, f));
  host.readFile = (f) => (resolve(f) === PROBE ? PROBE_SOURCE : isHidden(f) ? undefined : readFile.call(host, f));
  host.directoryExists = (d) =>
    !isHidden(d) && (directoryExists ? directoryExists.call(host, d) : ts.sys.directoryExists(d));
  host.getSourceFile = (f, lang, onError, create) =>
    resolve(f) === PROBE
      ? ts.createSourceFile(f, PROBE_SOURCE, lang, true)
      : isHidden(f)
        ? undefined
        : getSourceFile.call(host, f, lang, onError, create);
  const program = ts.createProgram({
    rootNames: [...parsed.fileNames, PROBE],
    options: parsed.options,
    host,
    configFileParsingDiagnostics: parsed.errors,
  });
  return { parsed, program };
}

function format(diagnostics: readonly ts.Diagnostic[]): string {
  return ts.formatDiagnostics(diagnostics, {
    getCanonicalFileName: (f) => f,
    getCurrentDirectory: () => ROOT,
    getNewLine: () => "\n",
  });
}

describe("bench scripts", () => {
  const { parsed, program } = compile();
  const diagnostics = ts.getPreEmitDiagnostics(program);
  const inProbe = diagnostics.filter((d) => d.file && resolve(d.file.fileName) === PROBE);
  const elsewhere = diagnostics.filter((d) => !d.file || resolve(d.file.fileName) !== PROBE);

  it("bench/tsconfig.json covers every bench script", () => {
    const covered = new Set(parsed.fileNames.map((f) => resolve(f)));
    const sources = benchSources();
    expect(sources.map((f) => relative(ROOT, f))).toEqual(
      expect.arrayContaining([
        "bench/run.ts",
        "bench/runtime.ts",
        "bench/generation.ts",
        "bench/startup.ts",
        "bench/server.ts",
      ]),
    );
    expect(sources.filter((f) => !covered.has(f)).map((f) => relative(ROOT, f))).toEqual([]);
    expect(parsed.options.noEmit).toBe(true);
    expect(parsed.options.strict).toBe(true);
  });

  it("never reads bench/node_modules (a clean clone has none)", () => {
    const leaked = program
      .getSourceFiles()
      .map((f) => f.fileName)
      .filter(isHidden);
    expect(leaked).toEqual([]);
  });

  it("typechecks without errors", () => {
    if (elsewhere.length > 0) throw new Error(`${elsewhere.length} type error(s) in bench/:\n${format(elsewhere)}`);
  });

  it("reports errors in bench files (the probe's three deliberate ones)", () => {
    const lines = inProbe.map((d) => d.file!.getLineAndCharacterOfPosition(d.start ?? 0).line + 1).sort();
    expect(lines).toEqual([3, 4, 5]);
  });
});
