/**
 * Typechecks TypeScript in one program through the compiler API: files on disk, code blocks
 * taken from markdown (each its own in-memory module), or a whole project folder as `tsc -p`
 * would. Code is checked as a user of the published package writes it:
 *   `gpt-sdk`          → <package>/src/index.ts
 *   `gpt-sdk/dist/*`   → <package>/src/*  (so `gpt-sdk/dist/sdk/models/shared` works without a build)
 *   `gpt-sdk/emulator` → <package>/src/emulator/index.ts
 * One program for everything, so checking a hundred examples costs about as much as one.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import ts from "typescript";
import { ROOT } from "./root";

/** One code block: its text and where it came from (for error messages). */
export interface Snippet {
  readonly code: string;
  /** The file the block was taken from (a path relative to the repo, or any label). */
  readonly source: string;
  /** 1-based line of the block's first code line in `source`. */
  readonly line: number;
}

export interface Diagnostic {
  /** `source:line:column` (a snippet's original file and line), or `(program)`. */
  readonly location: string;
  readonly message: string;
}

export interface TypecheckInput {
  /** A folder with a tsconfig.json that alone decides the files and options (`tsc -p`). */
  readonly project?: string;
  /** TypeScript files on disk. */
  readonly files?: readonly string[];
  /** Code blocks, each compiled as its own module. */
  readonly snippets?: readonly Snippet[];
  /** The package whose src/ the code imports by name (default: this repository). */
  readonly packageRoot?: string;
  /** The name the code imports it by (default: its package.json's name). */
  readonly packageName?: string;
  /** Compiler options over the defaults (this repository's, strict, as user code). */
  readonly options?: ts.CompilerOptions;
}

/** Fenced code blocks of the given languages (```typescript by default) in a markdown text. */
export function extractCodeBlocks(
  markdown: string,
  source: string,
  languages: readonly string[] = ["typescript"],
): Snippet[] {
  const snippets: Snippet[] = [];
  const lines = markdown.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const open = /^( {0,3})(`{3,}|~{3,})\s*([\w+-]*)/.exec(lines[i]);
    if (!open) continue;
    const fence = open[2];
    const start = i + 1;
    let end = start;
    while (
      end < lines.length &&
      !(lines[end].trimStart().startsWith(fence) && lines[end].trim().replace(/[`~]/g, "") === "")
    )
      end++;
    if (languages.includes(open[3]))
      snippets.push({ code: lines.slice(start, end).join("\n"), source, line: start + 1 });
    i = end;
  }
  return snippets;
}

/** Every `.md` file under `dir`, recursively, sorted. */
export function markdownFiles(dir: string): string[] {
  const found: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d).sort()) {
      const path = join(d, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (entry.endsWith(".md")) found.push(path);
    }
  };
  walk(dir);
  return found;
}

/** The TypeScript blocks of the given markdown files (paths absolute or relative to the repo). */
export function snippetsFromMarkdown(files: readonly string[], languages?: readonly string[]): Snippet[] {
  return files.flatMap((file) => {
    const path = resolve(ROOT, file);
    return extractCodeBlocks(readFileSync(path, "utf8"), relative(ROOT, path), languages);
  });
}

/** This repository's compiler options (tsconfig.json), as user code: strict, Node's types, the package mapped. */
function userCodeOptions(packageName: string, packageRoot: string): ts.CompilerOptions {
  const read = ts.readConfigFile(join(ROOT, "tsconfig.json"), ts.sys.readFile);
  if (read.error) throw new Error(ts.flattenDiagnosticMessageText(read.error.messageText, "\n"));
  const parsed = ts.parseJsonConfigFileContent(
    { compilerOptions: read.config.compilerOptions, files: [] },
    ts.sys,
    ROOT,
  );
  return {
    ...parsed.options,
    strict: true,
    noEmit: true,
    // Examples may declare what they do not use (`const res = ...`); that is not an error in user code.
    noUnusedLocals: false,
    // Each snippet is a module even without imports, so two snippets never share globals.
    moduleDetection: ts.ModuleDetectionKind.Force,
    // User code: Node's types, not jest's globals.
    types: ["node"],
    typeRoots: [join(ROOT, "node_modules", "@types")],
    paths: {
      [packageName]: [join(packageRoot, "src", "index.ts")],
      [`${packageName}/dist/*`]: [join(packageRoot, "src", "*")],
      [`${packageName}/emulator`]: [join(packageRoot, "src", "emulator", "index.ts")],
      // A user's project has the package's dependencies installed too.
      axios: [join(ROOT, "node_modules", "axios")],
    },
  };
}

/** A project's own files and options, read from its tsconfig.json. */
function projectConfig(dir: string): ts.ParsedCommandLine {
  const host: ts.ParseConfigFileHost = {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n"));
    },
  };
  const parsed = ts.getParsedCommandLineOfConfigFile(join(dir, "tsconfig.json"), {}, host);
  if (!parsed) throw new Error(`${dir}/tsconfig.json could not be read`);
  return parsed;
}

/** A compiler host that also serves the snippets, as files of a folder that is never written. */
function hostWith(options: ts.CompilerOptions, virtual: ReadonlyMap<string, string>): ts.CompilerHost {
  const host = ts.createCompilerHost(options, true);
  const { fileExists, readFile, getSourceFile } = host;
  host.fileExists = (name) => virtual.has(resolve(name)) || fileExists.call(host, name);
  host.readFile = (name) => virtual.get(resolve(name)) ?? readFile.call(host, name);
  host.getSourceFile = (name, language, ...rest) => {
    const text = virtual.get(resolve(name));
    if (text === undefined) return getSourceFile.call(host, name, language, ...rest);
    return ts.createSourceFile(name, text, language, true);
  };
  return host;
}

/** Typechecks the input in one program; each diagnostic points at the original file and line. */
export function typecheck(input: TypecheckInput): Diagnostic[] {
  const packageRoot = resolve(input.packageRoot ?? ROOT);
  const packageName = input.packageName ?? JSON.parse(readFileSync(join(packageRoot, "package.json"), "utf8")).name;
  const project = input.project ? projectConfig(input.project) : undefined;
  const options = project?.options ?? { ...userCodeOptions(packageName, packageRoot), ...input.options };
  // Outside the repository, as a user's project is: nothing resolves from our node_modules by accident.
  const snippetDir = join(tmpdir(), "gpt-sdk-snippets-in-memory");
  const bySnippetFile = new Map<string, Snippet>();
  (input.snippets ?? []).forEach((snippet, i) => {
    bySnippetFile.set(join(snippetDir, `snippet${String(i + 1).padStart(3, "0")}.ts`), snippet);
  });
  const virtual = new Map([...bySnippetFile].map(([file, snippet]) => [file, snippet.code + "\n"]));
  const rootNames = [...(project?.fileNames ?? []), ...(input.files ?? []).map((f) => resolve(f)), ...virtual.keys()];
  const host = hostWith(options, virtual);
  const program = ts.createProgram({ rootNames, options, host, configFileParsingDiagnostics: project?.errors });
  const base = input.project ? resolve(input.project) : ROOT;
  const seen = new Set<string>();
  return ts.getPreEmitDiagnostics(program).flatMap((d) => {
    const message = ts.flattenDiagnosticMessageText(d.messageText, "\n");
    const diagnostic = { location: locate(d, bySnippetFile, base), message };
    const key = `${diagnostic.location}\0${diagnostic.message}`;
    if (seen.has(key)) return [];
    seen.add(key);
    return [diagnostic];
  });
}

function locate(d: ts.Diagnostic, snippets: ReadonlyMap<string, Snippet>, base: string): string {
  if (!d.file || d.start === undefined) return "(program)";
  const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
  const snippet = snippets.get(resolve(d.file.fileName));
  if (snippet) return `${snippet.source}:${snippet.line + line}:${character + 1}`;
  return `${relative(base, d.file.fileName)}:${line + 1}:${character + 1}`;
}

/** One line per diagnostic: `docs/sdks/assistants/README.md:52:7 error message`. */
export function formatDiagnostics(diagnostics: readonly Diagnostic[]): string {
  return diagnostics.map((d) => `${d.location} ${d.message}`).join("\n");
}
