/**
 * How a TypeRef reads as TypeScript text, shared by every printer (code, docs, examples, --diff).
 * Callers only say how a declaration's name and a leaf look.
 */
import type { Decl, TypeRef } from "../model/ir";
import { foldType } from "../model/typeref";
import { literal } from "./code";

export interface TypeStyle {
  /** How a reference to a declaration reads (and any import it needs). */
  named(decl: Decl): string;
  /** What a `format: binary` value is called. */
  readonly binary: string;
  /** Decorates a leaf: a keyword (`string`, `null`, the binary name) or a literal's code. */
  leaf?(text: string, kind: "keyword" | "literal"): string;
}

export function printType(type: TypeRef, style: TypeStyle): string {
  const leaf = (text: string, kind: "keyword" | "literal") => (style.leaf ? style.leaf(text, kind) : text);
  return foldType<string>(type, {
    keyword: (t) => leaf(t.kind === "binary" ? style.binary : t.kind, "keyword"),
    literal: (t) => leaf(literal(t.value), "literal"),
    named: (t) => style.named(t.decl),
    // `A | B` and `A | null` need parentheses to be an array's item type.
    array: (items, t) => (t.items.kind === "union" || t.items.kind === "nullable" ? `(${items})[]` : `${items}[]`),
    map: (values) => `Record<string, ${values}>`,
    union: (members) => members.join(" | "),
    nullable: (inner) => `${inner} | ${leaf("null", "keyword")}`,
  });
}
