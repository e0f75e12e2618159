/** The generator on documents it was not written for: OpenAI's full 2023 document, every tag. */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { runGenerate, snapshotTree } from "../support/cli";
import { documentFile } from "../support/facts";
import { linkNodeModules, tempDir } from "../support/temp";
import { formatDiagnostics, typecheck } from "../support/typecheck";

test("the full 2023-11-28 document (57 operations) generates a package that typechecks strictly, deterministically", () => {
  const spec = documentFile("openai-2023-11-28.yaml");
  const out = tempDir("oai23");
  const run = runGenerate(["--spec", spec, "--out", out]);
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
  expect(run.stdout).toMatch(/operations: 57 in 12 tag\(s\)/);
  for (const file of [
    "package.json",
    "tsconfig.json",
    "files.gen",
    "src/index.ts",
    "src/internal/runtime.ts",
    "src/sdk/sdk.ts",
    "src/sdk/chat.ts",
  ]) {
    expect(existsSync(join(out, file))).toBe(true);
  }
  expect(JSON.parse(readFileSync(join(out, "tsconfig.json"), "utf8")).compilerOptions.strict).toBe(true);
  linkNodeModules(out);
  expect(formatDiagnostics(typecheck({ project: out }))).toBe("");

  const again = tempDir("oai23b");
  expect(runGenerate(["--spec", spec, "--out", again]).status).toBe(0);
  const first = snapshotTree(out);
  const second = snapshotTree(again);
  expect([...second.keys()]).toEqual([...first.keys()]);
  for (const [path, content] of first) expect(second.get(path)).toBe(content);
}, 300_000);
