/** Request body encoding per media type. */
import { type BodyDef, normalizeMediaType } from "./contract";
import { encodeMultipart } from "./multipart";

export interface EncodedBody {
  readonly data: unknown;
  /** Content-Type to send, or undefined when the HTTP library sets it. */
  readonly contentType: string | undefined;
}

/** Synchronous except for multipart, which may have to read a stream into a Blob. */
export function encodeBody(def: BodyDef, value: unknown): EncodedBody | Promise<EncodedBody> {
  const wire = def.encode ? def.encode(value) : value;
  switch (def.kind) {
    case "json":
      return { data: JSON.stringify(wire), contentType: def.contentType };
    case "multipart":
      return encodeMultipart(wire, normalizeMediaType(def.contentType));
    case "form":
      return { data: new URLSearchParams(formEntries(wire)).toString(), contentType: def.contentType };
    case "text":
      return { data: String(wire), contentType: def.contentType };
    case "bytes":
      return { data: wire, contentType: def.contentType };
  }
}

function formEntries(wire: unknown): [string, string][] {
  if (typeof wire !== "object" || wire === null) return [];
  return Object.entries(wire)
    .filter(([, v]) => v !== undefined && v !== null)
    .map(([k, v]) => [k, scalar(v)]);
}

function scalar(value: unknown): string {
  return typeof value === "object" && value !== null ? JSON.stringify(value) : String(value);
}
