/**
 * Typechecks code snippets (docs examples, README blocks, the seed's examples) against the
 * SDK's sources, as a user of the published package would write them:
 *   `gpt-sdk`          → <repo>/src/index.ts
 *   `gpt-sdk/dist/*`   → <repo>/src/*  (so `gpt-sdk/dist/sdk/models/shared` works without a build)
 * Every snippet is its own module; all of them go into ONE TypeScript program, so checking a
 * hundred examples costs about as much as checking one.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import ts from "typescript";

export const REPO_ROOT = resolve(__dirname, "..", "..");

/** One code block: its text and where it came from (for error messages). */
export interface Snippet {
  readonly code: string;
  /** The file the block was taken from (a path relative to the repo, or any label). */
  readonly source: string;
  /** 1-based line of the block's first code line in `source`. */
  readonly line: number;
}

export interface SnippetDiagnostic {
  readonly snippet: Snippet;
  /** `source:line:column` in the original file, when the diagnostic has a position. */
  readonly location: string;
  readonly message: string;
}

export interface TypecheckOptions {
  /** Package name the snippets import (default: package.json's name). */
  readonly packageName?: string;
  /**
   * The package whose `src/` the snippets compile against (default: this repository). A
   * generated package elsewhere needs a `node_modules` it can resolve axios and @types from.
   */
  readonly root?: string;
  /** Keep the temporary folder (its path is in the result) for inspection. */
  readonly keepFiles?: boolean;
}

export interface TypecheckResult {
  readonly diagnostics: SnippetDiagnostic[];
  /** The folder the snippets were written to (removed unless keepFiles). */
  readonly dir: string;
}

/** Fenced code blocks of the given languages (```typescript by default) in a markdown text. */
export function extractCodeBlocks(markdown: string, source: string, languages: readonly string[] = ["typescript"]): Snippet[] {
  const snippets: Snippet[] = [];
  const lines = markdown.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const open = /^( {0,3})(`{3,}|~{3,})\s*([\w+-]*)/.exec(lines[i]);
    if (!open) continue;
    const fence = open[2];
    const start = i + 1;
    let end = start;
    while (end < lines.length && !(lines[end].trimStart().startsWith(fence) && lines[end].trim().replace(/[`~]/g, "") === "")) end++;
    if (languages.includes(open[3])) snippets.push({ code: lines.slice(start, end).join("\n"), source, line: start + 1 });
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
export function snippetsFromMarkdown(files: readonly string[]): Snippet[] {
  return files.flatMap((file) => {
    const path = resolve(REPO_ROOT, file);
    return extractCodeBlocks(readFileSync(path, "utf8"), relative(REPO_ROOT, path));
  });
}

/** The repo's compiler options (tsconfig.json) with what snippet checking needs on top. */
function compilerOptions(packageName: string, root: string): ts.CompilerOptions {
  const configPath = join(REPO_ROOT, "tsconfig.json");
  const read = ts.readConfigFile(configPath, ts.sys.readFile);
  if (read.error) throw new Error(ts.flattenDiagnosticMessageText(read.error.messageText, "\n"));
  const parsed = ts.parseJsonConfigFileContent({ compilerOptions: read.config.compilerOptions, files: [] }, ts.sys, REPO_ROOT);
  return {
    ...parsed.options,
    strict: true,
    noEmit: true,
    // Examples may declare what they do not use (`const res = ...`); that is not an error in user code.
    noUnusedLocals: false,
    // Each snippet is a module even without imports, so two snippets never share globals.
    moduleDetection: ts.ModuleDetectionKind.Force,
    // Snippets are user code: Node's types, not jest's globals.
    types: ["node"],
    typeRoots: [join(REPO_ROOT, "node_modules", "@types")],
    paths: {
      [packageName]: [join(root, "src", "index.ts")],
      [`${packageName}/dist/*`]: [join(root, "src", "*")],
      // A user's project has the package's dependencies installed too.
      axios: [join(REPO_ROOT, "node_modules", "axios")],
    },
  };
}

/**
 * Writes each snippet to a temporary folder as its own module and typechecks them all in one
 * program. Returns the diagnostics, each mapped back to the snippet's file and line.
 */
export function typecheckSnippets(snippets: readonly Snippet[], options: TypecheckOptions = {}): TypecheckResult {
  const root = resolve(options.root ?? REPO_ROOT);
  const packageName = options.packageName ?? JSON.parse(readFileSync(join(root, "package.json"), "utf8")).name;
  const dir = mkdtempSync(join(tmpdir(), "gpt-sdk-snippets-"));
  try {
    mkdirSync(dir, { recursive: true });
    const byFile = new Map<string, Snippet>();
    snippets.forEach((snippet, i) => {
      const file = join(dir, `snippet${String(i + 1).padStart(3, "0")}.ts`);
      writeFileSync(file, snippet.code + "\n");
      byFile.set(resolve(file), snippet);
    });
    const program = ts.createProgram({ rootNames: [...byFile.keys()], options: compilerOptions(packageName, root) });
    const diagnostics = [...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics(), ...ts.getPreEmitDiagnostics(program)];
    const seen = new Set<string>();
    const result: SnippetDiagnostic[] = [];
    for (const d of diagnostics) {
      const message = ts.flattenDiagnosticMessageText(d.messageText, "\n");
      const file = d.file ? resolve(d.file.fileName) : undefined;
      const snippet = file ? byFile.get(file) : undefined;
      let location: string;
      if (d.file && d.start !== undefined) {
        const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
        location = snippet ? `${snippet.source}:${snippet.line + line}:${character + 1}` : `${relative(REPO_ROOT, d.file.fileName)}:${line + 1}:${character + 1}`;
      } else {
        location = "(program)";
      }
      const key = `${location}\0${message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      // A diagnostic in the SDK's own sources is reported too: a snippet cannot compile without them.
      result.push({ snippet: snippet ?? { code: "", source: location, line: 0 }, location, message });
    }
    return { diagnostics: result, dir };
  } finally {
    if (!options.keepFiles) rmSync(dir, { recursive: true, force: true });
  }
}

/** One line per diagnostic: `docs/sdks/assistants/README.md:52:7 error message`. */
/**
 * Writes generated files into a new temp folder that resolves this repository's
 * node_modules, as an installed package would. The caller removes it.
 */
export function writeTempPackage(files: readonly { path: string; content: string }[], prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `gpt-sdk-${prefix}-`));
  for (const file of files) {
    mkdirSync(dirname(join(dir, file.path)), { recursive: true });
    writeFileSync(join(dir, file.path), file.content);
  }
  symlinkSync(join(REPO_ROOT, "node_modules"), join(dir, "node_modules"), "dir");
  return dir;
}

export function formatDiagnostics(diagnostics: readonly SnippetDiagnostic[]): string {
  return diagnostics.map((d) => `${d.location} ${d.message}`).join("\n");
}
