/**
 * The 27 examples of the seed's docs (../shared/seeds/002_5b56055f48d1b0ee.txt, written for
 * `@speakeasy-api/openai`) compile against gpt-sdk with the package name replaced. Nothing
 * else in the seed's code is changed, except two defects of the seed itself (see fixSeed).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { SHARED } from "../support/root";
import { extractCodeBlocks, formatDiagnostics, type Snippet, typecheck } from "../support/typecheck";

const SEED = join(SHARED, "seeds", "002_5b56055f48d1b0ee.txt");
const MODELS = "gpt-sdk/dist/sdk/models";

interface Fixes {
  /** Names dropped from an operations import because shared imports them too. */
  duplicateImports: string[];
  /** `"string"` items replaced in `tools` arrays. */
  toolItems: number;
}

/**
 * The seed's own defects, fixed here and nowhere else:
 * (a) Some examples import one name from both `.../models/operations` and `.../models/shared`
 *     (`CreateMessageRequest`, `ModifyRunRequest`, ...): a duplicate identifier, so the seed's
 *     example is not valid TypeScript even against the seed's own SDK. The value is typed with
 *     the shared body model, so the name is dropped from the operations import.
 * (b) `tools: ["string"]`: the seed typed `tools` as `any[]` (every oneOf became `any`).
 *     A deliberate difference from the seed: tools are a real union, so a string is no tool; the
 *     item becomes `{ type: "code_interpreter" }`, the simplest member.
 */
function fixSeed(code: string, fixes: Fixes): string {
  const importOf = (namespace: string) => new RegExp(`^import \\{ ([^}]*) \\} from "${MODELS}/${namespace}";$`, "m");
  const shared = importOf("shared").exec(code);
  const operations = importOf("operations").exec(code);
  if (shared && operations) {
    const sharedNames = new Set(shared[1].split(",").map((n) => n.trim()));
    const names = operations[1].split(",").map((n) => n.trim());
    const kept = names.filter((n) => !sharedNames.has(n));
    fixes.duplicateImports.push(...names.filter((n) => sharedNames.has(n)));
    const line = kept.length > 0 ? `import { ${kept.join(", ")} } from "${MODELS}/operations";` : "";
    code = code.replace(operations[0], line);
  }
  return code.replace(/(\btools: \[)([^\]]*)(\])/g, (_all, open: string, items: string, close: string) => {
    const fixed = items.replace(/"string"/g, () => {
      fixes.toolItems++;
      return `{ type: "code_interpreter" }`;
    });
    return open + fixed + close;
  });
}

describe("the seed's examples", () => {
  const seed = readFileSync(SEED, "utf8");
  const blocks = extractCodeBlocks(seed, "../shared/seeds/002_5b56055f48d1b0ee.txt");
  const fixes: Fixes = { duplicateImports: [], toolItems: 0 };
  const snippets: Snippet[] = blocks.map((b) => ({
    ...b,
    code: fixSeed(b.code.replace(/@speakeasy-api\/openai/g, "gpt-sdk"), fixes),
  }));

  it("has exactly 27 TypeScript examples", () => {
    expect(blocks).toHaveLength(27);
  });

  it("needs only the two documented fixes, each where expected", () => {
    expect(fixes.duplicateImports.sort()).toEqual([
      "CreateAssistantFileRequest",
      "CreateMessageRequest",
      "CreateRunRequest",
      "ModifyMessageRequest",
      "ModifyRunRequest",
      "ModifyThreadRequest",
    ]);
    // createAssistant, createRun and createThreadAndRun.
    expect(fixes.toolItems).toBe(3);
    for (const s of snippets) expect(s.code).not.toContain("@speakeasy-api");
  });

  it("compile against gpt-sdk (strict, one program)", () => {
    const diagnostics = typecheck({ snippets, packageName: "gpt-sdk" });
    if (diagnostics.length > 0)
      throw new Error(`${diagnostics.length} type error(s) in the seed's examples:\n${formatDiagnostics(diagnostics)}`);
  });
});
