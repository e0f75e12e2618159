/**
 * Each operation's OperationDef (the runtime's contract type), built as a typed object and
 * printed by one small serializer: a field the contract renames or adds fails to compile
 * here, not in the generated package.
 */
import {
  type BodyDef,
  type HttpMethod,
  normalizeMediaType,
  type OperationDef,
  type PathParamDef,
  type QueryParamDef,
  type ResponseDef,
} from "../../../src/internal/contract";
import type { Operation, Param, Response, TypeRef } from "../../model/ir";
import { key, str } from "../code";
import { mapExpr } from "./codecs";
import type { Imports } from "./imports";

/** Code text standing for a value that exists only at run time (an encode or decode function). */
export class Code {
  constructor(readonly text: string) {}
}

/** A contract type as the generator builds it: each function is the code that makes it. */
export type Source<T> = T extends (...args: never[]) => unknown
  ? Code
  : T extends readonly (infer Item)[]
    ? readonly Source<Item>[]
    : T extends object
      ? { readonly [K in keyof T]: Source<T[K]> }
      : T;

export function operationDefName(op: Operation): string {
  return `${op.methodName}Operation`;
}

/** `const <name>Operation: OperationDef = { ... };` */
export function operationDefCode(op: Operation, imports: Imports): string {
  const def = operationDefSource(op, imports);
  return `const ${operationDefName(op)}: OperationDef = ${printObjectLines(def, ["responses"])};\n`;
}

function operationDefSource(op: Operation, imports: Imports): Source<OperationDef> {
  const inLocation = (location: string) => op.params.filter((p) => p.in === location);
  const nonEmpty = <T>(items: T[]) => (items.length > 0 ? items : undefined);
  return {
    operationId: op.operationId,
    method: op.httpMethod as HttpMethod,
    path: op.path,
    headers: Object.keys(op.headers).length > 0 ? op.headers : undefined,
    pathParams: nonEmpty(inLocation("path").map(pathParamSource)),
    queryParams: nonEmpty(inLocation("query").map(queryParamSource)),
    headerParams: nonEmpty(
      inLocation("header").map((p) => ({
        name: p.wireName,
        required: p.required || undefined,
        explode: p.explode || undefined,
      })),
    ),
    cookieParams: nonEmpty(inLocation("cookie").map((p) => ({ name: p.wireName, required: p.required || undefined }))),
    body: op.body && bodySource(op.body.kind, op.body.mediaType, op.body.required, op.body.type, imports),
    responses: op.responses.map((r) => responseSource(r, imports)),
    secured: op.secured,
  };
}

/** A bare name for the default (simple, not exploded); else the style and explode that differ from it. */
function pathParamSource(p: Param): string | Source<PathParamDef> {
  const style = p.style === "label" || p.style === "matrix" ? p.style : undefined;
  if (!style && !p.explode) return p.wireName;
  return { name: p.wireName, style, explode: p.explode || undefined };
}

/** Style and explode only where they differ from form's defaults (deepObject is always exploded). */
function queryParamSource(p: Param): Source<QueryParamDef> {
  const delimited = p.style === "spaceDelimited" || p.style === "pipeDelimited";
  const style = delimited || p.style === "deepObject" ? p.style : undefined;
  const defaultExplode = style === undefined || style === "deepObject";
  return {
    name: p.wireName,
    required: p.required || undefined,
    style,
    explode: p.explode === defaultExplode ? undefined : p.explode,
  };
}

function bodySource(
  kind: BodyDef["kind"],
  mediaType: string,
  required: boolean,
  type: TypeRef,
  imports: Imports,
): Source<BodyDef> {
  const encode = mapExpr(type, "value", "toWire", imports);
  return { kind, contentType: mediaType, required, encode: encode ? asFunction(encode) : undefined };
}

function responseSource(r: Response, imports: Imports): Source<ResponseDef> {
  const decoded = (r.kind === "json" || r.kind === "stream") && r.type;
  const decode = decoded ? mapExpr(r.type!, "value", "fromWire", imports) : undefined;
  const shape = r.kind === "json" && r.type ? jsonShape(r.type) : undefined;
  return {
    status: r.status,
    kind: r.kind,
    contentType: r.mediaType ? normalizeMediaType(r.mediaType) : undefined,
    field: r.fieldName,
    decode: decode ? asFunction(decode) : undefined,
    jsonType: shape?.type,
    nullable: shape?.nullable || undefined,
    envelope: r.envelope || undefined,
  };
}

/**
 * Always an arrow function, never `X$.fromWire` itself: the models are then first touched
 * by a call, not when this module loads (the built package loads them on first use).
 */
function asFunction(expr: string): Code {
  return new Code(`(value) => ${expr}`);
}

/** The JSON kind a response schema promises at its top level, so the runtime can reject another. */
function jsonShape(
  type: TypeRef,
  nullable = false,
): { type: NonNullable<ResponseDef["jsonType"]>; nullable: boolean } | undefined {
  switch (type.kind) {
    case "nullable":
      return jsonShape(type.inner, true);
    case "string":
    case "number":
    case "boolean":
      return { type: type.kind, nullable };
    case "array":
      return { type: "array", nullable };
    case "map":
      return { type: "object", nullable };
    case "named":
      if (type.decl.kind === "object") return { type: "object", nullable };
      if (type.decl.kind === "alias") return jsonShape(type.decl.type, nullable);
      return { type: typeof type.decl.members[0]?.value === "number" ? "number" : "string", nullable };
    default:
      return undefined;
  }
}

type Printable =
  Code | string | number | boolean | undefined | readonly Printable[] | { readonly [key: string]: Printable };

/** An object literal with one property per line; arrays under `listKeys` get one item per line. */
function printObjectLines(value: { readonly [key: string]: Printable }, listKeys: readonly string[]): string {
  const lines = Object.entries(value).flatMap(([name, item]) => {
    if (item === undefined) return [];
    if (listKeys.includes(name) && Array.isArray(item)) {
      return [`  ${key(name)}: [\n${item.map((entry) => `    ${printInline(entry)},\n`).join("")}  ],`];
    }
    return [`  ${key(name)}: ${printInline(item)},`];
  });
  return `{\n${lines.join("\n")}\n}`;
}

function printInline(value: Printable): string {
  if (value instanceof Code) return value.text;
  if (typeof value === "string") return str(value);
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return `[${value.map(printInline).join(", ")}]`;
  const entries = Object.entries(value as { readonly [key: string]: Printable }).filter(
    ([, item]) => item !== undefined,
  );
  return `{ ${entries.map(([name, item]) => `${key(name)}: ${printInline(item)}`).join(", ")} }`;
}
