/** Checks the document's shape before modelling, so later stages can trust it. */
import { childPointer } from "./pointer";
import type { Resolver } from "./refs";

export const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;

export function validateDocument(resolver: Resolver): void {
  const root = resolver.doc.root;
  const version = root.openapi;
  if (typeof version !== "string") {
    const hint = root.swagger ? ` (this is Swagger ${String(root.swagger)}; convert it to OpenAPI 3 first)` : "";
    throw resolver.error("#", `missing "openapi" version field${hint}`);
  }
  if (!/^3\.[01]\./.test(version))
    throw resolver.error("#/openapi", `OpenAPI ${version} is not supported (3.0.x and 3.1.x are)`);
  const paths = root.paths;
  if (paths !== undefined && !isPlainObject(paths)) throw resolver.error("#/paths", "paths must be an object");
  checkRefs(resolver, root, "#", 0);
  checkOperations(resolver, (paths ?? {}) as Record<string, unknown>);
}

/** Every `$ref` in the document must point somewhere that exists. */
function checkRefs(resolver: Resolver, node: unknown, pointer: string, depth: number): void {
  if (typeof node !== "object" || node === null || depth > 500) return;
  if (Array.isArray(node)) {
    node.forEach((item, i) => checkRefs(resolver, item, childPointer(pointer, i), depth + 1));
    return;
  }
  const ref = (node as { $ref?: unknown }).$ref;
  if (typeof ref === "string") resolver.target(ref, pointer);
  for (const [key, value] of Object.entries(node)) {
    // Examples are free-form data; a "$ref" key inside one is not a reference.
    if (key === "example" || key === "examples" || key === "x-oaiMeta") continue;
    checkRefs(resolver, value, childPointer(pointer, key), depth + 1);
  }
}

function checkOperations(resolver: Resolver, paths: Record<string, unknown>): void {
  const seen = new Map<string, string>();
  for (const [path, item] of Object.entries(paths)) {
    const itemPointer = childPointer("#/paths", path);
    if (!path.startsWith("/")) throw resolver.error(itemPointer, `path "${path}" must start with "/"`);
    const resolved = resolver.deref<Record<string, unknown>>(item, itemPointer).node;
    if (!isPlainObject(resolved)) throw resolver.error(itemPointer, "a path item must be an object");
    for (const method of HTTP_METHODS) {
      const op = resolved[method];
      if (op === undefined) continue;
      const opPointer = childPointer(itemPointer, method);
      if (!isPlainObject(op)) throw resolver.error(opPointer, "an operation must be an object");
      const id = op.operationId;
      if (id !== undefined && (typeof id !== "string" || id.trim() === ""))
        throw resolver.error(childPointer(opPointer, "operationId"), "operationId must be a non-empty string");
      if (typeof id === "string") {
        const first = seen.get(id);
        if (first)
          throw resolver.error(
            childPointer(opPointer, "operationId"),
            `duplicate operationId "${id}" (first used at ${first})`,
          );
        seen.set(id, opPointer);
      }
      if (op.responses !== undefined && !isPlainObject(op.responses))
        throw resolver.error(childPointer(opPointer, "responses"), "responses must be an object");
    }
  }
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
