/** Reading requests and writing answers over node:http: bodies with a size limit, JSON and bytes, slow bodies. */
import type { IncomingMessage, ServerResponse } from "node:http";
import { ApiFailure, badRequest } from "./errors";
import { requestId } from "./ids";
import type { Reply } from "./router";
import type { Sleeper } from "./sleeper";

/** Reads the whole body; a body over `limit` bytes is refused without reading it all. */
export function readBody(req: IncomingMessage, limit: number, tooLarge: string): Promise<Buffer> {
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > limit) return Promise.reject(badRequest(tooLarge));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners("data");
        req.resume();
        reject(badRequest(tooLarge));
      } else chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

export function parseJson(raw: Buffer): unknown {
  if (raw.length === 0) return undefined;
  try {
    return JSON.parse(raw.toString("utf8"));
  } catch {
    throw badRequest(
      "We could not parse the JSON body of your request: send valid JSON with Content-Type: application/json.",
    );
  }
}

export interface SlowBody {
  chunkBytes: number;
  delayMs: number;
}

/** Writes a reply (or an error) with the headers every answer carries. */
export async function send(
  res: ServerResponse,
  reply: Reply | ApiFailure,
  started: number,
  slow?: { body: SlowBody; sleeper: Sleeper },
): Promise<void> {
  const isFailure = reply instanceof ApiFailure;
  const status = isFailure ? reply.status : (reply.status ?? 200);
  const { payload, contentType } = encode(isFailure ? { json: reply.body() } : reply);
  const headers: Record<string, string> = {
    "content-type": contentType,
    "content-length": String(typeof payload === "string" ? Buffer.byteLength(payload) : payload.length),
    "x-request-id": requestId(),
    "openai-version": "2020-10-01",
    "openai-processing-ms": String(Math.round(performance.now() - started)),
    ...(isFailure ? reply.headers : {}),
  };
  res.writeHead(status, headers);
  if (!slow) {
    res.end(payload);
    return;
  }
  const bytes = Buffer.from(payload);
  for (let offset = 0; offset < bytes.length; offset += slow.body.chunkBytes) {
    if (offset > 0 && !(await slow.sleeper.sleep(slow.body.delayMs))) return;
    if (res.destroyed) return;
    res.write(bytes.subarray(offset, offset + slow.body.chunkBytes));
  }
  res.end();
}

/** Fresh JSON stays a string: the socket encodes it as it writes, with no copy into a Buffer first. */
function encode(reply: Reply): { payload: Buffer | string; contentType: string } {
  if ("bytes" in reply) return { payload: reply.bytes, contentType: reply.contentType };
  if ("jsonBytes" in reply) return { payload: reply.jsonBytes, contentType: "application/json" };
  return { payload: JSON.stringify(reply.json), contentType: "application/json" };
}
