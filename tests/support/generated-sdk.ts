/**
 * A package generated from a small document into a temp folder (removed after the test file),
 * loaded at run time as its users import it: `src/index.ts`, with this repo's node_modules.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { generate } from "../../codegen/generate";
import { writeTree } from "../../codegen/write/tree";
import { linkNodeModules, tempDir } from "./temp";

/**
 * A value from a package generated at run time (its client, models, results): its types exist only in
 * that package's folder, so tests read it untyped and assert exact values.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- typed only inside the generated package
export type Untyped = any;

export interface GeneratedSdk {
  /** The package's folder (package.json, src/, docs/). */
  readonly dir: string;
  /** Everything `src/index.ts` exports (the client class, `shared`, `operations`, `errors`). */
  readonly exports: Record<string, Untyped>;
}

/** Generates `specFile` as a package (with a gen.yaml when given) and imports it. */
export async function generatedSdk(specFile: string, prefix: string, configFile?: string): Promise<GeneratedSdk> {
  const dir = join(tempDir(prefix), "pkg");
  mkdirSync(dir);
  writeTree(dir, generate({ specFile, configFile, mode: "package" }).files);
  linkNodeModules(dir);
  return { dir, exports: (await import(join(dir, "src", "index.ts"))) as Record<string, Untyped> };
}
