/** URL building: encoded path segments, form-style query strings, joining a base and a path. */

/** One path segment, percent-encoded; a segment of dots would be collapsed by URL parsers, so dots are encoded too. */
export function encodeSegment(value: string): string {
  const encoded = encodeURIComponent(value);
  return /^\.+$/.test(encoded) ? encoded.replace(/\./g, "%2E") : encoded;
}

export interface QuerySpec {
  readonly name: string;
  readonly explode?: boolean;
}

/** Serializes query parameters in OpenAPI form style. Returns "" (no bare `?`) when none is set. */
export function buildQuery(specs: readonly QuerySpec[] | undefined, values: Readonly<Record<string, unknown>> | undefined): string {
  if (!specs || !values) return "";
  const parts: string[] = [];
  for (const spec of specs) {
    const value = values[spec.name];
    if (value === undefined || value === null) continue;
    appendForm(parts, spec.name, value, spec.explode !== false);
  }
  return parts.length === 0 ? "" : "?" + parts.join("&");
}

function appendForm(parts: string[], name: string, value: unknown, explode: boolean): void {
  const key = encodeURIComponent(name);
  if (Array.isArray(value)) {
    if (explode) for (const item of value) parts.push(`${key}=${encodeURIComponent(scalar(item))}`);
    else parts.push(`${key}=${value.map((item) => encodeURIComponent(scalar(item))).join(",")}`);
  } else if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined && v !== null);
    if (explode) for (const [k, v] of entries) parts.push(`${encodeURIComponent(k)}=${encodeURIComponent(scalar(v))}`);
    else parts.push(`${key}=${entries.map(([k, v]) => `${encodeURIComponent(k)},${encodeURIComponent(scalar(v))}`).join(",")}`);
  } else {
    parts.push(`${key}=${encodeURIComponent(scalar(value))}`);
  }
}

function scalar(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  return typeof value === "object" && value !== null ? JSON.stringify(value) : String(value);
}

/** Joins the server URL and a path without doubling or losing the slash between them. */
export function joinURL(base: string, path: string): string {
  return base.replace(/\/+$/, "") + (path.startsWith("/") ? path : "/" + path);
}
