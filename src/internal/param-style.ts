/**
 * Parameter values written as OpenAPI's styles say (3.0 §4.7.12.4 and 3.1 §4.8.12.4 "Style
 * Values", after RFC 6570 for form, simple, label and matrix):
 *
 *   value              ["a", "b"]          { x: 1, y: 2 }
 *   query form         n=a&n=b | n=a,b     x=1&y=2 | n=x,1,y,2          (explode | not)
 *   query space/pipe   n=a%20b | n=a|b     n=x%201%20y%202 | n=x|1|y|2
 *   query deepObject   -                   n[x]=1&n[y]=2
 *   path simple        a,b                 x=1,y=2 | x,1,y,2
 *   path label         .a.b | .a,b         .x=1.y=2 | .x,1,y,2
 *   path matrix        ;n=a;n=b | ;n=a,b   ;x=1;y=2 | ;n=x,1,y,2
 *   header simple      a,b                 x=1,y=2 | x,1,y,2
 *   cookie form        n=a,b               n=x,1,y,2
 *
 * Names, keys and values are percent-encoded, except in headers, which carry them as they are.
 * undefined and null entries of an object are left out.
 */
import type { CookieParamDef, HeaderParamDef, PathParamDef, QueryParamDef } from "./contract";

/** A value split into what the styles join: an array's items, an object's entries, or a scalar. */
type Parts =
  | { readonly kind: "array"; readonly items: readonly unknown[] }
  | { readonly kind: "object"; readonly entries: readonly [string, unknown][] }
  | { readonly kind: "scalar"; readonly value: unknown };

function partsOf(value: unknown): Parts {
  if (Array.isArray(value)) return { kind: "array", items: value };
  if (typeof value === "object" && value !== null && !(value instanceof Date)) {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined && v !== null);
    return { kind: "object", entries };
  }
  return { kind: "scalar", value };
}

/** A scalar as text: dates as ISO 8601; anything nested deeper than a style reaches, as JSON. */
export function scalarText(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  return typeof value === "object" && value !== null ? JSON.stringify(value) : String(value);
}

const enc = (value: unknown): string => encodeURIComponent(scalarText(value));

/** An object's keys and values in one list (`x,1,y,2` when joined by commas). */
const flat = (entries: readonly [string, unknown][], code: (v: unknown) => string) =>
  entries.flatMap(([k, v]) => [code(k), code(v)]);

const pairs = (entries: readonly [string, unknown][], code: (v: unknown) => string) =>
  entries.map(([k, v]) => `${code(k)}=${code(v)}`);

const DELIMITER = { form: ",", spaceDelimited: "%20", pipeDelimited: "|" } as const;

/** The `name=value` pairs of one query parameter, each encoded. */
export function queryPairs(def: QueryParamDef, value: unknown): string[] {
  const name = encodeURIComponent(def.name);
  const style = def.style ?? "form";
  if (style === "deepObject") return deepObjectPairs(name, value);
  const explode = def.explode ?? style === "form";
  const parts = partsOf(value);
  const delimiter = DELIMITER[style];
  switch (parts.kind) {
    case "array":
      if (explode) return parts.items.map((item) => `${name}=${enc(item)}`);
      return [`${name}=${parts.items.map(enc).join(delimiter)}`];
    case "object":
      return explode ? pairs(parts.entries, enc) : [`${name}=${flat(parts.entries, enc).join(delimiter)}`];
    case "scalar":
      return [`${name}=${enc(parts.value)}`];
  }
}

/** `name[key]=value` for each entry, brackets nesting deeper objects; an array repeats its key. */
function deepObjectPairs(prefix: string, value: unknown): string[] {
  const parts = partsOf(value);
  if (parts.kind === "array") return parts.items.flatMap((item) => deepObjectPairs(prefix, item));
  if (parts.kind === "object") {
    return parts.entries.flatMap(([key, v]) => deepObjectPairs(`${prefix}[${encodeURIComponent(key)}]`, v));
  }
  return [`${prefix}=${enc(parts.value)}`];
}

/** The text that replaces `{name}` in the path. */
export function pathText(def: string | PathParamDef, value: unknown): string {
  const { name, style = "simple", explode = false } = typeof def === "string" ? { name: def } : def;
  const parts = partsOf(value);
  let text: string;
  if (style === "matrix") text = matrix(encodeURIComponent(name), parts, explode);
  else {
    const joiner = style === "label" && explode ? "." : ",";
    const body =
      parts.kind === "array"
        ? parts.items.map(enc).join(joiner)
        : parts.kind === "object"
          ? (explode ? pairs(parts.entries, enc) : flat(parts.entries, enc)).join(joiner)
          : enc(parts.value);
    text = style === "label" ? `.${body}` : body;
  }
  return keepDotSegment(text);
}

/** A segment of dots alone would be collapsed by URL parsers, so its dots are encoded too. */
export function keepDotSegment(segment: string): string {
  return /^\.+$/.test(segment) ? segment.replace(/\./g, "%2E") : segment;
}

function matrix(name: string, parts: Parts, explode: boolean): string {
  const one = (key: string, value: string) => (value === "" ? `;${key}` : `;${key}=${value}`);
  switch (parts.kind) {
    case "array":
      if (explode) return parts.items.map((item) => one(name, enc(item))).join("");
      return one(name, parts.items.map(enc).join(","));
    case "object":
      return explode
        ? parts.entries.map(([k, v]) => one(encodeURIComponent(k), enc(v))).join("")
        : one(name, flat(parts.entries, enc).join(","));
    case "scalar":
      return one(name, enc(parts.value));
  }
}

/** A header's value (style simple), not encoded. */
export function headerText(def: HeaderParamDef, value: unknown): string {
  const parts = partsOf(value);
  if (parts.kind === "array") return parts.items.map(scalarText).join(",");
  if (parts.kind === "object") {
    return (def.explode ? pairs(parts.entries, scalarText) : flat(parts.entries, scalarText)).join(",");
  }
  return scalarText(parts.value);
}

/** One `name=value` pair of the Cookie header (style form, not exploded). */
export function cookiePair(def: CookieParamDef, value: unknown): string {
  const parts = partsOf(value);
  const text =
    parts.kind === "array"
      ? parts.items.map(enc).join(",")
      : parts.kind === "object"
        ? flat(parts.entries, enc).join(",")
        : enc(parts.value);
  return `${encodeURIComponent(def.name)}=${text}`;
}
