/**
 * The SDK's public surface as users compile against it, flattened to comparable entries:
 * methods and their argument positions, inputs (parameters, request bodies), result fields,
 * exported types, model fields and enum members. Each entry knows which way data flows
 * through it, because that decides whether a change breaks callers (see compare.ts).
 */
import { inputKey } from "../model/call-shape";
import type { ApiModel, Decl, Operation, TypeRef } from "../model/ir";
import { someType } from "../model/typeref";
import { printType } from "../emit/print-type";

/** `input`: users send it; `output`: users read it; `both`: a model used either way. */
export type Direction = "input" | "output" | "both";

export interface SurfaceEntry {
  /** Stable key, e.g. `op:createRun`, `arg:createRun#1`, `input:createRun.query:include`. */
  readonly key: string;
  readonly kind: "operation" | "argument" | "parameter" | "result field" | "type" | "field" | "enum value";
  /** How users see it: `sdk.assistants.createRun`, `AssistantObject.fileIds`. */
  readonly label: string;
  readonly direction?: Direction;
  readonly type?: string;
  readonly required?: boolean;
  readonly deprecated?: boolean;
  /** For arguments: the input the position carries (`body`, `path:thread_id`). */
  readonly carries?: string;
  /** For operations: `positional` or `request`. */
  readonly style?: string;
  /** The key of the operation or type it belongs to: it is not listed when that came or went with it. */
  readonly owner?: string;
}

export interface Surface {
  readonly entries: ReadonlyMap<string, SurfaceEntry>;
  /** Operations the document has under tags gen.yaml does not select. */
  readonly unselected: ReadonlyMap<string, string>;
}

export function surfaceOf(model: ApiModel): Surface {
  const out = new Map<string, SurfaceEntry>();
  const add = (entry: SurfaceEntry) => out.set(entry.key, entry);
  for (const tag of model.tags) {
    for (const op of tag.operations) operationEntries(op, `sdk.${tag.propertyName}.${op.methodName}`, add);
  }
  const directions = declDirections(model);
  for (const decl of model.decls) declEntries(decl, directions.get(decl), add);
  return { entries: out, unselected: new Map(model.unselected.map((u) => [u.operationId, u.tag])) };
}

function operationEntries(op: Operation, label: string, add: (entry: SurfaceEntry) => void): void {
  const { style, args, inputs, optionInputs, resultFields } = op.call;
  const owner = `op:${op.operationId}`;
  add({ key: owner, kind: "operation", label, style, deprecated: op.deprecated === true });
  if (style === "positional") {
    args.forEach((arg, i) => {
      const carries = arg.removedKey ?? inputKey(arg.input!);
      add({
        key: `arg:${op.operationId}#${i}`,
        kind: "argument",
        label: `${label} argument ${i + 1} (${arg.name})`,
        carries,
        owner,
      });
    });
  }
  for (const input of inputs) {
    const option = optionInputs.find((o) => o.input === input);
    const name = option ? `options.${option.name}` : input.kind === "body" ? "request body" : input.field;
    const deprecated = input.kind === "param" && input.param.deprecated === true;
    const entry = {
      kind: "parameter",
      label: `${label}(${name})`,
      direction: "input",
      type: typeText(input.type),
      owner,
    } as const;
    add({ ...entry, key: `input:${op.operationId}.${inputKey(input)}`, required: input.required, deprecated });
  }
  for (const field of resultFields) {
    const type = field.kind === "bytes" ? "Uint8Array" : typeText(field.type);
    const key = `result:${op.operationId}.${field.name}`;
    add({ key, kind: "result field", label: `${label} → res.${field.name}`, direction: "output", type, owner });
  }
}

function declEntries(decl: Decl, direction: Direction | undefined, add: (entry: SurfaceEntry) => void): void {
  const name = declLabel(decl);
  const owner = `type:${name}`;
  add({ key: owner, kind: "type", label: name, deprecated: decl.deprecated === true });
  if (decl.kind === "object") {
    for (const f of decl.fields) {
      const type = typeText(f.type);
      const entry = { kind: "field", label: `${name}.${f.name}`, direction, type, owner } as const;
      add({ ...entry, key: `field:${name}.${f.wireName}`, required: f.required, deprecated: f.deprecated === true });
    }
  } else if (decl.kind === "enum") {
    for (const m of decl.members) {
      const label = `${name}.${m.name} (${JSON.stringify(m.value)})`;
      add({ key: `enum:${name}.${String(m.value)}`, kind: "enum value", label, direction, owner });
    }
  } else {
    add({ key: `field:${name}.=`, kind: "field", label: name, direction, type: typeText(decl.type), owner });
  }
}

/** Which way each declaration is used: reached from an operation's inputs, its results, or both. */
function declDirections(model: ApiModel): Map<Decl, Direction> {
  const seen = new Map<Decl, Direction>();
  const mark = (type: TypeRef, direction: "input" | "output") =>
    someType(type, (t) => {
      if (t.kind !== "named") return false;
      const was = seen.get(t.decl);
      if (was === direction || was === "both") return false;
      seen.set(t.decl, was ? "both" : direction);
      if (t.decl.kind === "object") {
        for (const f of t.decl.fields) mark(f.type, direction);
        if (t.decl.additional) mark(t.decl.additional, direction);
      } else if (t.decl.kind === "alias") mark(t.decl.type, direction);
      return false;
    });
  for (const op of model.tags.flatMap((t) => t.operations)) {
    for (const input of op.call.inputs) mark(input.type, "input");
    for (const field of op.call.resultFields) mark(field.type, "output");
  }
  return seen;
}

/** A type as text, naming declarations rather than expanding them (so renames show as changes). */
export function typeText(type: TypeRef): string {
  return printType(type, { named: declLabel, binary: "Upload" });
}

function declLabel(decl: Decl): string {
  return decl.namespace === "shared" ? decl.name : `operations.${decl.name}`;
}
