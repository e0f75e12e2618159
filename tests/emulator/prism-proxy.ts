/**
 * Prism in proxy mode: it forwards every request to an upstream server and reports, in the
 * `sl-violations` header of each answer, where the request or the response breaks the document.
 * Started on a free loopback port in its own process group, stopped with it.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { freePort, prismCli } from "../support/prism";

export interface PrismProxy {
  readonly url: string;
  stop(): Promise<void>;
}

export async function startPrismProxy(
  specPath: string,
  upstream: string,
  readyTimeoutMs = 60_000,
): Promise<PrismProxy> {
  const port = await freePort();
  const args = [prismCli(), "proxy", specPath, upstream, "--host", "127.0.0.1", "--port", String(port)];
  const child = spawn(process.execPath, args, {
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, NO_COLOR: "1" },
  });
  let output = "";
  const collect = (chunk: Buffer) => (output = (output + chunk.toString("utf8")).slice(-20_000));
  child.stdout!.on("data", collect);
  child.stderr!.on("data", collect);
  const proxy: PrismProxy = { url: `http://127.0.0.1:${port}`, stop: stopper(child) };
  const deadline = Date.now() + readyTimeoutMs;
  while (!/Prism is listening/.test(output)) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await proxy.stop();
      throw new Error(`Prism proxy did not start on port ${port}:\n${output}`);
    }
    await new Promise((done) => setTimeout(done, 200));
  }
  return proxy;
}

/** Stops the child's process group: SIGTERM, then SIGKILL after 5 s. */
function stopper(child: ChildProcess): () => Promise<void> {
  const exited = new Promise<void>((done) => child.once("exit", () => done()));
  const kill = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      // Already gone.
    }
  };
  return async () => {
    kill("SIGTERM");
    const timer = setTimeout(() => kill("SIGKILL"), 5_000);
    await exited;
    clearTimeout(timer);
  };
}
