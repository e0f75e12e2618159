/**
 * Property test: openapi.yaml mutated many ways. Every result is either a clean SpecError
 * naming a location, or output that typechecks. Never a crash, never a half-written tree.
 */
import fc from "fast-check";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { stringify, parse } from "yaml";
import { generate } from "../../codegen/generate";
import { SpecError } from "../../codegen/load/errors";
import { writeTree } from "../../codegen/write/tree";
import { ROOT } from "../support/root";
import { linkNodeModules, tempDir } from "../support/temp";
import { formatDiagnostics, typecheck } from "../support/typecheck";

type Json = unknown;
const original = parse(readFileSync(join(ROOT, "openapi.yaml"), "utf8")) as Json;

/** Every path to a node in the document (capped, deterministic order). */
function allPaths(node: Json, path: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(path);
  if (Array.isArray(node)) node.forEach((child, i) => allPaths(child, [...path, i], out));
  else if (node && typeof node === "object")
    for (const key of Object.keys(node)) allPaths((node as Record<string, Json>)[key], [...path, key], out);
  return out;
}
const PATHS = allPaths(original).filter((p) => p.length > 0);

const hostileText = fc.constantFrom(
  "*/",
  "${x}",
  "`",
  '"',
  "\n",
  "class",
  "__proto__",
  "constructor",
  "1st",
  "default",
  "a b",
  "",
);
const jsonValue = fc.oneof(
  hostileText,
  fc.integer(),
  fc.boolean(),
  fc.constantFrom<Json>(
    null,
    [],
    {},
    { $ref: "#/components/schemas/Nope" },
    { $ref: "#/components/schemas/AssistantObject" },
    { type: "array" },
    { oneOf: [] },
    { enum: [] },
    { enum: [null] },
    { type: "object", properties: 5 },
    { items: 3 },
    { allOf: "x" },
    { type: "object", required: "x", properties: { a: { type: ["string", "null"] } } },
    { anyOf: [{ type: "null" }] },
    { oneOf: [{ $ref: "#/components/schemas/AssistantObject" }, 4] },
    { additionalProperties: 1 },
    { type: 7 },
    { const: { a: 1 } },
  ),
);

type Mutation =
  | { kind: "delete"; at: number }
  | { kind: "replace"; at: number; value: Json }
  | { kind: "rename"; at: number; name: string };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant("delete" as const), at: fc.nat(PATHS.length - 1) }),
  fc.record({ kind: fc.constant("replace" as const), at: fc.nat(PATHS.length - 1), value: jsonValue }),
  fc.record({ kind: fc.constant("rename" as const), at: fc.nat(PATHS.length - 1), name: hostileText }),
);

function apply(doc: Json, m: Mutation): void {
  const path = PATHS[m.at];
  let parent = doc as Record<string | number, Json>;
  for (const key of path.slice(0, -1)) {
    if (!parent || typeof parent !== "object" || !(key in parent)) return;
    parent = parent[key] as Record<string | number, Json>;
  }
  if (!parent || typeof parent !== "object") return;
  const last = path[path.length - 1];
  if (!(last in parent)) return;
  if (m.kind === "delete") {
    if (Array.isArray(parent)) parent.splice(last as number, 1);
    else delete parent[last];
  } else if (m.kind === "replace") {
    parent[last] = structuredClone(m.value);
  } else if (!Array.isArray(parent)) {
    const value = parent[last];
    delete parent[last];
    parent[m.name] = value;
  }
}

test("mutated documents give a located error or output that typechecks", () => {
  const work = tempDir("prop");
  const outputs = join(work, "out");
  mkdirSync(join(outputs, "src"), { recursive: true });
  let generated = 0;
  let refused = 0;
  fc.assert(
    fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (mutations) => {
      const doc = structuredClone(original);
      for (const m of mutations) apply(doc, m);
      const spec = join(work, "spec.yaml");
      writeFileSync(spec, stringify(doc));
      try {
        const { files } = generate({ specFile: spec, mode: "repo" });
        // Each successful output goes in its own folder under one program, checked at the end.
        writeTree(
          join(outputs, "src", `case${generated}`),
          files.filter((f) => f.path.startsWith("src/sdk/")).map((f) => ({ ...f, path: f.path.slice(4) })),
        );
        generated++;
      } catch (error) {
        if (!(error instanceof SpecError)) throw error;
        expect(error.message).toMatch(/^.+: #[^ ]*: .+/);
        refused++;
      }
    }),
    { numRuns: 80, seed: 20261123 },
  );
  expect(generated + refused).toBe(80);
  // Both outcomes must actually occur, or the property says little.
  expect(generated).toBeGreaterThan(10);
  expect(refused).toBeGreaterThan(5);
  // Each case gets a runtime folder beside its sdk folder, as in a package.
  writeFileSync(
    join(outputs, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: {
        strict: true,
        noEmit: true,
        target: "ES2020",
        module: "commonjs",
        lib: ["ES2022", "DOM", "DOM.Iterable"],
        types: ["node"],
        skipLibCheck: true,
        useDefineForClassFields: false,
        esModuleInterop: true,
      },
      include: ["src"],
    }),
  );
  const runtime = join(ROOT, "src", "internal").replace(/\\/g, "/");
  for (let i = 0; i < generated; i++) {
    mkdirSync(join(outputs, "src", `case${i}`, "internal"));
    writeFileSync(join(outputs, "src", `case${i}`, "internal", "index.ts"), `export * from "${runtime}";\n`);
    writeFileSync(join(outputs, "src", `case${i}`, "internal", "errors.ts"), `export * from "${runtime}/errors";\n`);
  }
  linkNodeModules(outputs);
  expect(formatDiagnostics(typecheck({ project: outputs }))).toBe("");
}, 300_000);
