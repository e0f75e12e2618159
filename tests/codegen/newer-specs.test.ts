/**
 * Spec bumps: OpenAI's 2024-05 (Assistants v2, OpenAPI 3.0) and 2026-08 (OpenAPI 3.1, 288
 * operations) documents generate whole packages that typecheck strictly, deterministically,
 * and whose types accept what the API accepts and reject what it rejects.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { generate } from "../../codegen/generate";
import { runGenerate } from "../support/cli";
import { documentFile } from "../support/facts";
import { ROOT } from "../support/root";
import { linkNodeModules, tempDir } from "../support/temp";
import { formatDiagnostics, typecheck } from "../support/typecheck";

/** Usage that must typecheck against the 2026 SDK (and one line that must not). */
const USAGE_2026 = `
import { OpenAIAPI } from "./sdk";
import type * as shared from "./sdk/models/shared";

export async function usage(sdk: OpenAIAPI): Promise<void> {
  const chat: shared.CreateChatCompletionRequest = {
    model: "gpt-4o",
    messages: [{ role: "system", content: "be brief" }, { role: "user", content: "hi" }],
  };
  await sdk.chat.createChatCompletion(chat);

  const assistant: shared.CreateAssistantRequest = {
    model: "gpt-4o",
    tools: [{ type: "code_interpreter" }, { type: "function", function: { name: "f", parameters: {} } }],
    metadata: { k: "v" },
    description: null,
  };
  await sdk.assistants.createAssistant(assistant);

  const bogus: shared.CreateAssistantRequest = {
    model: "gpt-4o",
    // @ts-expect-error: "bogus" is not a tool type
    tools: [{ type: "bogus" }],
  };
  void bogus;
}
`;

const ALL_TAGS_CONFIG = [
  "betaHeaders:",
  "  OpenAI-Beta: assistants=v2",
  "pagination:",
  "  cursorParam: after",
  "  cursorField: last_id",
  "  hasMoreField: has_more",
  "  itemsField: data",
  "overlays:",
  `  - ${join(ROOT, "overlays", "download-file-bytes.yaml")}`,
  `  - ${join(ROOT, "overlays", "assistants-v2-stream.yaml")}`,
  "",
].join("\n");

describe.each([
  ["openai-2024-05-13.yaml", 64, undefined],
  ["openai-2026-08-21.yaml", 288, USAGE_2026],
] as const)("%s", (file, operations, usage) => {
  const spec = documentFile(file);

  test(`generates all ${operations} operations into a package that typechecks with strict: true`, () => {
    const out = tempDir("spec");
    // This repository's settings minus the tag filter: every tag, paginated lists, and the shipped overlays.
    const genYaml = join(tempDir("spec-config"), "gen.yaml");
    writeFileSync(genYaml, ALL_TAGS_CONFIG);
    const run = runGenerate(["--spec", spec, "--out", out, "--config", genYaml]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`operations: ${operations} in`);
    if (usage) {
      writeFileSync(join(out, "src", "usage.ts"), usage);
      // The 2026 document deprecates the Assistants operations: code and docs both say so.
      const code = readFileSync(join(out, "src/sdk/assistants.ts"), "utf8");
      expect(code).toMatch(/@deprecated The API marks this operation as deprecated\.\n\s+\*\/\n\s+createAssistant\(/);
      const docs = readFileSync(join(out, "docs/sdks/assistants/README.md"), "utf8");
      const section = docs.slice(
        docs.indexOf("\n## createAssistant\n"),
        docs.indexOf("### Example Usage", docs.indexOf("\n## createAssistant\n")),
      );
      expect(section).toContain("**DEPRECATED**");
    }
    linkNodeModules(out);
    expect(formatDiagnostics(typecheck({ project: out }))).toBe("");
  }, 300_000);

  test("generation is deterministic", () => {
    const first = generate({ specFile: spec, mode: "package" }).files;
    const second = generate({ specFile: spec, mode: "package" }).files;
    expect(second.length).toBe(first.length);
    second.forEach((f, i) => {
      expect(f.path).toBe(first[i].path);
      expect(f.content === first[i].content).toBe(true);
    });
  }, 120_000);
});
