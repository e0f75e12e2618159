/**
 * Guard rails for documents the generator has not seen: nullability kept through `$ref` and
 * `allOf`, tag selection that fails loudly on a typo and can pick untagged operations, and
 * names that would collide with a class's own members or with the client class.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { modelDocument } from "../../codegen/generate";
import { typeText } from "../../codegen/diff/surface";
import type { ApiModel } from "../../codegen/model/ir";
import { runGenerate } from "../support/cli";
import { linkNodeModules, tempDir } from "../support/temp";
import { formatDiagnostics, typecheck } from "../support/typecheck";

const dir = tempDir("guard-rails");
let written = 0;

function write(name: string, content: string): string {
  const file = join(dir, `${++written}-${name}`);
  writeFileSync(file, content);
  return file;
}

function model(doc: object, genYaml?: string): ApiModel {
  return modelDocument(
    write("spec.json", JSON.stringify(doc)),
    genYaml === undefined ? undefined : write("gen.yaml", genYaml),
  ).model;
}

function fieldTypes(m: ApiModel, declName: string): Record<string, string> {
  const decl = m.decls.find((d) => d.name === declName);
  if (decl?.kind !== "object") throw new Error(`${declName} is not an object`);
  return Object.fromEntries(decl.fields.map((f) => [f.name, typeText(f.type)]));
}

const ok = (schema: object) => ({ "200": { description: "ok", content: { "application/json": { schema } } } });
const api = (
  openapi: string,
  schemas: object,
  paths: object = { "/x": { get: { operationId: "getX", responses: ok({ $ref: "#/components/schemas/Holder" }) } } },
) => ({
  openapi,
  info: { title: "Guard", version: "1" },
  paths,
  components: { schemas },
});

describe("nullability survives references", () => {
  test.each([
    [
      "3.0 object component with nullable",
      "3.0.3",
      { type: "object", nullable: true, properties: { n: { type: "integer" } } },
      "Usage | null",
    ],
    [
      "3.0 enum component with null among its values",
      "3.0.3",
      { type: "string", nullable: true, enum: ["a", "b", null] },
      "Usage | null",
    ],
    [
      "3.1 object component with a null type",
      "3.1.0",
      { type: ["object", "null"], properties: { n: { type: "integer" } } },
      "Usage | null",
    ],
    ["a component that is never null", "3.0.3", { type: "object", properties: { n: { type: "integer" } } }, "Usage"],
  ])("%s", (_, openapi, usage, want) => {
    const m = model(
      api(openapi, {
        Usage: usage,
        Holder: { type: "object", properties: { usage: { $ref: "#/components/schemas/Usage" } } },
      }),
    );
    expect(fieldTypes(m, "Holder").usage).toBe(want);
  });

  test("allOf of a reference and { nullable: true } keeps the referenced union", () => {
    const choice = {
      oneOf: [
        { type: "string", enum: ["none", "auto"] },
        { type: "object", properties: { type: { type: "string", enum: ["function"] } } },
      ],
    };
    const holder = {
      type: "object",
      properties: { choice: { allOf: [{ $ref: "#/components/schemas/Choice" }, { nullable: true }] } },
    };
    const m = model(api("3.0.3", { Choice: choice, Holder: holder }));
    expect(fieldTypes(m, "Holder").choice).toBe("Choice | null");
    const choiceDecl = m.decls.find((d) => d.name === "Choice");
    expect(choiceDecl?.kind === "alias" && typeText(choiceDecl.type)).toBe("ChoiceValue1 | ChoiceValue2");
  });
});

describe("tags", () => {
  const tagged = api(
    "3.0.3",
    { Holder: { type: "object", properties: { a: { type: "string" } } } },
    {
      "/stores": {
        get: {
          operationId: "listStores",
          tags: ["Vector stores"],
          responses: ok({ $ref: "#/components/schemas/Holder" }),
        },
      },
      "/ping": { get: { operationId: "ping", responses: { "204": { description: "no content" } } } },
    },
  );

  test("a tag no operation has is an error that suggests the closest one, located in gen.yaml", () => {
    const spec = write("spec.json", JSON.stringify(tagged));
    const genYaml = write("gen.yaml", "sdkClassName: Guard\ntags:\n  - Vector Stores\n");
    const run = runGenerate(["--spec", spec, "--out", join(dir, "never-written"), "--config", genYaml]);
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe(
      `generate: error: ${genYaml}:3: #/tags/0: tag "Vector Stores" has no operations in the document; did you mean "Vector stores"? ` +
        '(tags with operations: "Default", "Vector stores"; untagged operations are under "Default")',
    );
  });

  test("untagged operations are selected as Default", () => {
    const m = model(tagged, "tags:\n  - Default\n");
    expect(m.tags.map((t) => [t.className, t.propertyName, t.operations.map((o) => o.methodName)])).toEqual([
      ["Default", "default", ["ping"]],
    ]);
  });
});

test("operationIds named like a class member and a tag named like the client get names of their own, and compile", () => {
  const doc = api(
    "3.0.3",
    { Holder: { type: "object", properties: { a: { type: "string" } } } },
    {
      "/a": {
        get: { operationId: "constructor", tags: ["Guard"], responses: ok({ $ref: "#/components/schemas/Holder" }) },
      },
      "/b": {
        get: { operationId: "prototype", tags: ["Guard"], responses: ok({ $ref: "#/components/schemas/Holder" }) },
      },
      "/c": {
        get: { operationId: "runtime", tags: ["Guard"], responses: ok({ $ref: "#/components/schemas/Holder" }) },
      },
    },
  );
  const m = model(doc);
  expect(m.tags.map((t) => [t.className, t.propertyName])).toEqual([["GuardApi", "guard"]]);
  expect(m.tags[0].operations.map((o) => o.methodName)).toEqual([
    "constructorOperation",
    "prototypeOperation",
    "runtimeOperation",
  ]);
  const out = join(dir, "pkg");
  const run = runGenerate(["--spec", write("spec.json", JSON.stringify(doc)), "--out", out]);
  expect(run.stderr).toBe("");
  linkNodeModules(out);
  expect(formatDiagnostics(typecheck({ project: out }))).toBe("");
}, 120_000);
