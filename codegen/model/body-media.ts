/**
 * Which of a request body's media types the SDK sends. JSON first, as most APIs prefer it; but
 * when the body is also offered as multipart/form-data and that schema has a file field
 * (`format: binary`), multipart: JSON cannot carry the file's bytes, multipart carries both.
 */
import { normalizeMediaType } from "../../src/internal/contract";
import type { SchemaObject } from "../load/openapi";
import { childPointer } from "../load/pointer";
import type { Resolver } from "../load/refs";

const PREFERRED = [
  "application/json",
  "multipart/form-data",
  "application/x-www-form-urlencoded",
  "text/plain",
  "application/octet-stream",
];

/** The media type to send, of those a body's `content` declares (undefined when it declares none). */
export function chooseBodyMedia(
  resolver: Resolver,
  content: Readonly<Record<string, unknown>>,
  pointer: string,
): string | undefined {
  const available = Object.keys(content);
  const multipart = available.find((m) => normalizeMediaType(m) === "multipart/form-data");
  if (multipart) {
    const schemaPointer = childPointer(childPointer(pointer, multipart), "schema");
    const media = content[multipart] as { schema?: unknown } | undefined;
    if (hasFileField(resolver, media?.schema, schemaPointer)) return multipart;
  }
  return pickMedia(available, PREFERRED);
}

export function pickMedia(available: readonly string[], preferred: readonly string[]): string | undefined {
  for (const p of preferred) {
    const hit = available.find((m) => normalizeMediaType(m) === p);
    if (hit) return hit;
  }
  return available.find((m) => /json/i.test(m)) ?? available[0];
}

/** True when a property of the object schema (or of one of its `allOf` parts) is a file or a list of files. */
function hasFileField(resolver: Resolver, schema: unknown, pointer: string, depth = 0): boolean {
  if (depth > 16) return false;
  const { node, pointer: at } = resolver.deref<SchemaObject | undefined>(schema, pointer);
  if (typeof node !== "object" || node === null) return false;
  const properties = typeof node.properties === "object" && node.properties !== null ? node.properties : {};
  const schemaAt = (schema: unknown, from: string) => resolver.deref<SchemaObject | undefined>(schema, from);
  const isFile = (name: string) => {
    const prop = schemaAt(properties[name], childPointer(childPointer(at, "properties"), name));
    if (prop.node?.format === "binary") return true;
    const items = prop.node?.items;
    return items !== undefined && schemaAt(items, childPointer(prop.pointer, "items")).node?.format === "binary";
  };
  if (Object.keys(properties).some(isFile)) return true;
  const parts = Array.isArray(node.allOf) ? node.allOf : [];
  return parts.some((part, i) => hasFileField(resolver, part, childPointer(childPointer(at, "allOf"), i), depth + 1));
}
