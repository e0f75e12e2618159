/**
 * The gpt-sdk repository the generator runs from: the runtime it copies into packages and the
 * versions they depend on live there. Found by walking up from this code to the package.json named
 * gpt-sdk, so the generator works wherever its code sits (codegen/, or bundled elsewhere as the
 * bench's precompiled cli.js is).
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";

const PACKAGE_NAME = "gpt-sdk";

/** The nearest folder at or above `from` whose package.json is named gpt-sdk. */
export function findRepoRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (isRepoRoot(dir)) return dir;
    if (dirname(dir) === dir) {
      throw new Error(
        `codegen must run from the ${PACKAGE_NAME} repository: no ${PACKAGE_NAME} package.json above ${from}`,
      );
    }
  }
}

function isRepoRoot(dir: string): boolean {
  const manifest = join(dir, "package.json");
  if (!existsSync(manifest)) return false;
  try {
    return (JSON.parse(readFileSync(manifest, "utf8")) as { name?: unknown }).name === PACKAGE_NAME;
  } catch {
    // Not readable as JSON: not ours.
    return false;
  }
}

export const REPO_ROOT = findRepoRoot(__dirname);
