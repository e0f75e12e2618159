/** Starting the bench's TypeScript scripts as child processes (through tsx's loader). */
import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { BENCH_DIR, ROOT } from "./util";

/** Node arguments that run a bench TypeScript file: tsx's loader, resolved from the repository root. */
function tsNodeArgs(file: string, nodeFlags: readonly string[] = []): string[] {
  return [...nodeFlags, "--import", "tsx", join(BENCH_DIR, file)];
}

export interface ServerProcess {
  readonly baseURL: string;
  readonly child: ChildProcess;
  stop(): Promise<void>;
}

/** Starts bench/server.ts in its own process and waits for its port. */
export function startServer(): Promise<ServerProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, tsNodeArgs("server.ts"), { cwd: ROOT, stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`bench server did not start: ${out}`));
    }, 30_000);
    child.on("error", reject);
    child.on("exit", (code) => reject(new Error(`bench server exited (${code}) before it was ready: ${out}`)));
    child.stdout?.on("data", (d: Buffer) => {
      out += d.toString();
      const m = /READY (\d+)/.exec(out);
      if (!m) return;
      clearTimeout(timer);
      child.removeAllListeners("exit");
      resolve({
        baseURL: `http://127.0.0.1:${m[1]}/v1`,
        child,
        stop: () =>
          new Promise((done) => {
            if (child.exitCode !== null) return done();
            child.once("exit", () => done());
            child.kill("SIGTERM");
          }),
      });
    });
  });
}

/** Runs a bench TypeScript file to completion and parses the JSON it prints last. */
export function runJsonChild<T>(file: string, args: readonly string[], nodeFlags: readonly string[] = []): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...tsNodeArgs(file, nodeFlags), ...args], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout?.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr?.on("data", (d: Buffer) => {
      err += d.toString();
      process.stderr.write(d);
    });
    child.on("error", reject);
    child.on("exit", (code) => {
      if (code !== 0) return reject(new Error(`${file} ${args.join(" ")} exited ${code}\n${out}\n${err}`));
      const lines = out.trim().split("\n");
      try {
        resolve(JSON.parse(lines[lines.length - 1]) as T);
      } catch {
        reject(new Error(`${file} printed no JSON result:\n${out}`));
      }
    });
  });
}
