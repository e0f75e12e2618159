/**
 * A package generated from a small document into a temp folder (removed after the test file),
 * loaded at run time as its users import it: `src/index.ts`, with this repo's node_modules.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { generate } from "../../codegen/generate";
import { writeTree } from "../../codegen/write/tree";
import { linkNodeModules, tempDir } from "./temp";

export interface GeneratedSdk {
  /** The package's folder (package.json, src/, docs/). */
  readonly dir: string;
  /** Everything `src/index.ts` exports (the client class, `shared`, `operations`, `errors`). */
  readonly exports: Record<string, any>;
}

/** Generates `specFile` as a package (with a gen.yaml when given) and imports it. */
export async function generatedSdk(specFile: string, prefix: string, configFile?: string): Promise<GeneratedSdk> {
  const dir = join(tempDir(prefix), "pkg");
  mkdirSync(dir);
  writeTree(dir, generate({ specFile, configFile, mode: "package" }).files);
  linkNodeModules(dir);
  return { dir, exports: (await import(join(dir, "src", "index.ts"))) as Record<string, any> };
}
