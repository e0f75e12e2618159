/**
 * An independent type oracle: openapi-typescript's types for openapi.yaml. For every shared
 * model, our IR's wire names must be exactly the oracle's keys with the same required-ness,
 * and each field with a scalar, enum or scalar-array type must have the oracle's type after
 * our camelCase renaming. Checked by the TypeScript compiler on a generated check file.
 */
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { load } from "js-yaml";
import ts from "typescript";
import { join } from "node:path";
import { generate } from "../../codegen/generate";
import type { Field, TypeRef } from "../../codegen/model/ir";
import { ROOT } from "../support/root";
import { tempDir } from "../support/temp";
import { formatDiagnostics, typecheck } from "../support/typecheck";

const { model } = generate({ specFile: join(ROOT, "openapi.yaml"), configFile: join(ROOT, "gen.yaml"), mode: "repo" });
const componentNames = new Set(
  Object.keys(
    (load(readFileSync(join(ROOT, "openapi.yaml"), "utf8")) as { components: { schemas: object } }).components.schemas,
  ),
);

/** Field types the oracle and we must spell the same (maps differ on purpose: it says Record<string, never>). */
function comparable(type: TypeRef): boolean {
  switch (type.kind) {
    case "string":
    case "number":
    case "boolean":
      return true;
    case "nullable":
      return comparable(type.inner);
    case "array":
      return comparable(type.items);
    case "named":
      return type.decl.kind === "enum";
    default:
      return false;
  }
}

test("our models agree with openapi-typescript's types of the same document", () => {
  const dir = tempDir("oracle");
  // By default openapi-typescript makes a property with a `default` required; the wire does not.
  const gen = spawnSync(
    process.execPath,
    [
      join(ROOT, "node_modules/openapi-typescript/bin/cli.js"),
      join(ROOT, "openapi.yaml"),
      "-o",
      join(dir, "oracle.ts"),
      "--default-non-nullable",
      "false",
    ],
    { encoding: "utf8" },
  );
  expect(gen.status).toBe(0);

  const lines = [
    `import type { components } from "./oracle";`,
    `import type * as shared from ${JSON.stringify(join(ROOT, "src/sdk/models/shared"))};`,
    `type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;`,
    `type Expect<T extends true> = T;`,
    `type RequiredKeys<T> = { [K in keyof T]-?: {} extends Pick<T, K> ? never : K }[keyof T];`,
    `type S = components["schemas"];`,
  ];
  let checks = 0;
  const components = model.decls.filter(
    (d) => d.kind === "object" && d.namespace === "shared" && componentNames.has(d.name),
  );
  for (const decl of components) {
    if (decl.kind !== "object") continue;
    const schema = `S[${JSON.stringify(decl.name)}]`;
    const union = (fields: Field[]) =>
      fields.length > 0 ? fields.map((f) => JSON.stringify(f.wireName)).join(" | ") : "never";
    lines.push(`export type ${decl.name}Keys = Expect<Equal<keyof ${schema}, ${union(decl.fields)}>>;`);
    lines.push(
      `export type ${decl.name}Required = Expect<Equal<RequiredKeys<${schema}>, ${union(decl.fields.filter((f) => f.required))}>>;`,
    );
    checks += 2;
    for (const field of decl.fields.filter((f) => comparable(f.type))) {
      lines.push(
        `export type ${decl.name}_${field.name} = Expect<Equal<shared.${decl.name}[${JSON.stringify(field.name)}], ${schema}[${JSON.stringify(field.wireName)}]>>;`,
      );
      checks++;
    }
  }
  writeFileSync(join(dir, "check.ts"), lines.join("\n") + "\n");
  expect(
    formatDiagnostics(typecheck({ files: [join(dir, "check.ts")], options: { target: ts.ScriptTarget.ES2022 } })),
  ).toBe("");
  // The check file really checks something: every component model and most fields.
  expect(components.length).toBeGreaterThanOrEqual(40);
  expect(checks).toBeGreaterThan(200);
}, 120_000);
