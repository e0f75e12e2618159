/**
 * Starts `@stoplight/prism-cli` (the pinned devDependency) as a mock server on a free
 * loopback port, waits until it answers, and stops it together with its process group.
 *
 * Prism validates every request against the document (security, path, query, headers,
 * body) and answers 401/415/422 with the list of violations when the request does not
 * conform. Valid requests get a static, example-based response (`--dynamic false`).
 * Warnings on a valid request, and violations of Prism's own response against the
 * document, are reported in the `sl-violations` response header: see `slViolations`.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import * as http from "node:http";
import * as net from "node:net";
import * as path from "node:path";

export interface PrismOptions {
  /** Give up when Prism has not answered within this time (default 60 s). */
  readyTimeoutMs?: number;
  /** Extra CLI arguments, e.g. ["--errors"]. */
  extraArgs?: readonly string[];
  /** Ports to try when the chosen one was taken between picking and binding (default 3). */
  attempts?: number;
}

export interface PrismServer {
  /** `http://127.0.0.1:<port>`; the document's paths are served at its root. */
  readonly url: string;
  readonly port: number;
  readonly pid: number;
  /** The last lines Prism wrote (stdout and stderr), for failure messages. */
  logs(): string;
  /** Stops Prism and every process it started; resolves once it has exited. Safe to call twice. */
  stop(): Promise<void>;
}

/** One entry of Prism's violation lists (422 body `validation`, or the `sl-violations` header). */
export interface PrismViolation {
  location: string[];
  severity: string;
  code?: string | number;
  message: string;
}

const LOG_LINES = 200;
const live = new Set<ChildProcess>();

// Last resort when the test process ends without afterAll (crash, forced exit): never leave Prism running.
process.once("exit", () => {
  for (const child of live) killGroup(child, "SIGKILL");
});

/** Picks a port the OS says is free on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

/** The CLI entry point of the installed `@stoplight/prism-cli`, run with this Node (no shell, no PATH lookup). */
export function prismCli(): string {
  const pkgPath = require.resolve("@stoplight/prism-cli/package.json");
  const pkg = JSON.parse(readFileSync(pkgPath, "utf8")) as { bin: string | Record<string, string> };
  const bin = typeof pkg.bin === "string" ? pkg.bin : pkg.bin.prism;
  return path.resolve(path.dirname(pkgPath), bin);
}

export async function startPrism(specPath: string, options: PrismOptions = {}): Promise<PrismServer> {
  const attempts = options.attempts ?? 3;
  const deadline = Date.now() + (options.readyTimeoutMs ?? 60_000);
  let lastError: Error | undefined;
  for (let attempt = 1; attempt <= attempts && Date.now() < deadline; attempt++) {
    const port = await freePort();
    const server = launch(specPath, port, options.extraArgs ?? []);
    try {
      await waitReady(server, deadline);
      return server.handle;
    } catch (error) {
      await server.handle.stop();
      lastError = error as Error;
      // Only a lost port race is worth another port; anything else fails at once.
      if (!/EADDRINUSE|address already in use/i.test(server.handle.logs())) break;
    }
  }
  throw lastError ?? new Error("Prism did not start");
}

interface Launched {
  handle: PrismServer;
  child: ChildProcess;
  exited: Promise<void>;
  exitInfo: () => string | undefined;
}

function launch(specPath: string, port: number, extraArgs: readonly string[]): Launched {
  const child = spawnPrism(specPath, port, extraArgs);
  live.add(child);
  const logs = collectLogs(child);
  // A Prism that was never stopped must not keep the test process alive; the exit hook above kills it.
  child.unref();
  (child.stdout as unknown as { unref?: () => void }).unref?.();
  (child.stderr as unknown as { unref?: () => void }).unref?.();
  const { exited, exitInfo } = watchExit(child);
  let stopping: Promise<void> | undefined;
  const handle: PrismServer = {
    url: `http://127.0.0.1:${port}`,
    port,
    pid: child.pid ?? -1,
    logs,
    stop: () => (stopping ??= stop(child, exited, exitInfo)),
  };
  return { handle, child, exited, exitInfo };
}

function spawnPrism(specPath: string, port: number, extraArgs: readonly string[]): ChildProcess {
  const args = [
    prismCli(),
    "mock",
    specPath,
    "--host",
    "127.0.0.1",
    "--port",
    String(port),
    "--dynamic",
    "false",
    ...extraArgs,
  ];
  return spawn(process.execPath, args, {
    // Its own process group (POSIX), so stop() can signal Prism and anything it forks.
    detached: process.platform !== "win32",
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, FORCE_COLOR: "0", NO_COLOR: "1" },
    windowsHide: true,
  });
}

/** Keeps the last LOG_LINES lines of the child's output; returns them as text. */
function collectLogs(child: ChildProcess): () => string {
  const lines: string[] = [];
  const collect = (chunk: Buffer) => {
    // Always drain the pipes: a full pipe would block Prism.
    for (const line of chunk.toString("utf8").split(/\r?\n/)) {
      if (line.trim() === "") continue;
      lines.push(line);
      if (lines.length > LOG_LINES) lines.shift();
    }
  };
  child.stdout!.on("data", collect);
  child.stderr!.on("data", collect);
  return () => lines.join("\n");
}

/** Settles when the child exits or fails to spawn; `exitInfo` says how (undefined while it runs). */
function watchExit(child: ChildProcess): Pick<Launched, "exited" | "exitInfo"> {
  let exitDescription: string | undefined;
  const exited = new Promise<void>((resolve) => {
    child.once("exit", (code, signal) => {
      exitDescription = signal ? `signal ${signal}` : `code ${code}`;
      live.delete(child);
      resolve();
    });
    child.once("error", (error) => {
      exitDescription = `spawn error: ${error.message}`;
      live.delete(child);
      resolve();
    });
  });
  return { exited, exitInfo: () => exitDescription };
}

/** SIGTERM (SIGKILL after 5 s), then SIGKILL to the group: it may still hold children after the leader exited. */
async function stop(child: ChildProcess, exited: Promise<void>, exitInfo: () => string | undefined): Promise<void> {
  if (exitInfo() === undefined) {
    killGroup(child, "SIGTERM");
    const timer = setTimeout(() => killGroup(child, "SIGKILL"), 5_000);
    await exited;
    clearTimeout(timer);
  }
  killGroup(child, "SIGKILL");
  child.stdout?.destroy();
  child.stderr?.destroy();
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    if (process.platform === "win32") child.kill(signal);
    else process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

/** Polls until Prism answers as Prism (its 404 problem+json for `/`), it exits, or the deadline passes. */
async function waitReady(server: Launched, deadline: number): Promise<void> {
  const { handle } = server;
  while (Date.now() < deadline) {
    const exit = server.exitInfo();
    if (exit !== undefined) {
      throw new Error(
        `Prism exited before it was ready (${exit}) on port ${handle.port}. Its output:\n${handle.logs()}`,
      );
    }
    const body = await probe(`${handle.url}/`);
    if (body !== undefined) {
      if (body.includes("stoplight.io/prism")) return;
      throw new Error(`Port ${handle.port} answered, but not as Prism: ${body.slice(0, 200)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`Prism did not answer on ${handle.url} in time. Its output:\n${handle.logs()}`);
}

/** The body of a GET, or undefined when nothing answers (yet). */
function probe(url: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    const request = http.get(url, { timeout: 1_000, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
      response.on("error", () => resolve(undefined));
    });
    request.on("timeout", () => request.destroy());
    request.on("error", () => resolve(undefined));
  });
}

/** Prism's `validation` list from a 4xx/5xx problem+json body (empty when there is none). */
export function violationsOf(body: string): PrismViolation[] {
  try {
    const parsed = JSON.parse(body) as { validation?: PrismViolation[] };
    return Array.isArray(parsed.validation) ? parsed.validation : [];
  } catch {
    return [];
  }
}

/**
 * The `sl-violations` header of a response Prism did serve: warnings about the request
 * (location starts with "request") and violations of the mock response against the
 * document (location starts with "response").
 */
export function slViolations(headers: Record<string, unknown> | undefined): PrismViolation[] {
  const raw = headers?.["sl-violations"];
  if (raw === undefined || raw === null || raw === "") return [];
  const text = String(raw);
  try {
    return JSON.parse(text) as PrismViolation[];
  } catch {
    // Prism truncates very long lists ("Too many violations! ..."): keep it visible, not silent.
    return [{ location: ["unparsed"], severity: "Error", message: text }];
  }
}

/** One violation per line: `Error body.tools.0 [oneOf] must match exactly one schema in oneOf`. */
export function formatViolations(violations: readonly PrismViolation[]): string {
  return violations.map((v) => `  ${v.severity} ${v.location.join(".")} [${v.code ?? ""}] ${v.message}`).join("\n");
}
