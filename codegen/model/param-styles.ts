/**
 * A parameter's `style` and `explode` (OpenAPI 3.0 §4.7.12.4, 3.1 §4.8.12.4), checked against
 * its location and the kind of value its schema gives. A combination the style tables leave
 * undefined, or a style the location does not have, is a located error naming the parameter:
 * the SDK never sends a value in a style other than the one the document asks for.
 */
import type { Resolver } from "../load/refs";
import type { Param, ParamStyle, TypeRef } from "./ir";

const STYLES: Readonly<Record<Param["in"], readonly ParamStyle[]>> = {
  query: ["form", "spaceDelimited", "pipeDelimited", "deepObject"],
  path: ["simple", "label", "matrix"],
  header: ["simple"],
  cookie: ["form"],
};

export interface StyleChoice {
  readonly style: ParamStyle;
  readonly explode: boolean;
}

/** The parameter's style and explode, defaults applied; throws a located error when the SDK cannot honour them. */
export function paramStyleOf(
  resolver: Resolver,
  pointer: string,
  p: { readonly name: string; readonly in: Param["in"]; readonly style?: unknown; readonly explode?: unknown },
  type: TypeRef,
): StyleChoice {
  const allowed = STYLES[p.in];
  const fail = (problem: string) => resolver.error(pointer, `${p.in} parameter "${p.name}": ${problem}`);
  const style = p.style === undefined ? allowed[0] : p.style;
  if (typeof style !== "string" || !allowed.includes(style as ParamStyle)) {
    throw fail(`style ${JSON.stringify(style)} is not one of ${allowed.join(", ")} (the styles of ${p.in} parameters)`);
  }
  if (p.explode !== undefined && typeof p.explode !== "boolean") throw fail("`explode` must be true or false");
  const kind = valueKind(type);
  if (style === "deepObject") {
    if (p.explode === false) throw fail("style deepObject is defined only with explode: true");
    if (kind === "scalar" || kind === "array") {
      throw fail(`style deepObject serialises objects, not ${kind === "array" ? "arrays" : "single values"}`);
    }
    return { style, explode: true };
  }
  const explode = p.explode ?? style === "form";
  const delimited = style === "spaceDelimited" || style === "pipeDelimited";
  if (delimited && (kind === "scalar" || (kind === "object" && explode))) {
    const what = kind === "scalar" ? "single values" : "objects";
    throw fail(`style ${style}${explode ? " with explode: true" : ""} is not defined for ${what}`);
  }
  if (p.in === "cookie" && explode && (kind === "array" || kind === "object")) {
    throw fail("an exploded form-style array or object has no Cookie header form: set explode: false");
  }
  return { style: style as ParamStyle, explode };
}

type ValueKind = "scalar" | "array" | "object" | "unknown";

/** What a parameter's values are, as far as the type tells (`unknown` for `unknown` and mixed unions). */
function valueKind(type: TypeRef, seen: ReadonlySet<unknown> = new Set()): ValueKind {
  switch (type.kind) {
    case "string":
    case "number":
    case "boolean":
    case "literal":
    case "binary":
      return "scalar";
    case "array":
      return "array";
    case "map":
      return "object";
    case "nullable":
      return valueKind(type.inner, seen);
    case "union": {
      const kinds = new Set(type.members.map((m) => valueKind(m, seen)));
      return kinds.size === 1 ? [...kinds][0] : "unknown";
    }
    case "named":
      if (type.decl.kind === "object") return "object";
      if (type.decl.kind === "enum") return "scalar";
      return seen.has(type.decl) ? "unknown" : valueKind(type.decl.type, new Set([...seen, type.decl]));
    default:
      return "unknown";
  }
}
