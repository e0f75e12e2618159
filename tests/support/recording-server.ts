/**
 * A real HTTP server on 127.0.0.1 (a free port) that records every request and answers each
 * with the next scripted reply, with the same log and replies as the msw mock (recording.ts).
 * Use it only for what needs a real socket: connection resets, stalled or truncated bodies,
 * requests cut off while unanswered, streams aborted, redirects and proxies on the wire, retry
 * timing, open connections after a call (leaks). Everything else goes to the msw mock
 * (mock-api.ts): no port, no sockets to clean up, and a request it does not expect fails the
 * test. It tracks its connections so that closing it leaves nothing open. Faults are handlers
 * too: see fault-server.ts.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { Socket } from "node:net";
import { BASE_PATH, type Recorded, RecordingLog, type Reply, recordRequest, replyParts } from "./recording";

export { BASE_PATH, json, raw, type Recorded, type Reply } from "./recording";

/** A hand-written answer, for what a Reply cannot say (faults, streams). */
export type Handler = (req: IncomingMessage, res: ServerResponse, seen: Recorded) => void;

/** Answers a request with a reply or a handler (a handler choosing among replies uses this). */
export function respond(next: Reply | Handler, req: IncomingMessage, res: ServerResponse, seen: Recorded): void {
  if (typeof next === "function") return next(req, res, seen);
  const { status, headers, body } = replyParts(next);
  res.writeHead(status, headers);
  res.end(body);
}

export class RecordingServer extends RecordingLog<Handler> {
  private readonly sockets = new Set<Socket>();
  private readonly open = new Set<ServerResponse>();
  private readonly server = createServer((req, res) => this.handle(req, res));
  private address: { port: number } | undefined;
  /** One entry per request since the last reset: true when the client closed the response before it ended. */
  readonly closedEarly: boolean[] = [];
  /** Bumped by reset(), so a response closing after it does not mark the next test's requests. */
  private generation = 0;

  constructor() {
    super();
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

  /** `http://127.0.0.1:<port>` */
  get origin(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** `http://127.0.0.1:<port>/v1` */
  get baseURL(): string {
    return `http://127.0.0.1:${this.port}${BASE_PATH}`;
  }

  /** Open connections right now. */
  openSockets(): number {
    return this.sockets.size;
  }

  /** Requests whose response has neither finished nor lost its connection. */
  pendingResponses(): number {
    return this.open.size;
  }

  /** Waits (a bounded number of turns) until the client has closed the response to request `index`. */
  async waitForClientClose(index: number): Promise<boolean> {
    for (let i = 0; i < 200 && !this.closedEarly[index]; i++) await new Promise((r) => setTimeout(r, 5));
    return this.closedEarly[index] === true;
  }

  /** Forgets requests and queued replies, and cuts requests left unanswered. */
  override reset(): void {
    super.reset();
    this.generation++;
    this.closedEarly.length = 0;
    for (const res of this.open) res.destroy();
  }

  close(): Promise<void> {
    return new Promise<void>((resolve) => {
      for (const socket of this.sockets) socket.destroy();
      this.server.close(() => resolve());
    });
  }

  private trackClose(res: ServerResponse, slot: number): void {
    const generation = this.generation;
    this.closedEarly[slot] = false;
    res.on("close", () => {
      if (generation === this.generation) this.closedEarly[slot] = !res.writableEnded;
    });
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    this.open.add(res);
    res.on("close", () => this.open.delete(res));
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", async () => {
      const bytes = Buffer.concat(chunks);
      const seen = await recordRequest({
        method: req.method ?? "",
        target: req.url ?? "",
        headers: req.headers,
        bytes,
      });
      const next = this.answerFor(seen);
      this.trackClose(res, this.requests.length - 1);
      respond(next, req, res, seen);
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
