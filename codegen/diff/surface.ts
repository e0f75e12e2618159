/** The SDK's public surface, flattened to comparable entries: operations, parameters, fields, enum values. */
import type { ApiModel, Decl, TypeRef } from "../model/ir";
import { printType } from "../emit/print-type";

export interface SurfaceEntry {
  /** Stable key, e.g. `op:createAssistant`, `param:createAssistant.limit`, `field:AssistantObject.fileIds`. */
  readonly key: string;
  readonly kind: "operation" | "parameter" | "field" | "model" | "enum value";
  /** How users see it: `sdk.assistants.createAssistant`, `AssistantObject.fileIds`. */
  readonly label: string;
  readonly type?: string;
  readonly required?: boolean;
  readonly deprecated?: boolean;
}

export function surfaceOf(model: ApiModel): Map<string, SurfaceEntry> {
  const out = new Map<string, SurfaceEntry>();
  const add = (entry: SurfaceEntry) => out.set(entry.key, entry);
  for (const tag of model.tags) {
    for (const op of tag.operations) {
      const label = `sdk.${tag.propertyName}.${op.methodName}`;
      add({ key: `op:${op.operationId}`, kind: "operation", label, deprecated: op.deprecated === true });
      for (const p of op.params) {
        add({ key: `param:${op.operationId}.${p.in}.${p.wireName}`, kind: "parameter", label: `${label}(${p.name})`, type: typeText(p.type), required: p.required, deprecated: p.deprecated === true });
      }
      if (op.body) add({ key: `param:${op.operationId}.body`, kind: "parameter", label: `${label}(request body)`, type: typeText(op.body.type), required: op.body.required });
    }
  }
  for (const decl of model.decls) {
    if (decl.namespace !== "shared") continue;
    add({ key: `model:${decl.name}`, kind: "model", label: decl.name, deprecated: decl.deprecated === true });
    if (decl.kind === "object") {
      for (const f of decl.fields) {
        add({ key: `field:${decl.name}.${f.wireName}`, kind: "field", label: `${decl.name}.${f.name}`, type: typeText(f.type), required: f.required, deprecated: f.deprecated === true });
      }
    } else if (decl.kind === "enum") {
      for (const m of decl.members) add({ key: `enum:${decl.name}.${String(m.value)}`, kind: "enum value", label: `${decl.name}.${m.name} (${JSON.stringify(m.value)})` });
    }
  }
  return out;
}

/** A type as text, naming declarations rather than expanding them (so renames show as changes). */
export function typeText(type: TypeRef): string {
  return printType(type, { named: declLabel, binary: "Upload" });
}

function declLabel(decl: Decl): string {
  return decl.namespace === "shared" ? decl.name : `operations.${decl.name}`;
}
