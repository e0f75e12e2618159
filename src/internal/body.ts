/** Request body encoding per media type. */
import type { BodyDef } from "./contract";
import { isUpload, toBlob } from "./upload";

export interface EncodedBody {
  readonly data: unknown;
  /** Content-Type to send, or undefined when the HTTP library sets it (multipart boundary). */
  readonly contentType: string | undefined;
}

/** Synchronous except for multipart, which may have to read a stream into a Blob. */
export function encodeBody(def: BodyDef, value: unknown): EncodedBody | Promise<EncodedBody> {
  const wire = def.encode ? def.encode(value) : value;
  switch (def.kind) {
    case "json":
      return { data: JSON.stringify(wire), contentType: def.contentType };
    case "multipart":
      return toFormData(wire).then((data) => ({ data, contentType: undefined }));
    case "form":
      return { data: new URLSearchParams(formEntries(wire)).toString(), contentType: def.contentType };
    case "text":
      return { data: String(wire), contentType: def.contentType };
    case "bytes":
      return { data: wire, contentType: def.contentType };
  }
}

async function toFormData(wire: unknown): Promise<FormData> {
  const form = new FormData();
  if (typeof wire !== "object" || wire === null) return form;
  for (const [key, value] of Object.entries(wire)) {
    if (value === undefined || value === null) continue;
    if (isUpload(value)) {
      const { blob, fileName } = await toBlob(value);
      form.append(key, blob, fileName);
    } else if (Array.isArray(value)) {
      for (const item of value) form.append(key, scalar(item));
    } else {
      form.append(key, scalar(value));
    }
  }
  return form;
}

function formEntries(wire: unknown): [string, string][] {
  if (typeof wire !== "object" || wire === null) return [];
  return Object.entries(wire).filter(([, v]) => v !== undefined && v !== null).map(([k, v]) => [k, scalar(v)]);
}

function scalar(value: unknown): string {
  return typeof value === "object" && value !== null ? JSON.stringify(value) : String(value);
}
