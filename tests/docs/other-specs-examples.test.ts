/**
 * The docs' example programs are built from types, so they must compile for documents the
 * generator was not written for too: OpenAI's full 2023 document (57 operations, every tag; its
 * facts, tests/facts/),
 * generated as a standalone package into a temporary folder, every ```typescript block of its
 * docs and README checked in one strict program. (The 2026 document's 1,950 examples also
 * compile, but take ~15-25 s on a 2-core machine; docs-structure.test.ts still generates and
 * link-checks its docs.)
 */
import { generate } from "../../codegen/generate";
import { documentFile } from "../support/facts";
import { tempPackage } from "../support/temp";
import { extractCodeBlocks, formatDiagnostics, typecheck } from "../support/typecheck";

describe.each(["openai-2023-11-28.yaml"] as const)("examples in the docs generated for %s", (name) => {
  const spec = documentFile(name);
  it("all typecheck against the generated package", () => {
    const { files, config, model } = generate({ specFile: spec, mode: "package" });
    const dir = tempPackage(files, "docs");
    const snippets = files.filter((f) => f.path.endsWith(".md")).flatMap((f) => extractCodeBlocks(f.content, f.path));
    const operations = model.tags.reduce((n, t) => n + t.operations.length, 0);
    expect(snippets.filter((s) => s.source.startsWith("docs/sdks/")).length).toBe(operations);
    const diagnostics = typecheck({ snippets, packageRoot: dir, packageName: config.packageName });
    if (diagnostics.length > 0)
      throw new Error(`${diagnostics.length} type error(s):\n${formatDiagnostics(diagnostics.slice(0, 50))}`);
  }, 180_000);
});
