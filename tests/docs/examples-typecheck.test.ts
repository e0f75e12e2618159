/**
 * Every ```typescript block in docs/**\/*.md and README.md compiles against the SDK's sources
 * (strict, one program for all blocks). Run `npm run generate` first: the docs are generated.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { generate } from "../../codegen/generate";
import { ROOT } from "../support/root";
import { formatDiagnostics, markdownFiles, snippetsFromMarkdown, typecheck } from "../support/typecheck";

function documentedFiles(): string[] {
  const files = markdownFiles(join(ROOT, "docs"));
  const readme = join(ROOT, "README.md");
  if (existsSync(readme)) files.push(readme);
  return files;
}

describe("docs examples", () => {
  const snippets = snippetsFromMarkdown(documentedFiles());

  it("has an example program for every operation on its tag's page", () => {
    const { model, config } = generate({
      specFile: join(ROOT, "openapi.yaml"),
      configFile: join(ROOT, "gen.yaml"),
      mode: "repo",
    });
    for (const tag of model.tags) {
      const page = snippets.filter((s) => s.source === `docs/sdks/${tag.className.toLowerCase()}/README.md`);
      expect(page).toHaveLength(tag.operations.length);
      tag.operations.forEach((op, i) => {
        expect(page[i].code).toContain(`import { ${config.sdkClassName} } from "${config.packageName}";`);
        expect(page[i].code).toContain(`await sdk.${tag.propertyName}.${op.methodName}(`);
      });
    }
  });

  it("all typecheck (strict) in one program", () => {
    expect(snippets.length).toBeGreaterThan(0);
    const diagnostics = typecheck({ snippets });
    if (diagnostics.length > 0)
      throw new Error(`${diagnostics.length} type error(s) in doc examples:\n${formatDiagnostics(diagnostics)}`);
  });
});
