/**
 * The 27 usage examples of the seed SDK's docs (written for `@speakeasy-api/openai`) compile
 * against gpt-sdk. The examples are kept as facts (tests/facts/seed-examples.json.gz: imports,
 * declarations with their types, the call and its arguments, literal values by kind only); each
 * is rebuilt here as a program importing gpt-sdk. Two defects of the seed itself are fixed on
 * the way (see fixSeed), and nothing else.
 */
import { type SeedExample, seedExamples, type SeedValue } from "../support/facts";
import { formatDiagnostics, type Snippet, typecheck } from "../support/typecheck";

interface Fixes {
  /** Names dropped from an operations import because shared imports them too. */
  duplicateImports: string[];
  /** String items replaced in `tools` arrays. */
  toolItems: number;
}

/** A seed value, where fixSeed may have put code. */
type Value =
  | Exclude<SeedValue, { kind: "array" | "object" }>
  | { readonly kind: "array"; readonly items: readonly Value[] }
  | { readonly kind: "object"; readonly fields: Readonly<Record<string, Value>> }
  | { readonly kind: "code"; readonly code: string };

/** A value of the kind the seed wrote. */
function render(value: Value, indent: string): string {
  switch (value.kind) {
    case "code":
      return value.code;
    case "string":
      return `"s"`;
    case "number":
      return "1";
    case "boolean":
      return "true";
    case "enum":
      return `${value.type}.${value.member}`;
    case "ref":
      return value.name;
    case "array":
      return `[${value.items.map((item) => render(item, indent)).join(", ")}]`;
    case "object": {
      const inner = `${indent}  `;
      const fields = Object.entries(value.fields).map(([name, v]) => `${inner}${name}: ${render(v, inner)},`);
      return fields.length === 0 ? "{}" : `{\n${fields.join("\n")}\n${indent}}`;
    }
  }
}

/**
 * The seed's own defects, fixed here and nowhere else:
 * (a) Some examples import one name from both `.../models/operations` and `.../models/shared`
 *     (`CreateMessageRequest`, `ModifyRunRequest`, ...): a duplicate identifier, so the seed's
 *     example is not valid TypeScript even against the seed's own SDK. The value is typed with
 *     the shared body model, so the name is dropped from the operations import.
 * (b) `tools: ["..."]`: the seed typed `tools` as `any[]` (every oneOf became `any`). Here tools
 *     are a real union, so a string is no tool; the item becomes `{ type: "code_interpreter" }`.
 */
function fixSeed(example: SeedExample, fixes: Fixes): Program {
  const shared = new Set(example.imports.find((i) => i.module === "dist/sdk/models/shared")?.names ?? []);
  const imports = example.imports.map((i) => {
    if (i.module !== "dist/sdk/models/operations") return i;
    fixes.duplicateImports.push(...i.names.filter((n) => shared.has(n)));
    return { ...i, names: i.names.filter((n) => !shared.has(n)) };
  });
  const fix = (value: SeedValue, field?: string): Value => {
    if (value.kind === "array" && field === "tools") {
      return {
        kind: "array",
        items: value.items.map((item) => (item.kind === "string" ? codeInterpreter(fixes) : fix(item))),
      };
    }
    if (value.kind === "array") return { kind: "array", items: value.items.map((item) => fix(item)) };
    if (value.kind !== "object") return value;
    return { kind: "object", fields: Object.fromEntries(Object.entries(value.fields).map(([k, v]) => [k, fix(v, k)])) };
  };
  return {
    ...example,
    imports,
    declarations: example.declarations.map((d) => ({ ...d, value: fix(d.value) })),
    arguments: example.arguments.map((a) => fix(a)),
  };
}

function codeInterpreter(fixes: Fixes): Value {
  fixes.toolItems++;
  return { kind: "code", code: `{ type: "code_interpreter" }` };
}

/** An example after fixSeed: its values may hold code. */
interface Program extends Omit<SeedExample, "declarations" | "arguments"> {
  readonly declarations: readonly { readonly name: string; readonly type: string; readonly value: Value }[];
  readonly arguments: readonly Value[];
}

/** The example as a program importing gpt-sdk, shaped like the seed's (an async IIFE). */
function program(example: Program): string {
  const imports = example.imports
    .filter((i) => i.names.length > 0)
    .map((i) => `import { ${i.names.join(", ")} } from "${i.module ? `gpt-sdk/${i.module}` : "gpt-sdk"}";`);
  const declarations = example.declarations.map((d) => `  const ${d.name}: ${d.type} = ${render(d.value, "  ")};`);
  const args = example.arguments.map((a) => render(a, "  ")).join(", ");
  const reads = example.resultFields.map((field) => `  void res.${field};`);
  return [
    ...imports,
    "(async () => {",
    `  const sdk = new Gpt({ apiKeyAuth: "" });`,
    ...declarations,
    `  const res = await sdk.${example.tag}.${example.method}(${args});`,
    ...reads,
    "})();",
  ].join("\n");
}

describe("the seed's examples", () => {
  const examples = seedExamples();
  const fixes: Fixes = { duplicateImports: [], toolItems: 0 };
  const snippets: Snippet[] = examples.map((example, i) => ({
    code: program(fixSeed(example, fixes)),
    source: `tests/facts/seed-examples.json.gz (example ${i + 1}, ${example.method})`,
    line: 1,
  }));

  it("has exactly 27 TypeScript examples, one per Assistants operation of the seed", () => {
    expect(examples).toHaveLength(27);
    expect(new Set(examples.map((e) => `${e.tag}.${e.method}`)).size).toBe(27);
  });

  it("needs only the two documented fixes, each where expected", () => {
    expect(fixes.duplicateImports.sort()).toEqual([
      "CreateAssistantFileRequest",
      "CreateMessageRequest",
      "CreateRunRequest",
      "ModifyMessageRequest",
      "ModifyRunRequest",
      "ModifyThreadRequest",
    ]);
    // createAssistant, createRun and createThreadAndRun.
    expect(fixes.toolItems).toBe(3);
  });

  it("compile against gpt-sdk (strict, one program)", () => {
    const diagnostics = typecheck({ snippets, packageName: "gpt-sdk" });
    if (diagnostics.length > 0)
      throw new Error(`${diagnostics.length} type error(s) in the seed's examples:\n${formatDiagnostics(diagnostics)}`);
  });
});
