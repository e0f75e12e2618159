/**
 * The one walk over a TypeRef that every printer shares (code, docs, examples, --diff).
 * Callers only say how a declaration's name and a leaf look.
 */
import type { Decl, TypeRef } from "../model/ir";
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
  switch (type.kind) {
    case "string":
    case "number":
    case "boolean":
    case "null":
    case "unknown":
      return leaf(type.kind, "keyword");
    case "binary":
      return leaf(style.binary, "keyword");
    case "literal":
      return leaf(literal(type.value), "literal");
    case "named":
      return style.named(type.decl);
    case "array": {
      const items = printType(type.items, style);
      return type.items.kind === "union" || type.items.kind === "nullable" ? `(${items})[]` : `${items}[]`;
    }
    case "map":
      return `Record<string, ${printType(type.values, style)}>`;
    case "union":
      return type.members.map((m) => printType(m, style)).join(" | ");
    case "nullable":
      return `${printType(type.inner, style)} | ${leaf("null", "keyword")}`;
  }
}
