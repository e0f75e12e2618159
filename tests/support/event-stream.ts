/** Server-sent event responses for stream tests on the recording server: each write leaves as it is written. */
import type { ServerResponse } from "node:http";

/** Starts an event-stream response with Nagle off; the returned write resolves once the bytes are handed to the socket. */
export function openStream(res: ServerResponse): (text: string | Uint8Array) => Promise<void> {
  res.writeHead(200, { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache" });
  res.socket?.setNoDelay(true);
  res.flushHeaders();
  return (text) =>
    new Promise<void>((resolve, reject) => res.write(text, (error) => (error ? reject(error) : resolve())));
}

/** One SSE message: `event:` line (when named) and the JSON data on one `data:` line. */
export function frame(event: string | undefined, data: unknown): string {
  const line = typeof data === "string" ? data : JSON.stringify(data);
  return `${event === undefined ? "" : `event: ${event}\n`}data: ${line}\n\n`;
}
