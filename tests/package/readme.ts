/**
 * The README's TypeScript examples inside an app that installed the packed package: written as
 * the app's own files and typechecked under the app's compiler settings, and the quick start as
 * a program to run.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { ROOT } from "../support/root";
import { extractCodeBlocks, type Snippet } from "../support/typecheck";

export function readmeExamples(): Snippet[] {
  return extractCodeBlocks(readFileSync(join(ROOT, "README.md"), "utf8"), "README.md");
}

/** The app's compiler settings: strict, as a user sets up a project of that module kind. */
export interface AppSettings {
  readonly module: "NodeNext" | "CommonJS";
  readonly moduleResolution: "NodeNext" | "Node10";
}

/**
 * A folder inside the app holding each example as a file named after its README line, and a
 * tsconfig.json that checks them (declarations of the installed packages included).
 */
export function writeExamples(app: string, folder: string, settings: AppSettings): string {
  const dir = join(app, folder);
  mkdirSync(dir);
  for (const example of readmeExamples()) writeFileSync(join(dir, `readme-line-${example.line}.ts`), example.code);
  const compilerOptions = {
    ...settings,
    target: "ES2022",
    strict: true,
    noEmit: true,
    esModuleInterop: true,
    types: ["node"],
  };
  writeFileSync(join(dir, "tsconfig.json"), JSON.stringify({ compilerOptions, include: ["*.ts"] }));
  return dir;
}

/** The quick start as a program for a module kind, its client pointed at `serverURL` instead of OpenAI. */
export function quickStartProgram(serverURL: string, module: ts.ModuleKind): string {
  const heading = readFileSync(join(ROOT, "README.md"), "utf8").split("\n").indexOf("## Quick start") + 1;
  const code = readmeExamples().find((example) => example.line > heading)!.code;
  expect(code.match(/new Gpt\(\)/g)).toHaveLength(1);
  const pointed = code.replace("new Gpt()", `new Gpt({ serverURL: ${JSON.stringify(serverURL)} })`);
  return ts.transpileModule(pointed, { compilerOptions: { module, target: ts.ScriptTarget.ES2022 } }).outputText;
}
