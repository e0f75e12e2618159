/**
 * A real HTTP server on 127.0.0.1 (a free port) that records every request and answers each
 * with the next scripted reply, so a test asserts the exact wire request (method, target as
 * sent, headers, body) and what the SDK made of the answer. It tracks its connections so that
 * closing it leaves nothing open. Faults (resets, stalls) are replies too: see fault-server.ts.
 */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import type { Socket } from "node:net";

/** The path every base URL of this server ends with, as the API's does. */
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

/** A scripted answer: a JSON body (`json`) or a raw one (`body`, empty when absent). */
export interface Reply {
  status?: number;
  json?: unknown;
  body?: string | Uint8Array;
  headers?: Record<string, string>;
}

/** A hand-written answer, for what a Reply cannot say (faults, streams). */
export type Handler = (req: IncomingMessage, res: ServerResponse, seen: Recorded) => void;

/** A JSON reply (content-type and content-length set). */
export function json(status: number, body: unknown, headers: Record<string, string> = {}): Reply {
  return { status, json: body, headers };
}

/** A reply with a raw body (truncated JSON, an HTML page, nothing at all). */
export function raw(status: number, body: string, headers: Record<string, string> = {}): Reply {
  return { status, body, headers };
}

/** Answers a request with a reply or a handler (a handler choosing among replies uses this). */
export function respond(next: Reply | Handler, req: IncomingMessage, res: ServerResponse, seen: Recorded): void {
  if (typeof next === "function") next(req, res, seen);
  else answer(next, res);
}

function answer(reply: Reply, res: ServerResponse): void {
  const body = reply.json !== undefined ? JSON.stringify(reply.json) : reply.body ?? "";
  const type = reply.json !== undefined ? { "content-type": "application/json" } : {};
  res.writeHead(reply.status ?? 200, { ...type, "content-length": Buffer.byteLength(body), ...reply.headers });
  res.end(body);
}

function pathOf(url: string): string {
  const rest = url.startsWith(BASE_PATH) ? url.slice(BASE_PATH.length) : undefined;
  return rest !== undefined && /^([/?]|$)/.test(rest) ? rest : `(outside ${BASE_PATH}) ${url}`;
}

async function record(req: IncomingMessage, bytes: Buffer): Promise<Recorded> {
  const url = req.url ?? "";
  const contentType = req.headers["content-type"];
  const body = bytes.toString("utf8");
  const seen = { method: req.method ?? "", url, path: pathOf(url), headers: { ...req.headers }, contentType, body };
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
async function formFields(contentType: string, bytes: Buffer): Promise<NonNullable<Recorded["form"]>> {
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

export class RecordingServer {
  /** Every request seen since the last reset, in order. */
  readonly requests: Recorded[] = [];
  /** The answer when no reply is queued. */
  fallback: Reply | Handler = NO_REPLY;
  /** Called with each request before it is answered. */
  onRequest: ((seen: Recorded) => void) | undefined;
  private readonly queue: Array<Reply | Handler> = [];
  private readonly sockets = new Set<Socket>();
  private readonly open = new Set<ServerResponse>();
  private readonly server = createServer((req, res) => this.handle(req, res));
  private address: { port: number } | undefined;

  constructor() {
    this.server.on("connection", (socket: Socket) => {
      this.sockets.add(socket);
      socket.on("close", () => this.sockets.delete(socket));
    });
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    this.address = this.server.address() as { port: number };
    return this;
  }

  get port(): number {
    if (!this.address) throw new Error("the recording server has not started yet (use it inside a test or hook)");
    return this.address.port;
  }

  /** `http://127.0.0.1:<port>/v1` */
  get baseURL(): string {
    return `http://127.0.0.1:${this.port}${BASE_PATH}`;
  }

  /** Queues the answers to the next requests, in order. */
  reply(...next: Array<Reply | Handler>): void {
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

  /** Open connections right now. */
  openSockets(): number {
    return this.sockets.size;
  }

  /** Requests whose response has neither finished nor lost its connection. */
  pendingResponses(): number {
    return this.open.size;
  }

  /** Forgets requests and queued replies, and cuts requests left unanswered. */
  reset(): void {
    this.requests.length = 0;
    this.queue.length = 0;
    this.onRequest = undefined;
    this.fallback = NO_REPLY;
    for (const res of this.open) res.destroy();
  }

  close(): Promise<void> {
    return new Promise<void>((resolve) => {
      for (const socket of this.sockets) socket.destroy();
      this.server.close(() => resolve());
    });
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    this.open.add(res);
    res.on("close", () => this.open.delete(res));
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", async () => {
      const seen = await record(req, Buffer.concat(chunks));
      this.requests.push(seen);
      this.onRequest?.(seen);
      respond(this.queue.shift() ?? this.fallback, req, res, seen);
    });
  }
}

export function startRecordingServer(): Promise<RecordingServer> {
  return new RecordingServer().start();
}

/** One server for the whole test file, reset after each test. */
export function useRecordingServer(): RecordingServer {
  const server = new RecordingServer();
  beforeAll(() => server.start());
  afterEach(() => server.reset());
  afterAll(() => server.close());
  return server;
}
