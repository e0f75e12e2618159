/** File values for multipart bodies: a Blob/File, bytes, or a stream, with an optional name. */
import { Readable } from "node:stream";

export type FileContent = Blob | Uint8Array | ArrayBuffer | NodeJS.ReadableStream | ReadableStream<Uint8Array>;

/** What a `format: binary` field accepts. A bare Blob/bytes/stream is sent as "upload". */
export type Upload =
  FileContent | { readonly content: FileContent; readonly fileName: string; readonly contentType?: string };

export function isUpload(value: unknown): value is Upload {
  return (
    value instanceof Blob ||
    value instanceof Uint8Array ||
    value instanceof ArrayBuffer ||
    isStream(value) ||
    (typeof value === "object" && value !== null && "content" in value && "fileName" in value)
  );
}

/** True for a one-shot body: it can be sent only once, so it is never retried. */
export function isStream(value: unknown): boolean {
  return (
    value instanceof Readable ||
    (typeof ReadableStream !== "undefined" && value instanceof ReadableStream) ||
    (typeof value === "object" && value !== null && typeof (value as NodeJS.ReadableStream).pipe === "function")
  );
}

/** Turns an Upload into a Blob plus file name for FormData. Streams are read to the end first. */
export async function toBlob(value: Upload): Promise<{ blob: Blob; fileName: string }> {
  if (typeof value === "object" && value !== null && "fileName" in value && "content" in value) {
    const blob = await contentToBlob(value.content, value.contentType);
    return { blob, fileName: value.fileName };
  }
  // `File` is global from Node 20 on; before that a Blob has no name.
  const named = typeof File !== "undefined" && value instanceof File;
  const fileName = named ? value.name : (streamPathName(value) ?? "upload");
  return { blob: await contentToBlob(value as FileContent), fileName };
}

async function contentToBlob(content: FileContent, type?: string): Promise<Blob> {
  if (content instanceof Blob) return type ? new Blob([content], { type }) : content;
  if (content instanceof Uint8Array || content instanceof ArrayBuffer)
    return new Blob([content as BlobPart], type ? { type } : {});
  const chunks: Uint8Array[] = [];
  const readable = content instanceof Readable ? content : Readable.from(content as AsyncIterable<Uint8Array>);
  for await (const chunk of readable) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
  return new Blob(chunks as BlobPart[], type ? { type } : {});
}

/** `fs.createReadStream(path)` knows its path; use its base name as the file name. */
function streamPathName(value: unknown): string | undefined {
  const path = (value as { path?: unknown }).path;
  if (typeof path !== "string") return undefined;
  return path.split(/[\\/]/).pop() || undefined;
}
