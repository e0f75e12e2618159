/**
 * The shapes of a union member without a discriminator (src/internal/codec.ts `Shape`), printed
 * as the literals the generated `byShape` calls take: the runtime picks the member whose shape
 * fits a value most specifically, so each shape says all the type knows about its values.
 */
import type { Shape } from "../../../src/internal/codec";
import type { Decl, EnumDecl, Field, ObjectDecl, TypeRef } from "../../model/ir";
import { key, literal, str } from "../code";
import type { Direction } from "./codecs";

type Tags = Record<string, string | number | boolean>;

/** Every shape a value of this type can take (a union or a nullable type has several). */
export function shapesOf(type: TypeRef, direction: Direction, visiting: ReadonlySet<Decl> = new Set()): Shape[] {
  switch (type.kind) {
    case "string":
    case "number":
    case "boolean":
    case "null":
      return [{ kind: type.kind }];
    case "literal":
      return [{ kind: typeof type.value as "string" | "number" | "boolean" }];
    case "binary":
    case "map":
      return [{ kind: "object" }];
    case "array": {
      const items = shapesOf(type.items, direction, visiting);
      return [items.some((s) => s.kind === "any") ? { kind: "array" } : { kind: "array", items }];
    }
    case "nullable":
      return [...shapesOf(type.inner, direction, visiting), { kind: "null" }];
    case "union":
      return type.members.flatMap((member) => shapesOf(member, direction, visiting));
    case "named":
      return namedShapes(type.decl, direction, visiting);
    default:
      return [{ kind: "any" }];
  }
}

function namedShapes(decl: Decl, direction: Direction, visiting: ReadonlySet<Decl>): Shape[] {
  if (decl.kind === "object") return [objectShape(decl, direction)];
  if (decl.kind === "enum") return [{ kind: typeof decl.members[0]?.value === "number" ? "number" : "string" }];
  // A type that contains itself says nothing more the second time round.
  if (visiting.has(decl)) return [{ kind: "any" }];
  return shapesOf(decl.type, direction, new Set([...visiting, decl]));
}

/** Required keys and constant properties, under the names of the side being read. */
function objectShape(decl: ObjectDecl, direction: Direction): Shape {
  const name = (f: Field) => (direction === "fromWire" ? f.wireName : f.name);
  const required = decl.fields.filter((f) => f.required).map(name);
  const tags: Tags = {};
  for (const field of decl.fields) {
    const value = constantOf(field.type);
    // `__proto__` in an object literal would set its prototype, not a key.
    if (field.required && value !== undefined && name(field) !== "__proto__") tags[name(field)] = value;
  }
  return {
    kind: "object",
    ...(required.length > 0 ? { required } : {}),
    ...(Object.keys(tags).length > 0 ? { tags } : {}),
  };
}

/** The one value a type allows (a literal, or an enum of one member). */
function constantOf(type: TypeRef): string | number | boolean | undefined {
  if (type.kind === "literal") return type.value;
  const single = type.kind === "named" && type.decl.kind === "enum" && type.decl.members.length === 1;
  if (single) return (type.decl as EnumDecl).members[0].value;
  return undefined;
}

/** The fields of a shape's literal: `kind: "object", required: ["type"], tags: { type: "text" }`. */
export function shapeFields(shape: Shape): string {
  const parts = [`kind: ${str(shape.kind)}`];
  if (shape.required) parts.push(`required: [${shape.required.map(str).join(", ")}]`);
  if (shape.tags) {
    const tags = Object.entries(shape.tags).map(([name, value]) => `${key(name)}: ${literal(value)}`);
    parts.push(`tags: { ${tags.join(", ")} }`);
  }
  if (shape.items) parts.push(`items: [${shape.items.map((s) => `{ ${shapeFields(s)} }`).join(", ")}]`);
  return parts.join(", ");
}
