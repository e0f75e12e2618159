/**
 * An OpenAPI document reduced to its facts: paths, operations, parameters, schemas, names, types,
 * formats, enums, defaults, constraints, security, and the `beta` flag of `x-oaiMeta`. Prose and
 * samples are dropped: descriptions, summaries, examples, external docs, the rest of `x-oaiMeta`.
 * What is left is still a valid document, so tests generate, diff and serve it like the original.
 *
 * Where a test must know where the document has prose, and whether ours repeats it, it gets a
 * hash of each text by its JSON pointer (proseHashes), never the text.
 */
import { createHash } from "node:crypto";

/** Keywords whose value is text or samples, not a fact about the API. */
export const PROSE_KEYWORDS: readonly string[] = [
  ...["description", "summary", "example", "examples", "externalDocs", "termsOfService", "contact", "$comment"],
];
const PROSE = new Set(PROSE_KEYWORDS);

/** Keywords whose value maps names (properties, paths, status codes, media types...) to objects. */
const NAME_MAPS = new Set([
  ...["properties", "patternProperties", "$defs", "definitions", "dependentSchemas", "paths", "webhooks", "pathItems"],
  ...["schemas", "responses", "parameters", "requestBodies", "headers", "securitySchemes", "links", "callbacks"],
  ...["content", "encoding", "mapping", "variables"],
]);

/** Keywords whose value is data, kept exactly: values the API takes or sends, and vendor extensions. */
const DATA = new Set(["enum", "default", "const", "required", "security"]);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A JSON value, checked: a YAML date or a non-finite number would not survive JSON. */
function data(value: unknown, pointer: string): Json {
  if (value === null || typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (Array.isArray(value)) return value.map((item, i) => data(item, `${pointer}/${i}`));
  if (isObject(value) && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, data(v, `${pointer}/${k}`)]));
  }
  throw new Error(`${pointer}: ${String(value)} is not a JSON value`);
}

function keyword(key: string, value: unknown, pointer: string): Json | undefined {
  if (PROSE.has(key)) return undefined;
  if (key === "x-oaiMeta") return isObject(value) && value.beta === true ? { beta: true } : undefined;
  if (key === "scopes" && isObject(value)) return Object.fromEntries(Object.keys(value).map((scope) => [scope, ""]));
  if (DATA.has(key) || key.startsWith("x-")) return data(value, pointer);
  if (NAME_MAPS.has(key) && isObject(value)) {
    const strip = key === "responses" ? stripResponse : stripProse;
    return Object.fromEntries(Object.entries(value).map(([name, v]) => [name, strip(v, `${pointer}/${name}`)]));
  }
  return stripProse(value, pointer);
}

/** A Response Object must have a `description`: it stays, empty, where it was. */
function stripResponse(node: unknown, pointer: string): Json {
  const stripped = stripProse(node, pointer);
  if (!isObject(node) || typeof node.description !== "string" || !isObject(stripped)) return stripped;
  const keys = Object.keys(node).filter((key) => key === "description" || key in stripped);
  return Object.fromEntries(keys.map((key) => [key, key === "description" ? "" : stripped[key]]));
}

/** The facts of a document (or of any of its objects). */
export function stripProse(node: unknown, pointer = "#"): Json {
  if (Array.isArray(node)) return node.map((item, i) => stripProse(item, `${pointer}/${i}`));
  if (!isObject(node)) return data(node, pointer);
  const out: Record<string, Json> = {};
  for (const [key, value] of Object.entries(node)) {
    const kept = keyword(key, value, `${pointer}/${key}`);
    if (kept !== undefined) out[key] = kept;
  }
  return out;
}

/** Text as prose checks compare it: runs of white space as one space, trimmed. */
export function normalizeProse(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** The first 16 hex digits of the SHA-256 of the normalized text. */
export function proseHash(text: string): string {
  return createHash("sha256").update(normalizeProse(text)).digest("hex").slice(0, 16);
}

const escape = (key: string) => key.replace(/~/g, "~0").replace(/\//g, "~1");

/**
 * JSON pointer (`/paths/~1files/get/summary`) → proseHash of every description, summary and title
 * outside examples and `x-oaiMeta`.
 */
export function proseHashes(node: unknown, pointer = "", out: Record<string, string> = {}): Record<string, string> {
  if (Array.isArray(node)) node.forEach((item, i) => proseHashes(item, `${pointer}/${i}`, out));
  if (!isObject(node)) return out;
  for (const [key, value] of Object.entries(node)) {
    const at = `${pointer}/${escape(key)}`;
    if (["description", "summary", "title"].includes(key) && typeof value === "string") out[at] = proseHash(value);
    else if (PROSE.has(key) || key === "x-oaiMeta" || DATA.has(key) || key.startsWith("x-")) continue;
    else if (NAME_MAPS.has(key) && isObject(value)) {
      for (const [name, v] of Object.entries(value)) proseHashes(v, `${at}/${escape(name)}`, out);
    } else proseHashes(value, at, out);
  }
  return out;
}
