/** A small multipart/form-data reader: enough for file uploads (named fields and one file part). */
import { badRequest } from "./errors";

export interface UploadPart {
  name: string;
  filename?: string;
  contentType?: string;
  data: Buffer;
}

export function boundaryOf(contentType: string): string | undefined {
  const match = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  return match ? (match[1] ?? match[2]).trim() : undefined;
}

export function parseMultipart(body: Buffer, boundary: string): UploadPart[] {
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: UploadPart[] = [];
  let position = body.indexOf(delimiter);
  if (position === -1) throw badRequest("The multipart body has no part with the boundary its Content-Type names.");
  while (position !== -1) {
    const start = position + delimiter.length;
    if (body.subarray(start, start + 2).toString() === "--") break;
    const next = body.indexOf(delimiter, start);
    if (next === -1) throw badRequest("The multipart body ends before its closing boundary.");
    parts.push(parsePart(body.subarray(start + 2, next - 2)));
    position = next;
  }
  return parts;
}

function parsePart(raw: Buffer): UploadPart {
  const split = raw.indexOf("\r\n\r\n");
  if (split === -1) throw badRequest("A multipart part has no header section.");
  const headers = raw.subarray(0, split).toString("utf8").split("\r\n");
  const disposition = headers.find((line) => /^content-disposition:/i.test(line)) ?? "";
  const contentType = headers.find((line) => /^content-type:/i.test(line))?.replace(/^content-type:\s*/i, "");
  const name = /\bname="([^"]*)"/i.exec(disposition)?.[1];
  if (name === undefined) throw badRequest("A multipart part has no name in its Content-Disposition.");
  const filename = /\bfilename="([^"]*)"/i.exec(disposition)?.[1];
  return { name, filename, contentType, data: raw.subarray(split + 4) };
}
