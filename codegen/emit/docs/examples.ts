/**
 * Example programs for the docs: a complete TypeScript file per operation, with argument
 * values built from the types (so every example typechecks against the generated SDK).
 */
import type { GenConfig } from "../../config";
import type { Decl, EnumDecl, Namespace, ObjectDecl, Operation, Tag, TypeRef } from "../../model/ir";
import { isBindingName, pascalCase, snakeCase } from "../../model/names";
import { someType } from "../../model/typeref";
import { access, key, literal, str } from "../code";
import { printType } from "../print-type";

/** Names the example programs use themselves; nothing imported or declared may take them. */
const PROGRAM_NAMES = ["sdk", "res", "run", "value", "Buffer", "Promise", "console"];

/** Objects nested deeper than this show their required fields only. */
const OPTIONAL_FIELDS_DEPTH = 1;

/** The module users import a namespace's models from (`gpt-sdk/dist/sdk/models/shared`). */
function modelModule(config: GenConfig, namespace: Namespace): string {
  return `${config.packageName}/dist/sdk/models/${namespace}`;
}

/** The imports of one example program, with a local name per imported declaration. */
class ExampleImports {
  private readonly modules = new Map<string, Map<string, string>>();
  private readonly taken = new Set<string>(PROGRAM_NAMES);

  constructor(private readonly config: GenConfig) {}

  /** Reserves a local name (a variable) so no import takes it; returns the name it may use. */
  reserve(name: string): string {
    const base = isBindingName(name) ? name : "arg";
    let local = base;
    for (let n = 2; this.taken.has(local); n++) local = `${base}${n}`;
    this.taken.add(local);
    return local;
  }

  /** A name exported by the package's entry point (`Gpt`). */
  root(name: string): string {
    return this.add(this.config.packageName, name, "");
  }

  decl(decl: Decl): string {
    return this.add(modelModule(this.config, decl.namespace), decl.name, decl.namespace);
  }

  private add(module: string, name: string, namespace: string): string {
    const names = this.modules.get(module) ?? new Map<string, string>();
    this.modules.set(module, names);
    const existing = names.get(name);
    if (existing) return existing;
    // The same name from two modules (shared.X and operations.X) is imported once under an alias.
    const prefix = namespace ? pascalCase(namespace) : "";
    let local = this.taken.has(name) ? `${prefix}${name}` : name;
    for (let n = 2; this.taken.has(local); n++) local = `${prefix}${name}${n}`;
    this.taken.add(local);
    names.set(name, local);
    return local;
  }

  render(): string {
    const lines: string[] = [];
    for (const [module, names] of [...this.modules].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      const specifiers = [...names]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([name, local]) => (name === local ? name : `${name} as ${local}`));
      lines.push(`import { ${specifiers.join(", ")} } from ${str(module)};`);
    }
    return lines.join("\n");
  }
}

/** A value to print: code text, or an object/array printed over several lines. */
export type ValueNode =
  | { readonly kind: "raw"; readonly text: string }
  | { readonly kind: "object"; readonly entries: readonly (readonly [string, ValueNode])[] }
  | { readonly kind: "array"; readonly items: readonly ValueNode[] };

const raw = (text: string): ValueNode => ({ kind: "raw", text });

/**
 * Prints a value as the seed's examples do: one field per line, trailing commas. A small
 * nested object of plain values (`{ type: "code_interpreter" }`) stays on one line.
 */
function printValue(node: ValueNode, indent: string, top = true): string {
  const inner = indent + "  ";
  switch (node.kind) {
    case "raw":
      return node.text;
    case "object": {
      if (node.entries.length === 0) return "{}";
      const flat = `{ ${node.entries.map(([k, v]) => `${k}: ${printValue(v, inner, false)}`).join(", ")} }`;
      if (!top && node.entries.length <= 2 && node.entries.every(([, v]) => v.kind === "raw") && flat.length <= 60)
        return flat;
      return `{\n${node.entries.map(([k, v]) => `${inner}${k}: ${printValue(v, inner, false)},\n`).join("")}${indent}}`;
    }
    case "array": {
      if (node.items.length === 0) return "[]";
      if (node.items.every((item) => item.kind === "raw"))
        return `[${node.items.map((item) => printValue(item, inner, false)).join(", ")}]`;
      const items = node.items.map((item) => printValue(item, inner, false));
      if (items.length === 1 && !items[0].includes("\n")) return `[${items[0]}]`;
      return `[\n${items.map((item) => `${inner}${item},\n`).join("")}${indent}]`;
    }
  }
}

/** An upload: `{ content: Buffer.from("file contents"), fileName: "example.txt" }`. */
function uploadExample(): ValueNode {
  return {
    kind: "object",
    entries: [
      ["content", raw(`Buffer.from(${str("file contents")})`)],
      ["fileName", raw(str("example.txt"))],
    ],
  };
}

type UnionRef = Extract<TypeRef, { kind: "union" }>;

/** The wire property a discriminated union member must carry, and its tag. */
interface Fixed {
  readonly wireName: string;
  readonly value: string;
}

/**
 * Builds example values from types: placeholders named after the field, the first enum
 * member, the first union member that can be built, one array item, one map entry. Cycles
 * end at optional fields, empty arrays/maps or `null`; `undefined` means no finite value exists.
 */
class ExampleValues {
  private readonly stack = new Set<Decl>();

  constructor(private readonly imports: ExampleImports) {}

  build(type: TypeRef, name: string | undefined, depth: number, fixed?: Fixed): ValueNode | undefined {
    switch (type.kind) {
      case "string":
      case "unknown":
        return raw(str(placeholder(name)));
      case "number":
        return raw(String(exampleNumber(name)));
      case "boolean":
        return raw("false");
      case "null":
        return raw("null");
      case "literal":
        return raw(literal(type.value));
      case "binary":
        return uploadExample();
      case "array": {
        const item = this.build(type.items, name === undefined ? undefined : singular(name), depth);
        return { kind: "array", items: item ? [item] : [] };
      }
      case "map": {
        const plain = type.values.kind === "string" || type.values.kind === "unknown";
        const value = plain ? raw(str("value")) : this.build(type.values, undefined, depth);
        return { kind: "object", entries: value ? [[str("key"), value]] : [] };
      }
      case "nullable":
        return this.build(type.inner, name, depth, fixed) ?? raw("null");
      case "union":
        return this.union(type, name, depth, fixed);
      case "named":
        return this.named(type.decl, name, depth, fixed);
    }
  }

  /** The first member that can be built, `null` last; a discriminated member carries its tag. */
  private union(
    type: UnionRef,
    name: string | undefined,
    depth: number,
    fixed: Fixed | undefined,
  ): ValueNode | undefined {
    const order = type.members
      .map((m, i) => ({ m, i }))
      .sort((a, b) => Number(a.m.kind === "null") - Number(b.m.kind === "null"));
    for (const { m, i } of order) {
      const tag = type.discriminator?.tags.find((t) => t.member === i);
      const value = this.build(
        m,
        name,
        depth,
        tag ? { wireName: type.discriminator!.property, value: tag.value } : fixed,
      );
      if (value) return value;
    }
    return undefined;
  }

  private named(decl: Decl, name: string | undefined, depth: number, fixed: Fixed | undefined): ValueNode | undefined {
    if (decl.kind === "enum") return this.enumValue(decl);
    if (this.stack.has(decl)) return undefined;
    this.stack.add(decl);
    try {
      return decl.kind === "alias" ? this.build(decl.type, name, depth, fixed) : this.object(decl, depth, fixed);
    } finally {
      this.stack.delete(decl);
    }
  }

  private enumValue(decl: EnumDecl): ValueNode | undefined {
    const first = decl.members[0];
    return first ? raw(access(this.imports.decl(decl), first.name)) : undefined;
  }

  private object(decl: ObjectDecl, depth: number, fixed: Fixed | undefined): ValueNode | undefined {
    const entries: [string, ValueNode][] = [];
    for (const field of decl.fields) {
      if (fixed && field.wireName === fixed.wireName) {
        // A discriminated union member: its tag as a literal, which its enum type accepts.
        entries.push([key(field.name), raw(str(fixed.value))]);
        continue;
      }
      if (!field.required && depth > OPTIONAL_FIELDS_DEPTH) continue;
      const value = this.build(field.type, field.name, depth + 1);
      if (value) entries.push([key(field.name), value]);
      else if (field.required) return undefined;
    }
    if (decl.fields.length === 0 && decl.additional)
      return this.build({ kind: "map", values: decl.additional }, undefined, depth);
    return { kind: "object", entries };
  }
}

/** A type's text contains a file (`Upload`), which not every package's entry point exports. */
function mentionsBinary(type: TypeRef): boolean {
  return someType(type, (t) => t.kind === "binary");
}

/** `const name: Type = ` (the type is left to inference when it would name `Upload`). */
function declaration(local: string, type: TypeRef, imports: ExampleImports): string {
  return mentionsBinary(type) ? `const ${local} = ` : `const ${local}: ${annotation(type, imports)} = `;
}

/** TypeScript type text for a variable's annotation, importing what it names. */
function annotation(type: TypeRef, imports: ExampleImports): string {
  // Binary is not reached: declaration() leaves such types to inference.
  return printType(type, { named: (decl) => imports.decl(decl), binary: "Uint8Array" });
}

/** `<thread_id>` for `threadId`: a placeholder that says what belongs there. */
function placeholder(name: string | undefined): string {
  const snake = snakeCase(name ?? "");
  return snake ? `<${snake}>` : "<value>";
}

function exampleNumber(name: string | undefined): number {
  if (name && /(At|_at|Timestamp)$/.test(name)) return 1700000000;
  if (name && /limit|count|size|max/i.test(name)) return 20;
  return 1;
}

/** `fileIds` → `fileId`, `entries` → `entry`: the name of one item. */
function singular(name: string): string {
  if (/ies$/.test(name)) return name.slice(0, -3) + "y";
  if (/[^s]s$/.test(name)) return name.slice(0, -1);
  return name;
}

/** The status an example checks for: the first 2xx the operation declares (200 otherwise). */
function successStatus(op: Operation): number {
  const status = op.responses.map((r) => r.status).find((s) => /^2\d\d$/.test(s));
  return status ? Number(status) : 200;
}

function credential(kind: string): string {
  return kind === "basic" ? "<USERNAME>:<PASSWORD>" : "<YOUR_API_KEY>";
}

export interface SecurityOption {
  readonly kind: string;
  readonly optionName: string;
}

/** A complete program calling one operation. */
export function usageExample(op: Operation, tag: Tag, security: readonly SecurityOption[], config: GenConfig): string {
  const imports = new ExampleImports(config);
  const client = imports.root(config.sdkClassName);
  const { callArgs, declarations } = callArguments(op, imports);
  const first = security[0];
  const options = first ? `{\n    ${key(first.optionName)}: ${str(credential(first.kind))},\n  }` : "";
  const call = `${access(access("sdk", tag.propertyName), op.methodName)}(${callArgs.join(", ")})`;
  return [
    imports.render(),
    "",
    "async function run() {",
    `  const sdk = new ${client}(${options});`,
    "",
    ...(declarations.length > 0 ? [...declarations, ""] : []),
    `  const res = await ${call};`,
    "",
    `  if (res.statusCode == ${successStatus(op)}) {`,
    "    // handle response",
    "  }",
    "}",
    "",
    "run();",
  ].join("\n");
}

/** Stands in for a value no finite example exists for. */
const UNBUILDABLE = raw("{} as any");

interface CallArguments {
  /** The call's arguments as code. */
  readonly callArgs: string[];
  /** `const` statements for the locals the arguments name. */
  readonly declarations: string[];
}

function callArguments(op: Operation, imports: ExampleImports): CallArguments {
  const values = new ExampleValues(imports);
  const { style, args } = op.call;
  if (style === "positional" && args.length === 1 && args[0].input?.kind === "body") {
    // A body-only call reads best with the body written inline.
    const body = values.build(args[0].input.type, undefined, 0) ?? UNBUILDABLE;
    return { callArgs: [printValue(body, "  ")], declarations: [] };
  }
  if (style === "positional") return positionalArguments(op, imports, values);
  return { callArgs: [requestArgument(op, values)], declarations: [] };
}

/** One local per argument, then an options object with the required options, if any. */
function positionalArguments(op: Operation, imports: ExampleImports, values: ExampleValues): CallArguments {
  const declarations: string[] = [];
  const callArgs = op.call.args.map((arg) => {
    if (!arg.input) return "undefined"; // a position the API no longer has
    const local = imports.reserve(arg.name);
    const type = arg.input.type;
    const value = values.build(type, arg.name, 0) ?? UNBUILDABLE;
    declarations.push(`  ${declaration(local, type, imports)}${printValue(value, "  ")};`);
    return local;
  });
  const required = op.call.optionInputs.filter(({ input }) => input.required);
  if (required.length > 0) {
    const entries = required.map(({ name, input }): [string, ValueNode] => [
      key(name),
      values.build(input.type, input.field, 1) ?? UNBUILDABLE,
    ]);
    callArgs.push(printValue({ kind: "object", entries }, "  "));
  }
  return { callArgs, declarations };
}

/** The single request object: one entry per input that has a value or must be given. */
function requestArgument(op: Operation, values: ExampleValues): string {
  const entries: [string, ValueNode][] = [];
  for (const input of op.call.inputs) {
    // The body's placeholders are named after its fields, not after the body itself.
    const value = values.build(input.type, input.kind === "body" ? undefined : input.field, 1);
    if (value) entries.push([key(input.field), value]);
    else if (input.required || input.kind === "body") entries.push([key(input.field), UNBUILDABLE]);
  }
  return printValue({ kind: "object", entries }, "  ");
}

/** A short program using an enum from its documented import path. */
export function enumExample(decl: EnumDecl, config: GenConfig): string | undefined {
  const first = decl.members[0];
  if (!first) return undefined;
  const imports = new ExampleImports(config);
  const local = imports.decl(decl);
  return `${imports.render()}\n\nconst value: ${local} = ${access(local, first.name)};`;
}
