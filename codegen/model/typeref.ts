/**
 * Walks over a TypeRef (ir.ts), so each emitter says only what it wants from a type and the
 * nesting rules live in one place. A walk does not enter a named type's declaration: what to
 * do there (follow it, stop, guard against cycles) is the caller's choice.
 */
import type { TypeRef } from "./ir";

type Of<K extends TypeRef["kind"]> = Extract<TypeRef, { readonly kind: K }>;

/** Types with nothing inside, written as a keyword (`binary` as the style's file type). */
export type KeywordType = Of<"string" | "number" | "boolean" | "unknown" | "binary" | "null">;

/** The types directly inside one. */
export function childTypes(type: TypeRef): readonly TypeRef[] {
  switch (type.kind) {
    case "array":
      return [type.items];
    case "map":
      return [type.values];
    case "union":
      return type.members;
    case "nullable":
      return [type.inner];
    default:
      return [];
  }
}

/** True when `predicate` holds for the type or one inside it; depth-first, left to right, stopping at the first hit. */
export function someType(type: TypeRef, predicate: (type: TypeRef) => boolean): boolean {
  return predicate(type) || childTypes(type).some((child) => someType(child, predicate));
}

/** One case per kind. Types with types inside get those already folded (inner first, left to right). */
export interface TypeFolder<R> {
  keyword(type: KeywordType): R;
  literal(type: Of<"literal">): R;
  named(type: Of<"named">): R;
  array(items: R, type: Of<"array">): R;
  map(values: R, type: Of<"map">): R;
  union(members: R[], type: Of<"union">): R;
  nullable(inner: R, type: Of<"nullable">): R;
}

/** Folds a type bottom-up into one value (its text, say). */
export function foldType<R>(type: TypeRef, folder: TypeFolder<R>): R {
  switch (type.kind) {
    case "literal":
      return folder.literal(type);
    case "named":
      return folder.named(type);
    case "array":
      return folder.array(foldType(type.items, folder), type);
    case "map":
      return folder.map(foldType(type.values, folder), type);
    case "union":
      return folder.union(
        type.members.map((member) => foldType(member, folder)),
        type,
      );
    case "nullable":
      return folder.nullable(foldType(type.inner, folder), type);
    default:
      return folder.keyword(type);
  }
}
