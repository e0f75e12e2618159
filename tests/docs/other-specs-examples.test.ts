/**
 * The docs' example programs are built from types, so they must compile for documents the
 * generator was not written for too: OpenAI's full 2023 document (57 operations, every tag),
 * generated as a standalone package into a temporary folder, every ```typescript block of its
 * docs and README checked in one strict program. (The 2026 document's 1,950 examples also
 * compile, but take ~15-25 s on a 2-core machine; docs-structure.test.ts still generates and
 * link-checks its docs.)
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { generate } from "../../codegen/generate";
import { extractCodeBlocks, formatDiagnostics, REPO_ROOT, typecheckSnippets } from "../support/typecheck";

const SPECS = join(REPO_ROOT, "..", "shared", "specs");

describe.each(["openai-2023-11-28.yaml"])("examples in the docs generated for %s", (name) => {
  const spec = join(SPECS, name);
  (existsSync(spec) ? it : it.skip)("all typecheck against the generated package", () => {
    const { files, config, model } = generate({ specFile: spec, mode: "package" });
    const dir = mkdtempSync(join(tmpdir(), "gpt-sdk-docs-"));
    try {
      for (const file of files) {
        mkdirSync(dirname(join(dir, file.path)), { recursive: true });
        writeFileSync(join(dir, file.path), file.content);
      }
      symlinkSync(join(REPO_ROOT, "node_modules"), join(dir, "node_modules"), "dir");
      const snippets = files.filter((f) => f.path.endsWith(".md")).flatMap((f) => extractCodeBlocks(f.content, f.path));
      const operations = model.tags.reduce((n, t) => n + t.operations.length, 0);
      expect(snippets.filter((s) => s.source.startsWith("docs/sdks/")).length).toBe(operations);
      const { diagnostics } = typecheckSnippets(snippets, { root: dir, packageName: config.packageName });
      if (diagnostics.length > 0) throw new Error(`${diagnostics.length} type error(s):\n${formatDiagnostics(diagnostics.slice(0, 50))}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
