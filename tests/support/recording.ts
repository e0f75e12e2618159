/**
 * What the two recording transports share, so a suite reads requests and scripts answers the
 * same way on either: the record of a request exactly as it was sent, the scripted replies,
 * and the log a test reads. mock-api.ts (msw, in process) and recording-server.ts (a real
 * socket on 127.0.0.1) each feed this log from their own side of the wire.
 */
import type { IncomingHttpHeaders } from "node:http";

/** The path every base URL of the kit ends with, as the API's does. */
export const BASE_PATH = "/v1";

export interface Recorded {
  readonly method: string;
  /** The request target exactly as sent: path and query, still percent-encoded. */
  readonly url: string;
  /** The target after BASE_PATH (`/assistants?limit=5`); a target outside it is kept whole, marked. */
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly contentType: string | undefined;
  /** The body as sent on the wire ("" when there was none). */
  readonly body: string;
  /** The body parsed, when it was JSON. */
  readonly json?: unknown;
  /** The fields, when the body was multipart. */
  readonly form?: Record<string, string | { name: string; type: string; text: string }>;
}

/** A request as read off the wire, before it is recorded. */
export interface WireRequest {
  readonly method: string;
  /** The request line's target, unparsed. */
  readonly target: string;
  /** Names in lower case, as node:http and fetch's Headers both give them. */
  readonly headers: IncomingHttpHeaders;
  readonly bytes: Uint8Array;
}

/** A scripted answer: a JSON body (`json`) or a raw one (`body`, empty when absent). */
export interface Reply {
  status?: number;
  json?: unknown;
  body?: string | Uint8Array;
  headers?: Record<string, string>;
}

/** A Reply as it goes on the wire. */
export interface WireReply {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string | Uint8Array;
}

/** A JSON reply (content-type and content-length set). */
export function json(status: number, body: unknown, headers: Record<string, string> = {}): Reply {
  return { status, json: body, headers };
}

/** A reply with a raw body (truncated JSON, an HTML page, nothing at all). */
export function raw(status: number, body: string, headers: Record<string, string> = {}): Reply {
  return { status, body, headers };
}

/** What a Reply puts on the wire: status, headers (content-type for JSON, content-length always) and body. */
export function replyParts(reply: Reply): WireReply {
  const body = reply.json !== undefined ? JSON.stringify(reply.json) : (reply.body ?? "");
  const type: Record<string, string> = reply.json !== undefined ? { "content-type": "application/json" } : {};
  const length = String(Buffer.byteLength(body));
  return { status: reply.status ?? 200, headers: { ...type, "content-length": length, ...reply.headers }, body };
}

function pathOf(url: string): string {
  const rest = url.startsWith(BASE_PATH) ? url.slice(BASE_PATH.length) : undefined;
  return rest !== undefined && /^([/?]|$)/.test(rest) ? rest : `(outside ${BASE_PATH}) ${url}`;
}

/** The record of one request; the body is decoded (JSON, multipart) by its content type. */
export async function recordRequest(wire: WireRequest): Promise<Recorded> {
  const { method, target, headers, bytes } = wire;
  const contentType = headers["content-type"];
  const body = Buffer.from(bytes).toString("utf8");
  const seen = { method, url: target, path: pathOf(target), headers: { ...headers }, contentType, body };
  if (contentType?.startsWith("multipart/form-data")) return { ...seen, form: await formFields(contentType, bytes) };
  if (/^application\/json\b/.test(contentType ?? "") && body !== "") return { ...seen, json: parseJson(body) };
  return seen;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Multipart fields, parsed by the platform's own parser (a Request's formData). */
async function formFields(contentType: string, bytes: Uint8Array): Promise<NonNullable<Recorded["form"]>> {
  const headers = { "content-type": contentType };
  const request = new Request("http://form.local/", { method: "POST", headers, body: new Uint8Array(bytes) });
  const form = await request.formData();
  const fields: NonNullable<Recorded["form"]> = {};
  for (const [name, value] of form.entries()) {
    fields[name] = typeof value === "string" ? value : { name: value.name, type: value.type, text: await value.text() };
  }
  return fields;
}

const NO_REPLY: Reply = { status: 500, json: { error: { message: "no reply queued", type: "server_error" } } };

/**
 * The requests seen and the answers still to give. `H` is the transport's own hand-written
 * answer (a function), for what a Reply cannot say.
 */
export class RecordingLog<H> {
  /** Every request seen since the last reset, in order. */
  readonly requests: Recorded[] = [];
  /** The answer when no reply is queued. */
  fallback: Reply | H = NO_REPLY;
  /** Called with each request before it is answered. */
  onRequest: ((seen: Recorded) => void) | undefined;
  private readonly queue: Array<Reply | H> = [];

  /** Queues the answers to the next requests, in order. */
  reply(...next: Array<Reply | H>): void {
    this.queue.push(...next);
  }

  /** Replies still queued (to check a test used exactly what it queued). */
  queued(): number {
    return this.queue.length;
  }

  /** The only request seen since the last reset. */
  single(): Recorded {
    expect(this.requests).toHaveLength(1);
    return this.requests[0];
  }

  /** `METHOD path` of every request so far. */
  lines(): string[] {
    return this.requests.map((r) => `${r.method} ${r.path}`);
  }

  /** Forgets requests and queued replies. */
  reset(): void {
    this.requests.length = 0;
    this.queue.length = 0;
    this.onRequest = undefined;
    this.fallback = NO_REPLY;
  }

  /** Logs a request and takes the answer it gets. */
  protected answerFor(seen: Recorded): Reply | H {
    this.requests.push(seen);
    this.onRequest?.(seen);
    return this.queue.shift() ?? this.fallback;
  }
}
