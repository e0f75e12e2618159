/**
 * gen.lock keeps the surface users compile against when the document changes: positions,
 * request objects and type names stay; new inputs arrive through `options`; a removed input
 * keeps its position; and --diff reports exactly what breaks.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { diffDocuments, generate } from "../../codegen/generate";
import { LOCK_FILE } from "../../codegen/lock/lock";
import type { Operation } from "../../codegen/model/ir";
import { runGenerate } from "../support/cli";
import { linkNodeModules, tempDir } from "../support/temp";
import { formatDiagnostics, typecheck } from "../support/typecheck";

const dir = tempDir("surface-lock");

type Params = Record<string, { in: string; required?: boolean; type?: string; enum?: string[] }>;

/** A small API: `listFiles` with the given query parameters, `getFile`, and a `StoredFile` model. */
function spec(
  listParams: Params,
  extra: { fileFields?: Record<string, unknown>; required?: string[]; tags?: boolean } = {},
) {
  const file = {
    type: "object",
    required: extra.required ?? ["id"],
    properties: { id: { type: "string" }, ...extra.fileFields },
  };
  const paths: Record<string, unknown> = {
    "/files": {
      get: { operationId: "listFiles", tags: ["Files"], parameters: parametersOf(listParams), responses: storedFile },
    },
    "/files/{file_id}": {
      get: {
        operationId: "getFile",
        tags: ["Files"],
        parameters: [{ name: "file_id", in: "path", required: true, schema: { type: "string" } }],
        responses: storedFile,
      },
    },
  };
  if (extra.tags)
    paths["/stores"] = {
      get: { operationId: "listStores", tags: ["Vector stores"], responses: ok({ type: "string" }) },
    };
  return {
    openapi: "3.0.3",
    info: { title: "Storage", version: "1" },
    paths,
    components: { schemas: { StoredFile: file } },
  };
}

function parametersOf(params: Params) {
  return Object.entries(params).map(([name, p]) => ({
    name,
    in: p.in,
    required: p.required ?? p.in === "path",
    schema: p.enum ? { type: "string", enum: p.enum } : { type: p.type ?? "string" },
  }));
}

const ok = (schema: unknown) => ({ "200": { description: "ok", content: { "application/json": { schema } } } });
const storedFile = ok({ $ref: "#/components/schemas/StoredFile" });

let written = 0;
function write(doc: unknown): string {
  const file = join(dir, `spec-${++written}.json`);
  writeFileSync(file, JSON.stringify(doc));
  return file;
}

/** Generates a package for `doc` with the lock in `out` (if any); returns listFiles' model and the files. */
function generateInto(out: string, doc: unknown, lock = true) {
  const result = generate({ specFile: write(doc), mode: "package", lockFile: lock ? join(out, LOCK_FILE) : undefined });
  for (const file of result.files) if (file.path === LOCK_FILE) writeFileSync(join(out, LOCK_FILE), file.content);
  const op = (id: string) =>
    result.model.tags.flatMap((t) => t.operations).find((o) => o.operationId === id) as Operation;
  const signature = (id: string) => {
    const source = result.files.find((f) => f.path === "src/sdk/files.ts")!.content;
    return new RegExp(`  ${id}\\(([^)]*)\\): Promise`).exec(source)![1];
  };
  return { result, op, signature };
}

const v1: Params = { purpose: { in: "query" } };
const v2: Params = { purpose: { in: "query" }, after: { in: "query" }, limit: { in: "query", type: "integer" } };

test("a first generation takes inputs alphabetically; with the lock, new ones arrive through options", () => {
  const out = tempDir("lock-first");
  expect(generateInto(out, spec(v1)).signature("listFiles")).toBe("purpose?: string, options?: RequestOptions");
  // Without the lock, `after` would come first and "assistants" would silently become a cursor.
  expect(generateInto(tempDir("nolock"), spec(v2), false).signature("listFiles")).toBe(
    "after?: string, limit?: number, purpose?: string, options?: RequestOptions",
  );
  const locked = generateInto(out, spec(v2));
  expect(locked.signature("listFiles")).toBe(
    "purpose?: string, options?: RequestOptions & { after?: string; limit?: number }",
  );
  expect(locked.op("listFiles").call.optionInputs.map((o) => o.name)).toEqual(["after", "limit"]);
});

test("a locked input the document drops keeps its position, typed undefined; a new required input makes options required", () => {
  const out = tempDir("lock-removed");
  generateInto(out, spec({ purpose: { in: "query" }, order: { in: "query" } }));
  const next = generateInto(out, spec({ order: { in: "query" }, owner: { in: "query", required: true } }));
  expect(next.signature("listFiles")).toBe(
    "order: string | undefined, purpose: undefined, options: RequestOptions & { owner: string }",
  );
  const lock = JSON.parse(readFileSync(join(out, LOCK_FILE), "utf8"));
  expect(lock.operations.listFiles).toEqual({ style: "positional", args: ["query:order", "query:purpose"] });
});

test("type names stay when a new operation would have claimed them first", () => {
  const out = tempDir("lock-names");
  const first = generateInto(out, spec({ order: { in: "query", enum: ["asc", "desc"] } }));
  expect(first.op("listFiles").params[0].type).toMatchObject({ kind: "named", decl: { name: "Order" } });
  // `getFile` sorts before `listFiles`: without the lock its new `order` enum would take the name `Order`.
  const doc = spec({ order: { in: "query", enum: ["asc", "desc"] } });
  const getFile = (doc.paths["/files/{file_id}"] as { get: { parameters: unknown[] } }).get;
  getFile.parameters.push({ name: "order", in: "query", schema: { type: "string", enum: ["up", "down"] } });
  const next = generateInto(out, doc);
  expect(next.op("listFiles").params[0].type).toMatchObject({ kind: "named", decl: { name: "Order" } });
  expect(next.op("getFile").params.find((p) => p.name === "order")!.type).toMatchObject({
    decl: { name: "QueryParamOrder" },
  });
});

test("union members keep their names when a new member is inserted before them", () => {
  const out = tempDir("lock-members");
  const member = (type: string) => ({
    type: "object",
    properties: { type: { type: "string", enum: [type] }, n: { type: "integer" } },
  });
  const withTools = (types: string[]) => {
    const doc = spec(v1, { fileFields: { tools: { type: "array", items: { oneOf: types.map(member) } } } });
    return doc;
  };
  const names = (doc: unknown) => {
    const m = generateInto(out, doc).result.model;
    const file = m.decls.find((d) => d.name === "StoredFile");
    const tools = file?.kind === "object" ? file.fields.find((f) => f.name === "tools")!.type : undefined;
    return tools?.kind === "array" && tools.items.kind === "union"
      ? tools.items.members.map((t) => (t.kind === "named" ? t.decl.name : ""))
      : [];
  };
  expect(names(withTools(["code", "search"]))).toEqual(["Tools1", "Tools2"]);
  // `browse` is inserted first: without the lock it would take Tools1 and move the others along.
  expect(names(withTools(["browse", "code", "search"]))).toEqual(["ToolsBrowse", "Tools1", "Tools2"]);
});

test("a package generated onto a newer document with the lock typechecks, and calls written for the old one compile", () => {
  const out = tempDir("lock-package");
  expect(runGenerate(["--spec", write(spec(v1)), "--out", out]).status).toBe(0);
  const run = runGenerate(["--spec", write(spec(v2)), "--out", out]);
  expect(run.stderr).toBe("");
  writeFileSync(
    join(out, "src", "caller.ts"),
    [
      `import { Storage } from "./index";`,
      `export async function old(sdk: Storage): Promise<unknown> {`,
      `  await sdk.files.listFiles("assistants", { timeoutMs: 5 });`,
      `  return sdk.files.listFiles("assistants", { after: "file-1", limit: 2 });`,
      `}`,
    ].join("\n"),
  );
  linkNodeModules(out);
  expect(formatDiagnostics(typecheck({ project: out }))).toBe("");
}, 120_000);

test("--reset-lock starts over from the first-generation rules", () => {
  const out = tempDir("lock-reset");
  expect(runGenerate(["--spec", write(spec(v1)), "--out", out]).status).toBe(0);
  expect(runGenerate(["--spec", write(spec(v2)), "--out", out, "--reset-lock"]).status).toBe(0);
  const source = readFileSync(join(out, "src/sdk/files.ts"), "utf8");
  expect(source).toContain("listFiles(after?: string, limit?: number, purpose?: string, options?: RequestOptions)");
}, 60_000);

test("a malformed lock is a located error that says how to start over", () => {
  const out = tempDir("lock-bad");
  writeFileSync(
    join(out, LOCK_FILE),
    JSON.stringify({ lockVersion: 1, operations: { listFiles: { style: "sideways" } }, names: {} }, null, 2),
  );
  const run = runGenerate(["--spec", write(spec(v1)), "--out", out]);
  expect(run.status).toBe(1);
  expect(run.stderr.trim()).toBe(
    `generate: error: ${join(out, LOCK_FILE)}:4: #/operations/listFiles: must have \`style: "positional"\` or \`style: "request"\` ` +
      "(regenerate with --reset-lock to start a new lock)",
  );
});

describe("--diff", () => {
  function diff(before: unknown, after: unknown, lock?: string): { breaking: string[]; other: string[]; text: string } {
    const configFile = join(dir, `gen-${++written}.yaml`);
    writeFileSync(configFile, "tags:\n  - Files\n");
    const text = diffDocuments({
      older: { specFile: write(before), configFile },
      current: { specFile: write(after), configFile },
      lockFile: lock,
    });
    const section = (name: string) => {
      const start = text.indexOf(`## ${name}\n`);
      const end = text.indexOf("\n## ", start + 1);
      return text
        .slice(start, end === -1 ? undefined : end)
        .split("\n")
        .filter((l) => l.startsWith("- "));
    };
    return { breaking: section("Breaking"), other: section("Non-breaking"), text };
  }

  test("without a lock, a new parameter that shifts positions is breaking; with it, nothing breaks", () => {
    const shifted = diff(spec(v1), spec(v2));
    expect(shifted.breaking).toContain(
      "- sdk.files.listFiles argument 1 (after) now takes `query:after` instead of `query:purpose`",
    );
    const out = tempDir("diff-lock");
    generateInto(out, spec(v1));
    const locked = diff(spec(v1), spec(v2), join(out, LOCK_FILE));
    expect(locked.breaking).toEqual([]);
    expect(locked.other).toContain("- parameter `sdk.files.listFiles(options.after)` added");
    expect(locked.text.endsWith("Semver: minor\n")).toBe(true);
  });

  test("widening what users read is breaking; narrowing it is not; new required fields of outputs are fine", () => {
    const before = spec(v1, { fileFields: { size: { type: "integer" }, note: { type: "string", nullable: true } } });
    const after = spec(v1, {
      fileFields: { size: { type: "integer", nullable: true }, note: { type: "string" }, kind: { type: "string" } },
      required: ["id", "kind"],
    });
    const { breaking, other } = diff(before, after);
    expect(breaking).toEqual(["- field `StoredFile.size` changed type (wider): `number` → `number | null`"]);
    expect(other).toEqual([
      "- field `StoredFile.kind` added",
      "- field `StoredFile.note` changed type (narrower): `string | null` → `string`",
    ]);
  });

  test("a type renamed with the same shape is no change; a map whose values narrow is breaking only where users send it", () => {
    const map = (values: object) => ({ type: "object", additionalProperties: values });
    const before = spec(v1, { fileFields: { labels: map({}) } });
    const after = spec(v1, { fileFields: { labels: map({ type: "string" }) } });
    const { breaking, other } = diff(before, after);
    expect(breaking).toEqual([]);
    expect(other).toEqual([
      "- type `StoredFileLabels` changed type (narrower): `Record<string, unknown>` → `Record<string, string>`",
    ]);
  });

  test("operations of tags gen.yaml does not select are listed with the line that would add them", () => {
    const { other } = diff(spec(v1), spec(v1, { tags: true }));
    expect(other).toEqual([
      '- 1 operation(s) added under tag "Vector stores", which gen.yaml does not select: `listStores` ' +
        `(add "Vector stores" to \`tags:\` (gen-${written - 2}.yaml line 2) to generate them)`,
    ]);
  });

  test("--diff-out writes the report alone, ending with the semver bump", () => {
    const out = join(dir, "CHANGES.md");
    const run = runGenerate(["--spec", write(spec(v2)), "--diff", write(spec(v1)), "--diff-out", out]);
    expect(run.stdout).toBe("");
    const text = readFileSync(out, "utf8");
    expect(text.startsWith("# SDK changes from ")).toBe(true);
    expect(text.endsWith("Semver: major\n")).toBe(true);
  });
});
