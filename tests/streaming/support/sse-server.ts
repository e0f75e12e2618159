/**
 * A loopback HTTP server (127.0.0.1) for stream tests: each test sets `handler`; every request is
 * recorded exactly (method, path with query, headers, body); `closedEarly` tells whether a response
 * was closed by the client before the server ended it.
 */
import { mkdirSync, rmSync, symlinkSync } from "node:fs";
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { generate } from "../../../codegen/generate";
import { writeTree } from "../../../codegen/write/tree";
import { ROOT } from "../../support/root";
import { tempDir } from "../../support/temp";
import type { Untyped } from "../../support/generated-sdk";

export interface ReceivedRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

export type Handler = (request: ReceivedRequest, res: ServerResponse) => void | Promise<void>;

export class SseServer {
  handler: Handler = (_, res) => {
    res.end();
  };
  readonly requests: ReceivedRequest[] = [];
  /** One entry per response, in request order: true when the client closed it before it ended. */
  readonly closedEarly: boolean[] = [];

  private constructor(private readonly server: Server) {}

  static async start(): Promise<SseServer> {
    const server = createServer();
    const sse = new SseServer(server);
    server.on("request", (req, res) => {
      let body = "";
      req.setEncoding("utf8");
      req.on("data", (chunk: string) => (body += chunk));
      req.on("end", () => {
        const request = { method: req.method ?? "", url: req.url ?? "", headers: req.headers, body };
        const slot = sse.requests.push(request) - 1;
        sse.closedEarly[slot] = false;
        res.on("close", () => (sse.closedEarly[slot] = !res.writableEnded));
        void sse.handler(request, res);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return sse;
  }

  get origin(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Waits (a bounded number of turns) until the client has closed response `index`. */
  async waitForClientClose(index: number): Promise<boolean> {
    for (let i = 0; i < 200 && !this.closedEarly[index]; i++) await new Promise((r) => setTimeout(r, 5));
    return this.closedEarly[index];
  }

  reset(): void {
    this.requests.length = 0;
    this.closedEarly.length = 0;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }
}

/** Starts an event-stream response with Nagle off, so each write leaves as it is written. */
export function openStream(res: ServerResponse): (text: string | Uint8Array) => Promise<void> {
  res.writeHead(200, { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache" });
  res.socket?.setNoDelay(true);
  res.flushHeaders();
  return (text) =>
    new Promise<void>((resolve, reject) => res.write(text, (error) => (error ? reject(error) : resolve())));
}

/** One SSE message: `event:` line (when named) and the JSON data on one `data:` line. */
export function frame(event: string | undefined, data: unknown): string {
  return `${event === undefined ? "" : `event: ${event}\n`}data: ${typeof data === "string" ? data : JSON.stringify(data)}\n\n`;
}

/** A generated package of a fixture document in a temp folder, loaded from its sources. */
export async function loadFixturePackage(
  fixture: string,
): Promise<{ dir: string; module: Untyped; remove: () => void }> {
  const root = tempDir("stream");
  const dir = join(root, "pkg");
  mkdirSync(dir);
  writeTree(dir, generate({ specFile: join(ROOT, "tests/streaming/fixtures", fixture), mode: "package" }).files);
  symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"), "dir");
  const module = await import(join(dir, "src", "index.ts"));
  return { dir, module, remove: () => rmSync(root, { recursive: true, force: true }) };
}
