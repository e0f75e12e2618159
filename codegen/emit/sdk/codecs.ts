/**
 * Wire <-> model mapping as plain code. For each type this decides whether values need
 * any mapping at all (enums and primitives do not) and writes the expression that does it.
 */
import type { Decl, ObjectDecl, TypeRef } from "../../model/ir";
import { someType } from "../../model/typeref";
import { str } from "../code";
import { type Imports, internalPath } from "./imports";
import { shapeFields, shapesOf } from "./shapes";

export type Direction = "fromWire" | "toWire";

const codecMemo = new WeakMap<Decl, boolean>();

/** True when a declaration's values differ between wire and model (so it gets a `$` codec). */
export function hasCodec(decl: Decl, visiting = new Set<Decl>()): boolean {
  const known = codecMemo.get(decl);
  if (known !== undefined) return known;
  if (decl.kind === "object") return true;
  if (decl.kind === "enum") return false;
  if (visiting.has(decl)) return false;
  visiting.add(decl);
  const result = needsMapping(decl.type, visiting);
  visiting.delete(decl);
  codecMemo.set(decl, result);
  return result;
}

/** True when a value of this type differs between wire and model somewhere inside. */
function needsMapping(type: TypeRef, visiting = new Set<Decl>()): boolean {
  return someType(type, (t) => t.kind === "named" && hasCodec(t.decl, visiting));
}

/** An expression mapping `value` in one direction, or undefined when the value passes as it is. */
export function mapExpr(
  type: TypeRef,
  value: string,
  direction: Direction,
  imports: Imports,
  depth = 0,
): string | undefined {
  if (!needsMapping(type)) return undefined;
  const runtime = internalPath(imports);
  const param = `v${depth}`;
  switch (type.kind) {
    case "named":
      return `${imports.ref(type.decl, "$")}.${direction}(${value})`;
    case "nullable":
      return mapExpr(type.inner, value, direction, imports, depth);
    case "array": {
      imports.add(runtime, "mapArray");
      return `mapArray(${value}, (${param}) => ${mapExpr(type.items, param, direction, imports, depth + 1)})`;
    }
    case "map": {
      imports.add(runtime, "mapRecord");
      return `mapRecord(${value}, (${param}) => ${mapExpr(type.values, param, direction, imports, depth + 1)})`;
    }
    case "union":
      return unionExpr(type, value, direction, imports, depth);
    default:
      return undefined;
  }
}

function unionExpr(
  type: Extract<TypeRef, { kind: "union" }>,
  value: string,
  direction: Direction,
  imports: Imports,
  depth: number,
): string {
  const runtime = internalPath(imports);
  const param = `v${depth}`;
  const memberMap = (member: TypeRef) => mapExpr(member, param, direction, imports, depth + 1);
  if (type.discriminator) {
    const { property, tags } = type.discriminator;
    const entries = tags
      .map(({ value: tag, member }) => ({ tag, body: memberMap(type.members[member]) }))
      .filter((e) => e.body !== undefined)
      .map((e) => `${str(e.tag)}: (${param}) => ${e.body}`);
    imports.add(runtime, "byDiscriminator");
    const modelProperty = direction === "toWire" ? modelNameOf(type.members[tags[0].member], property) : property;
    return `byDiscriminator(${value}, ${str(modelProperty)}, { ${entries.join(", ")} })`;
  }
  imports.add(runtime, "byShape");
  // A member with several shapes (a nested union) is listed once per shape, with the same map.
  const members = type.members.flatMap((member) => {
    const body = memberMap(member);
    const map = body ? `, map: (${param}: any) => ${body}` : "";
    return shapesOf(member, direction).map((shape) => `{ ${shapeFields(shape)}${map} }`);
  });
  return `byShape(${value}, [${members.join(", ")}])`;
}

/** The model-side name of a wire property in a union member (`type` stays `type`). */
function modelNameOf(member: TypeRef, wireName: string): string {
  const decl = objectDecl(member);
  return decl?.fields.find((f) => f.wireName === wireName)?.name ?? wireName;
}

function objectDecl(type: TypeRef): ObjectDecl | undefined {
  if (type.kind === "nullable") return objectDecl(type.inner);
  if (type.kind !== "named") return undefined;
  if (type.decl.kind === "object") return type.decl;
  return type.decl.kind === "alias" ? objectDecl(type.decl.type) : undefined;
}
