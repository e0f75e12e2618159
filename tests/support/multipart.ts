/**
 * A multipart/form-data body split into its parts as sent, each with its own headers (the
 * platform's FormData parser keeps only names, file names and values).
 */
import type { Recorded } from "./recording-server";

export interface SentPart {
  /** Header lines of the part, as written (`Content-Disposition: form-data; name="purpose"`). */
  readonly headers: string[];
  readonly body: string;
}

export function sentParts(request: Recorded): SentPart[] {
  const boundary = /boundary=([^;]+)/.exec(request.contentType ?? "")?.[1];
  if (!boundary) throw new Error(`not a multipart body: ${request.contentType}`);
  const sections = request.body.split(`--${boundary}`);
  // Before the first boundary: nothing; after the last (`--`): the closing line.
  expect(sections[0]).toBe("");
  expect(sections[sections.length - 1]).toBe("--\r\n");
  return sections.slice(1, -1).map((section) => {
    const text = section.replace(/^\r\n/, "").replace(/\r\n$/, "");
    const split = text.indexOf("\r\n\r\n");
    return { headers: text.slice(0, split).split("\r\n"), body: text.slice(split + 4) };
  });
}
