/**
 * The loopback API server, run in its own process (`node --import tsx bench/server.ts`) so the
 * clients' process measures only client work. It prints `READY <port>` and serves:
 *   GET  /v1/threads/:id/messages  → a 20-message page (precomputed bytes)
 *   POST /v1/threads/:id/runs      → a run (body read, assistant_id echoed)
 * Sockets are kept alive for 2 minutes, so interleaved clients never pay a reconnect.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { messagesPage, run } from "./lib/fixtures";

const pageBody = Buffer.from(JSON.stringify(messagesPage()));
const runBodies = new Map<string, Buffer>();
let requests = 0;

function send(res: ServerResponse, status: number, body: Buffer): void {
  res.writeHead(status, {
    "content-type": "application/json",
    "content-length": body.length,
    "openai-processing-ms": "12",
    "x-request-id": `req_${(requests++).toString(36)}`,
  });
  res.end(body);
}

function handle(req: IncomingMessage, res: ServerResponse): void {
  const url = req.url ?? "/";
  const path = url.split("?", 1)[0];
  if (req.method === "GET" && /^\/v1\/threads\/[^/]+\/messages$/.test(path)) {
    req.resume();
    send(res, 200, pageBody);
    return;
  }
  if (req.method === "POST" && /^\/v1\/threads\/[^/]+\/runs$/.test(path)) {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      let assistantId: string;
      try {
        assistantId = String(
          (JSON.parse(Buffer.concat(chunks).toString("utf8")) as { assistant_id?: unknown }).assistant_id ?? "",
        );
      } catch {
        send(
          res,
          400,
          Buffer.from(JSON.stringify({ error: { message: "invalid JSON body", type: "invalid_request_error" } })),
        );
        return;
      }
      let body = runBodies.get(assistantId);
      if (!body) runBodies.set(assistantId, (body = Buffer.from(JSON.stringify(run(assistantId)))));
      send(res, 200, body);
    });
    return;
  }
  req.resume();
  send(
    res,
    404,
    Buffer.from(
      JSON.stringify({ error: { message: `no route ${req.method} ${path}`, type: "invalid_request_error" } }),
    ),
  );
}

const server = createServer(handle);
server.keepAliveTimeout = 120_000;
server.headersTimeout = 125_000;
server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  if (address && typeof address === "object") process.stdout.write(`READY ${address.port}\n`);
});
process.on("SIGTERM", () => server.close(() => process.exit(0)));
process.on("disconnect", () => process.exit(0));
