/**
 * multipart/form-data bodies (RFC 7578), written here rather than through FormData so each part
 * carries the media type OpenAPI gives it by default: a file its own (else
 * application/octet-stream) and its file name; an object `application/json`; a scalar none
 * (text/plain). An array is one part per item, under the field's name. The body is one buffer,
 * so a retry or redirect can send it again.
 */
import { randomBytes } from "node:crypto";
import { isUpload, toBlob } from "./upload";

export interface MultipartBody {
  readonly data: Buffer;
  /** `multipart/form-data; boundary=...` */
  readonly contentType: string;
}

/** Encodes a wire object's fields; undefined and null fields are left out. */
export async function encodeMultipart(wire: unknown, mediaType = "multipart/form-data"): Promise<MultipartBody> {
  const boundary = `----gpt-sdk-${randomBytes(12).toString("hex")}`;
  const chunks: Buffer[] = [];
  if (typeof wire === "object" && wire !== null) {
    for (const [name, value] of Object.entries(wire)) {
      if (value === undefined || value === null) continue;
      for (const item of Array.isArray(value) ? value : [value]) {
        if (item === undefined || item === null) continue;
        chunks.push(Buffer.from(`--${boundary}\r\n`), await part(name, item), Buffer.from("\r\n"));
      }
    }
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { data: Buffer.concat(chunks), contentType: `${mediaType}; boundary=${boundary}` };
}

async function part(name: string, value: unknown): Promise<Buffer> {
  const disposition = `Content-Disposition: form-data; name="${escapeQuoted(name)}"`;
  if (isUpload(value)) {
    const { blob, fileName } = await toBlob(value);
    const type = blob.type || "application/octet-stream";
    const head = `${disposition}; filename="${escapeQuoted(fileName)}"\r\nContent-Type: ${type}`;
    return Buffer.concat([Buffer.from(`${head}\r\n\r\n`), Buffer.from(await blob.arrayBuffer())]);
  }
  if (value instanceof Date) return Buffer.from(`${disposition}\r\n\r\n${value.toISOString()}`);
  if (typeof value === "object") {
    return Buffer.from(`${disposition}\r\nContent-Type: application/json\r\n\r\n${JSON.stringify(value)}`);
  }
  return Buffer.from(`${disposition}\r\n\r\n${String(value)}`);
}

/** A name or file name inside quotes, escaped as browsers do (WHATWG multipart/form-data encoding). */
function escapeQuoted(text: string): string {
  return text.replace(/\r/g, "%0D").replace(/\n/g, "%0A").replace(/"/g, "%22");
}
