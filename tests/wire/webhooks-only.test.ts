/**
 * A document with webhooks and no paths: the package has the models and a client with no
 * operations, and compiles under the package's own strict settings (noUnusedLocals included).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { generatedSdk } from "../support/generated-sdk";
import { ROOT } from "../support/root";
import { formatDiagnostics, typecheck } from "../support/typecheck";

test("the package typechecks with noUnusedLocals, and its client and models load", async () => {
  const { dir, exports } = await generatedSdk(join(ROOT, "tests/wire/fixtures/webhooks-only.yaml"), "hooks");
  expect(JSON.parse(readFileSync(join(dir, "tsconfig.json"), "utf8")).compilerOptions.noUnusedLocals).toBe(true);
  expect(formatDiagnostics(typecheck({ project: dir }))).toBe("");
  const client = new exports.Hooks({ serverURL: "http://127.0.0.1:9/v1" });
  expect(Object.keys(client)).toEqual([]);
  expect(exports.shared.JobEvent$.fromWire({ job_id: "j1" })).toEqual({ jobId: "j1" });
}, 60_000);
