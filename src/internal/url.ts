/** URL building: encoded path segments, query strings in the parameters' styles, joining a base and a path. */
import type { QueryParamDef } from "./contract";
import { keepDotSegment, queryPairs } from "./param-style";

/** One path segment, percent-encoded; a segment of dots would be collapsed by URL parsers, so dots are encoded too. */
export function encodeSegment(value: string): string {
  return keepDotSegment(encodeURIComponent(value));
}

/** What the query string needs to know of a parameter: its name, style and explode. */
export type QuerySpec = Pick<QueryParamDef, "name" | "style" | "explode">;

/** Serializes query parameters in their declared order and styles. Returns "" (no bare `?`) when none is set. */
export function buildQuery(
  specs: readonly QuerySpec[] | undefined,
  values: Readonly<Record<string, unknown>> | undefined,
): string {
  if (!specs || !values) return "";
  const parts: string[] = [];
  for (const spec of specs) {
    const value = values[spec.name];
    if (value === undefined || value === null) continue;
    parts.push(...queryPairs(spec, value));
  }
  return parts.length === 0 ? "" : "?" + parts.join("&");
}

/** Joins the server URL and a path without doubling or losing the slash between them. */
export function joinURL(base: string, path: string): string {
  return base.replace(/\/+$/, "") + (path.startsWith("/") ? path : "/" + path);
}
