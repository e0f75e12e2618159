/**
 * A real HTTP server on 127.0.0.1 (port 0) that answers each request with the next queued
 * fault (or reply) and records what it saw, so a test can assert exactly how many requests
 * the SDK made and what they looked like. It tracks its sockets so it can close them all.
 */
import { SDKError } from "../../../src";
import { type FakeClock, installFakeClock } from "./fake-clock";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Socket } from "node:net";

export interface Seen {
  readonly method: string;
  /** The request target exactly as sent (path and query, still percent-encoded). */
  readonly url: string;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

export type Handler = (req: IncomingMessage, res: ServerResponse, seen: Seen) => void;

export interface FaultServer {
  /** `http://127.0.0.1:<port>/v1` */
  readonly baseURL: string;
  readonly port: number;
  readonly requests: Seen[];
  /** Queues handlers for the next requests, in order. */
  queue(...handlers: Handler[]): void;
  /** The handler used when the queue is empty. */
  fallback: Handler;
  /** Open server-side connections right now. */
  openSockets(): number;
  /** Requests whose response has neither finished nor lost its connection. */
  pendingResponses(): number;
  /** Calls `handler` on each request before it is answered. */
  onRequest: ((seen: Seen) => void) | undefined;
  close(): Promise<void>;
}

export async function startFaultServer(): Promise<FaultServer> {
  const sockets = new Set<Socket>();
  const handlers: Handler[] = [];
  const requests: Seen[] = [];
  const pending = new Set<ServerResponse>();
  const state: { fallback: Handler; onRequest: ((seen: Seen) => void) | undefined } = {
    fallback: json(500, { error: { message: "no reply queued", type: "server_error" } }),
    onRequest: undefined,
  };
  const server: Server = createServer((req, res) => {
    pending.add(res);
    res.on("close", () => pending.delete(res));
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const seen: Seen = { method: req.method ?? "", url: req.url ?? "", headers: { ...req.headers }, body: Buffer.concat(chunks).toString("utf8") };
      requests.push(seen);
      state.onRequest?.(seen);
      (handlers.shift() ?? state.fallback)(req, res, seen);
    });
  });
  server.on("connection", (socket: Socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    port,
    requests,
    queue: (...more) => handlers.push(...more),
    get fallback() {
      return state.fallback;
    },
    set fallback(handler: Handler) {
      state.fallback = handler;
    },
    get onRequest() {
      return state.onRequest;
    },
    set onRequest(fn: ((seen: Seen) => void) | undefined) {
      state.onRequest = fn;
    },
    openSockets: () => sockets.size,
    pendingResponses: () => pending.size,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A JSON reply. */
export function json(status: number, body: unknown, headers: Record<string, string> = {}): Handler {
  return (_req, res) => {
    const text = JSON.stringify(body);
    res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text), ...headers });
    res.end(text);
  };
}

/** A reply with a raw body (truncated JSON, an HTML page, nothing at all). */
export function raw(status: number, body: string, headers: Record<string, string> = {}): Handler {
  return (_req, res) => {
    res.writeHead(status, { "content-length": Buffer.byteLength(body), ...headers });
    res.end(body);
  };
}

/** Sends the status line, headers and the first bytes of the body, then resets the connection. */
export function resetMidBody(body: string, bytes = 10): Handler {
  return (_req, res) => {
    res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
    res.write(body.slice(0, bytes), () => setImmediate(() => res.socket?.destroy()));
  };
}

/** Reads the request and never answers (the socket stays open until the client gives up). */
export function hang(): Handler {
  return () => undefined;
}

/** Sends headers and part of the body, then stalls forever. */
export function stallMidBody(body: string, bytes = 10): Handler {
  return (_req, res) => {
    res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
    res.write(body.slice(0, bytes));
  };
}

/** An OpenAI-style error body. */
export function openAIError(message: string, type: string, code: string | null = null): { error: Record<string, unknown> } {
  return { error: { message, type, param: null, code } };
}

/** A minimal assistant as the API sends it. */
export function assistantWire(id = "asst_abc123"): Record<string, unknown> {
  return {
    id,
    object: "assistant",
    created_at: 1699009709,
    name: "Math Tutor",
    description: null,
    model: "gpt-4",
    instructions: null,
    tools: [],
    file_ids: [],
    metadata: {},
  };
}

/** A fault server and a fake clock, fresh for each test of the file that calls this. */
export function useFaultServer(): { readonly server: FaultServer; readonly clock: FakeClock } {
  const env = {} as { server: FaultServer; clock: FakeClock };
  beforeEach(async () => {
    env.server = await startFaultServer();
    env.clock = installFakeClock();
  });
  afterEach(async () => {
    env.clock.restore();
    await env.server.close();
  });
  return env;
}

/** Resolves to the error a promise rejects with; fails the test if it resolves. */
export async function failure(promise: Promise<unknown>): Promise<SDKError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(SDKError);
    return error as SDKError;
  }
  throw new Error("expected the call to fail, but it succeeded");
}
