/**
 * docs/HELPERS.md and examples/ must compile: every ```typescript block of the helpers guide
 * (importing "gpt-sdk", resolved to this repo's src) and every program under examples/,
 * typechecked with the repository's strict settings, unused locals included.
 */
import { readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { ROOT } from "../support/root";
import { formatDiagnostics, snippetsFromMarkdown, typecheck } from "../support/typecheck";

const GUIDE = join(ROOT, "docs", "HELPERS.md");
const EXAMPLES = join(ROOT, "examples");
// examples/tsconfig.json is the repository's: unused locals are errors there too.
const STRICTER = { noUnusedLocals: true };

function examplePrograms(): string[] {
  return readdirSync(EXAMPLES, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts"))
    .map((f) => join(EXAMPLES, f));
}

test("docs/HELPERS.md has examples for every helper", () => {
  const code = snippetsFromMarkdown([GUIDE], ["typescript", "ts"])
    .map((b) => b.code)
    .join("\n");
  for (const name of [
    "waitForRun",
    "createAndWaitForCompletion",
    "createAndRunUntilCompletion",
    "runUntilDone",
    "streamRunUntilDone",
    "waitForProcessing",
    "createAndWaitForProcessing",
    "listMessagesAll",
    "toArray",
  ]) {
    expect(code).toContain(name);
  }
});

test("every typescript block of docs/HELPERS.md and every program in examples/ typechecks", () => {
  const snippets = snippetsFromMarkdown([GUIDE], ["typescript", "ts"]);
  expect(snippets.length).toBeGreaterThanOrEqual(7);
  const programs = examplePrograms();
  expect(programs.map((p) => relative(ROOT, p))).toContain(join("examples", "data-visualizer.ts"));

  expect(formatDiagnostics(typecheck({ files: programs, snippets, options: STRICTER }))).toBe("");
}, 120_000);

test("the typecheck does catch mistakes (a wrong option name fails)", () => {
  const probe = {
    source: "docs/probe.ts",
    line: 1,
    code: `import { Gpt, waitForRun } from "gpt-sdk";\nwaitForRun(new Gpt(), "thread_1", "run_1", { intervalSeconds: 1 });`,
  };
  const errors = typecheck({ snippets: [probe], options: STRICTER });
  expect(errors).toHaveLength(1);
  expect(formatDiagnostics(errors)).toMatch(/^docs\/probe\.ts:2:\d+ .*intervalSeconds/);
}, 120_000);
