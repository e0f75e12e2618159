/**
 * The generator finds the repository by walking up from its own code to gpt-sdk's package.json,
 * so it runs wherever its code sits inside the repository (bundled, say), not only from codegen/.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { findRepoRoot, REPO_ROOT } from "../../codegen/repo-root";
import { ROOT } from "../support/root";
import { tempDir } from "../support/temp";

function manifest(dir: string, text: string): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "package.json"), text);
}

test("the repository the generator's code is in", () => {
  expect(REPO_ROOT).toBe(ROOT);
});

test("walks up past other packages and unreadable manifests to the one named gpt-sdk", () => {
  const repo = join(tempDir("repo-root"), "repo");
  manifest(repo, JSON.stringify({ name: "gpt-sdk" }));
  manifest(join(repo, "bench"), JSON.stringify({ name: "gpt-sdk-bench" }));
  manifest(join(repo, "bench", "broken"), "{ not json");
  const bundleDir = join(repo, "bench", "broken", ".build", "deep");
  mkdirSync(bundleDir, { recursive: true });
  expect(findRepoRoot(bundleDir)).toBe(repo);
  expect(findRepoRoot(repo)).toBe(repo);
});

test("outside the repository: a clear error naming where it looked from", () => {
  const outside = join(tempDir("repo-root"), "elsewhere");
  manifest(outside, JSON.stringify({ name: "not-gpt-sdk" }));
  expect(() => findRepoRoot(outside)).toThrow(
    `codegen must run from the gpt-sdk repository: no gpt-sdk package.json above ${outside}`,
  );
});
