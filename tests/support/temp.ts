/**
 * Temporary folders under the system temp folder (os.tmpdir(), so TMPDIR is honoured). Every
 * folder made here is removed after the test file that made it, so a test run leaves nothing.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { ROOT } from "./root";

const made = new Set<string>();

function removeAll(): void {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
  made.clear();
}

// Registered when a test file loads this module: runs after that file's last test, passed or failed.
afterAll(removeAll);

/** A new empty folder named `gpt-sdk-<prefix>-XXXXXX`, removed after the current test file. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `gpt-sdk-${prefix}-`));
  made.add(dir);
  return dir;
}

/** Links this repository's node_modules into `dir`, so code there resolves its dependencies. */
export function linkNodeModules(dir: string): void {
  symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"), "dir");
}

/** A temp folder holding these files (generated ones, say) that resolves this repo's node_modules. */
export function tempPackage(files: readonly { path: string; content: string }[], prefix: string): string {
  const dir = tempDir(prefix);
  for (const file of files) {
    mkdirSync(dirname(join(dir, file.path)), { recursive: true });
    writeFileSync(join(dir, file.path), file.content);
  }
  linkNodeModules(dir);
  return dir;
}
