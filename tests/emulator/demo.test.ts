/**
 * `npm run demo`: examples/data-visualizer.ts without a key runs against an embedded emulator and
 * prints each status change and the final messages; with a key and `--server` it uses that server.
 */
import { spawn } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { startEmulator } from "../../src/emulator";
import { ROOT } from "../support/root";
import { tempDir } from "../support/temp";

const EXAMPLE = join(ROOT, "examples", "data-visualizer.ts");

interface Result {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the example as `npm run demo` does (node + tsx's require hook), without blocking this process. */
function run(args: string[], env: Record<string, string | undefined>, cwd: string): Promise<Result> {
  const childEnv: Record<string, string | undefined> = { ...process.env, TSX_DISABLE_CACHE: "1", ...env };
  for (const [key, value] of Object.entries(childEnv)) if (value === undefined) delete childEnv[key];
  const child = spawn(process.execPath, ["--require", require.resolve("tsx/cjs"), EXAMPLE, ...args], {
    cwd,
    env: childEnv,
  });
  const out = { stdout: "", stderr: "" };
  child.stdout.on("data", (chunk: Buffer) => (out.stdout += chunk.toString("utf8")));
  child.stderr.on("data", (chunk: Buffer) => (out.stderr += chunk.toString("utf8")));
  return new Promise((resolve) => child.once("close", (status) => resolve({ status, ...out })));
}

const ids = (text: string) =>
  text.replace(/(file-|run_)[A-Za-z0-9]{24}/g, "$1<id>").replace(/127\.0\.0\.1:\d+/g, "127.0.0.1:<port>");

test("without OPENAI_API_KEY: an embedded emulator, each status change and the final messages", async () => {
  const cwd = tempDir("demo");
  const result = await run([], { OPENAI_API_KEY: undefined }, cwd);
  expect(result.stderr).toBe("");
  const saved = readdirSync(join(cwd, "data-visualizer-output"));
  expect(saved).toHaveLength(1);
  expect(ids(result.stdout).trim().split("\n")).toEqual([
    "OPENAI_API_KEY is not set: using gpt-sdk's emulator at http://127.0.0.1:<port>/v1",
    "file file-<id>: uploaded",
    "file file-<id>: processed",
    "run run_<id>: queued",
    "run run_<id>: in_progress",
    "run run_<id>: completed",
    "",
    "[user] Create 3 data visualizations based on the trends in this file.",
    "",
    `[assistant] chart saved to ${join(cwd, "data-visualizer-output", "file-<id>.png")}`,
    "",
    "[assistant] I plotted mydata.csv: see the chart above.",
  ]);
  expect(result.status).toBe(0);
}, 60_000);

test("with OPENAI_API_KEY and --server it talks to that server", async () => {
  const lines: string[] = [];
  const emu = await startEmulator({ stepMs: 10, log: (line) => lines.push(line) });
  try {
    const cwd = tempDir("demo-server");
    const result = await run(["--server", emu.url], { OPENAI_API_KEY: "sk-test" }, cwd);
    expect(result.stdout).not.toContain("OPENAI_API_KEY is not set");
    expect(result.stdout).toContain("[assistant] I plotted mydata.csv: see the chart above.");
    expect(result.status).toBe(0);
    expect(lines.filter((line) => / createRun 200 /.test(line))).toHaveLength(1);
  } finally {
    await emu.close();
  }
}, 60_000);
