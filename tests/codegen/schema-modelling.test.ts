/**
 * Schema modelling: small OpenAPI documents in (components only, written to a temp YAML file
 * and read through `modelDocument`), every declaration the model makes out, printed compactly:
 *   object → `{ wire_name: type; optional?: type; [key: string]: extra }`
 *   enum   → `enum "a" | "b"`
 *   alias  → its type; a discriminated union adds `, by <property>: <tag> → <member>, ...`
 * Fields print under their wire names: this table is about types, not about naming.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { modelDocument } from "../../codegen/generate";
import type { Decl, TypeRef } from "../../codegen/model/ir";
import type { Row } from "../support/table";
import { tempDir } from "../support/temp";

function printType(type: TypeRef): string {
  switch (type.kind) {
    case "named":
      return type.decl.name;
    case "literal":
      return JSON.stringify(type.value);
    case "array": {
      const items = printType(type.items);
      return type.items.kind === "union" || type.items.kind === "nullable" ? `(${items})[]` : `${items}[]`;
    }
    case "map":
      return `Record<string, ${printType(type.values)}>`;
    case "nullable":
      return `${printType(type.inner)} | null`;
    case "union": {
      const members = type.members.map(printType);
      const tags = type.discriminator?.tags.map((t) => `${t.value} → ${members[t.member]}`).join(", ");
      return members.join(" | ") + (type.discriminator ? `, by ${type.discriminator.property}: ${tags}` : "");
    }
    default:
      return type.kind;
  }
}

function printDecl(decl: Decl): string {
  switch (decl.kind) {
    case "object": {
      const fields = decl.fields.map((f) => `${f.wireName}${f.required ? "" : "?"}: ${printType(f.type)}`);
      if (decl.additional) fields.push(`[key: string]: ${printType(decl.additional)}`);
      return `{ ${fields.join("; ")} }`;
    }
    case "enum":
      return `enum ${decl.members.map((m) => JSON.stringify(m.value)).join(" | ")}`;
    case "alias":
      return printType(decl.type);
  }
}

const folder = tempDir("modelling");
let documents = 0;

/** Models a document whose `components.schemas` is the given YAML; every declaration, printed. */
function model(openapi: string, schemas: string): Record<string, string> {
  const indented = schemas
    .trim()
    .split("\n")
    .map((line) => `    ${line}`)
    .join("\n");
  const file = join(folder, `doc${++documents}.yaml`);
  const head = `openapi: ${openapi}\ninfo: { title: Modelling, version: "1" }\npaths: {}`;
  writeFileSync(file, `${head}\ncomponents:\n  schemas:\n${indented}\n`);
  return Object.fromEntries(modelDocument(file, undefined).model.decls.map((d) => [d.name, printDecl(d)]));
}

type Given = { openapi?: "3.0.3" | "3.1.0"; schemas: string };

const rows: Row<Given, Record<string, string>>[] = [
  [
    "an object: required and optional fields, scalar types",
    {
      given: {
        schemas: `
Pet:
  type: object
  required: [name]
  properties:
    name: { type: string }
    age: { type: integer }
    weight: { type: number }
    vaccinated: { type: boolean }
    photo: { type: string, format: binary }
    nicknames: { type: array, items: { type: string } }
    anything: {}`,
      },
      want: {
        Pet:
          "{ name: string; age?: number; weight?: number; vaccinated?: boolean; photo?: binary; " +
          "nicknames?: string[]; anything?: unknown }",
      },
    },
  ],
  [
    "properties alone make an object (no `type`)",
    {
      given: {
        schemas: `
Point:
  properties:
    x: { type: number }`,
      },
      want: { Point: "{ x?: number }" },
    },
  ],
  [
    "enums: a component of strings, an inline one hoisted, numbers",
    {
      given: {
        schemas: `
Status: { type: string, enum: [available, sold] }
Order:
  type: object
  properties:
    status: { $ref: "#/components/schemas/Status" }
    priority: { type: integer, enum: [1, 2, 3] }
    mixed: { enum: [a, 1] }`,
      },
      want: {
        Order: '{ status?: Status; priority?: OrderPriority; mixed?: "a" | 1 }',
        OrderPriority: "enum 1 | 2 | 3",
        Status: 'enum "available" | "sold"',
      },
    },
  ],
  [
    "an enum with null among its values is a nullable enum",
    {
      given: {
        openapi: "3.1.0",
        schemas: `
Box:
  type: object
  properties:
    size: { type: [string, "null"], enum: [small, large, null] }`,
      },
      want: { Box: "{ size?: BoxSize | null }", BoxSize: 'enum "small" | "large"' },
    },
  ],
  [
    "3.0 `nullable: true`",
    {
      given: {
        schemas: `
Person:
  type: object
  required: [nickname]
  properties:
    nickname: { type: string, nullable: true }
    tags: { type: array, nullable: true, items: { type: string, nullable: true } }`,
      },
      want: { Person: "{ nickname: string | null; tags?: (string | null)[] | null }" },
    },
  ],
  [
    "3.1 type arrays: with null, and several types",
    {
      given: {
        openapi: "3.1.0",
        schemas: `
Value:
  type: object
  properties:
    maybe: { type: [string, "null"] }
    either: { type: [string, integer] }
    all: { type: [string, integer, "null"] }
    only_null: { type: "null" }`,
      },
      want: {
        Value: "{ maybe?: string | null; either?: string | number; all?: string | number | null; only_null?: null }",
      },
    },
  ],
  [
    "$ref with a sibling `nullable`, and a nullable allOf of one ref",
    {
      given: {
        schemas: `
Owner:
  type: object
  properties:
    id: { type: string }
Pet:
  type: object
  properties:
    owner: { $ref: "#/components/schemas/Owner", nullable: true }
    previous_owner: { allOf: [{ $ref: "#/components/schemas/Owner" }], nullable: true }
    plain_owner: { $ref: "#/components/schemas/Owner" }`,
      },
      want: {
        Owner: "{ id?: string }",
        Pet: "{ owner?: Owner | null; previous_owner?: Owner | null; plain_owner?: Owner }",
      },
    },
  ],
  [
    "oneOf with a declared discriminator (3.1 const tags)",
    {
      given: {
        openapi: "3.1.0",
        schemas: `
Cat:
  type: object
  required: [pet_type]
  properties:
    pet_type: { const: cat }
    lives: { type: integer }
Dog:
  type: object
  required: [pet_type]
  properties:
    pet_type: { const: dog }
Pet:
  oneOf:
    - $ref: "#/components/schemas/Cat"
    - $ref: "#/components/schemas/Dog"
  discriminator: { propertyName: pet_type }`,
      },
      want: {
        Cat: '{ pet_type: "cat"; lives?: number }',
        Dog: '{ pet_type: "dog" }',
        Pet: "Cat | Dog, by pet_type: cat → Cat, dog → Dog",
      },
    },
  ],
  [
    "oneOf without a discriminator keyword: `type` fixed per member implies one",
    {
      given: {
        schemas: `
Tool:
  oneOf:
    - $ref: "#/components/schemas/CodeTool"
    - $ref: "#/components/schemas/SearchTool"
CodeTool:
  type: object
  required: [type]
  properties:
    type: { type: string, enum: [code] }
SearchTool:
  type: object
  required: [type]
  properties:
    type: { type: string, enum: [search, web_search] }`,
      },
      want: {
        CodeTool: "{ type: CodeToolType }",
        CodeToolType: 'enum "code"',
        SearchTool: "{ type: SearchToolType }",
        SearchToolType: 'enum "search" | "web_search"',
        Tool: "CodeTool | SearchTool, by type: code → CodeTool, search → SearchTool, web_search → SearchTool",
      },
    },
  ],
  [
    "oneOf whose members share a tag value has no discriminator",
    {
      given: {
        openapi: "3.1.0",
        schemas: `
A: { type: object, properties: { kind: { const: x }, a: { type: string } } }
B: { type: object, properties: { kind: { const: x }, b: { type: string } } }
AorB: { oneOf: [{ $ref: "#/components/schemas/A" }, { $ref: "#/components/schemas/B" }] }`,
      },
      want: { A: '{ kind?: "x"; a?: string }', AorB: "A | B", B: '{ kind?: "x"; b?: string }' },
    },
  ],
  [
    "anyOf with null: the other member, nullable",
    {
      given: {
        openapi: "3.1.0",
        schemas: `
Person:
  type: object
  properties:
    name: { type: string }
Team:
  type: object
  properties:
    lead: { anyOf: [{ $ref: "#/components/schemas/Person" }, { type: "null" }] }
    size: { anyOf: [{ type: integer }, { type: string }, { type: "null" }] }`,
      },
      want: { Person: "{ name?: string }", Team: "{ lead?: Person | null; size?: number | string | null }" },
    },
  ],
  [
    "3.0 anyOf with `enum: [null]` as the null member",
    {
      given: {
        schemas: `
Wrapper:
  type: object
  properties:
    value: { anyOf: [{ type: string }, { enum: [null] }] }`,
      },
      want: { Wrapper: "{ value?: string | null }" },
    },
  ],
  [
    "allOf merges the members' fields and required lists",
    {
      given: {
        schemas: `
Base:
  type: object
  required: [id]
  properties:
    id: { type: string }
    created: { type: integer }
Dog:
  allOf:
    - $ref: "#/components/schemas/Base"
    - type: object
      required: [bark]
      properties:
        bark: { type: boolean }
  properties:
    name: { type: string }`,
      },
      want: {
        Base: "{ id: string; created?: number }",
        Dog: "{ id: string; created?: number; bark: boolean; name?: string }",
      },
    },
  ],
  [
    "additionalProperties: a map component, and extra keys beside fields",
    {
      given: {
        schemas: `
Scores:
  type: object
  additionalProperties: { type: integer }
Labelled:
  type: object
  properties:
    label: { type: string }
  additionalProperties: { type: string }
Nested:
  type: object
  additionalProperties:
    type: array
    items: { $ref: "#/components/schemas/Labelled" }`,
      },
      want: {
        Labelled: "{ label?: string; [key: string]: string }",
        Nested: "Record<string, Labelled[]>",
        Scores: "Record<string, number>",
      },
    },
  ],
  [
    "free-form objects: unknown values; a property's gets a named alias",
    {
      given: {
        schemas: `
Anything: { type: object }
AlsoAnything: { type: object, additionalProperties: true }
Thread:
  type: object
  properties:
    metadata: { type: object, nullable: true }
    settings: { type: object, additionalProperties: { type: boolean } }`,
      },
      want: {
        AlsoAnything: "Record<string, unknown>",
        Anything: "Record<string, unknown>",
        Thread: "{ metadata?: ThreadMetadata | null; settings?: ThreadSettings }",
        ThreadMetadata: "Record<string, unknown>",
        ThreadSettings: "Record<string, boolean>",
      },
    },
  ],
  [
    "const: string, number and boolean literals",
    {
      given: {
        openapi: "3.1.0",
        schemas: `
Event:
  type: object
  required: [object]
  properties:
    object: { const: event }
    version: { const: 2 }
    final: { const: true }`,
      },
      want: { Event: '{ object: "event"; version?: 2; final?: true }' },
    },
  ],
  [
    "recursive references: a tree and two types referring to each other",
    {
      given: {
        schemas: `
Node:
  type: object
  properties:
    children: { type: array, items: { $ref: "#/components/schemas/Node" } }
    parent: { $ref: "#/components/schemas/Node" }
Author:
  type: object
  properties:
    books: { type: array, items: { $ref: "#/components/schemas/Book" } }
Book:
  type: object
  properties:
    author: { $ref: "#/components/schemas/Author" }`,
      },
      want: {
        Author: "{ books?: Book[] }",
        Book: "{ author?: Author }",
        Node: "{ children?: Node[]; parent?: Node }",
      },
    },
  ],
  [
    "$recursiveRef: the outermost component with $recursiveAnchor, reached directly or through another component",
    {
      given: {
        openapi: "3.1.0",
        schemas: `
Comparison:
  type: object
  required: [type, key]
  properties:
    type: { type: string, enum: [eq, ne] }
    key: { type: string }
Compound:
  $recursiveAnchor: true
  type: object
  required: [type, filters]
  properties:
    type: { type: string, enum: [and, or] }
    filters:
      type: array
      items:
        oneOf:
          - $ref: "#/components/schemas/Comparison"
          - $recursiveRef: "#"
        discriminator: { propertyName: type }
Search:
  type: object
  properties:
    filter: { $ref: "#/components/schemas/Compound" }
    loose: { $recursiveRef: "#" }`,
      },
      want: {
        Comparison: "{ type: ComparisonType; key: string }",
        ComparisonType: 'enum "eq" | "ne"',
        Compound:
          "{ type: CompoundType; filters: (Comparison | Compound, by type: eq → Comparison, ne → Comparison, and → Compound, or → Compound)[] }",
        CompoundType: 'enum "and" | "or"',
        Search: "{ filter?: Compound; loose?: unknown }",
      },
    },
  ],
  [
    "inline schemas are hoisted under names from where they sit",
    {
      given: {
        schemas: `
Run:
  type: object
  properties:
    usage:
      type: object
      properties:
        tokens: { type: integer }
    steps:
      type: array
      items:
        type: object
        properties:
          id: { type: string }
    result:
      oneOf:
        - type: object
          title: success
          properties:
            value: { type: string }
        - type: object
          properties:
            error: { type: string }`,
      },
      want: {
        Run: "{ usage?: RunUsage; steps?: Steps[]; result?: RunResultSuccess | RunResult2 }",
        RunResult2: "{ error?: string }",
        RunResultSuccess: "{ value?: string }",
        RunUsage: "{ tokens?: number }",
        Steps: "{ id?: string }",
      },
    },
  ],
  [
    "a oneOf/anyOf of `required`-only branches is a constraint on the object, kept as docs, not a union",
    {
      given: {
        schemas: `
FileSearch:
  type: object
  properties:
    vector_store_ids: { type: array, items: { type: string } }
    vector_stores:
      type: array
      items: { type: object, properties: { file_ids: { type: array, items: { type: string } } } }
  oneOf:
    - required: [vector_store_ids]
    - required: [vector_stores]
Attachment:
  type: object
  description: An image or a file.
  properties:
    image_url: { type: string }
    file_id: { type: string }
  anyOf:
    - { required: [image_url], description: by URL }
    - required: [file_id]`,
      },
      want: {
        Attachment: "{ image_url?: string; file_id?: string }",
        FileSearch: "{ vector_store_ids?: string[]; vector_stores?: VectorStores[] }",
        VectorStores: "{ file_ids?: string[] }",
      },
    },
  ],
];

test.each(rows)("%s", (_, { given, want }) => {
  expect(model(given.openapi ?? "3.0.3", given.schemas)).toEqual(want);
});
