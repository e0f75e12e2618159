/** `--diff`: what changed in the SDK surface between two documents, each change marked breaking or not. */
import { runGenerate } from "../support/cli";
import { documentFile } from "../support/facts";

let report: string;

beforeAll(() => {
  const run = runGenerate([
    "--spec",
    documentFile("openai-2024-05-13.yaml"),
    "--diff",
    documentFile("openai-2023-11-28.yaml"),
  ]);
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
  report = run.stdout;
}, 120_000);

function section(name: "Breaking" | "Non-breaking"): string[] {
  const start = report.indexOf(`## ${name}\n`);
  const end = name === "Breaking" ? report.indexOf("## Non-breaking") : report.length;
  return report
    .slice(start, end)
    .split("\n")
    .filter((l) => l.startsWith("- "));
}

test("the report is markdown with counts that match its lists", () => {
  expect(report.startsWith("# SDK changes from openai-2023-11-28.yaml to openai-2024-05-13.yaml\n")).toBe(true);
  const counts = /(\d+) breaking, (\d+) non-breaking\./.exec(report)!;
  expect(section("Breaking")).toHaveLength(Number(counts[1]));
  expect(section("Non-breaking")).toHaveLength(Number(counts[2]));
});

test("Assistants v1 → v2: the retrieval tool and file_ids go away (breaking)", () => {
  const breaking = section("Breaking");
  expect(breaking).toContain("- type `AssistantToolsRetrieval` removed");
  expect(breaking).toContain("- field `AssistantObject.fileIds` removed");
  expect(breaking).toContain("- field `CreateMessageRequest.fileIds` removed");
  expect(breaking).toContain("- operation `sdk.assistants.listAssistantFiles` removed");
  expect(breaking).toContain(
    "- field `AssistantObject.tools` changed type (different): `(AssistantToolsCode | AssistantToolsRetrieval | AssistantToolsFunction)[]` → `(AssistantToolsCode | AssistantToolsFileSearch | AssistantToolsFunction)[]`",
  );
});

test("vector stores arrive (not breaking)", () => {
  const other = section("Non-breaking");
  expect(other).toContain("- operation `sdk.vectorStores.createVectorStore` added");
  expect(other).toContain("- type `VectorStoreObject` added");
  expect(other).toContain("- operation `sdk.assistants.deleteMessage` added");
  // Fields of a new model are not listed one by one.
  expect(other.some((l) => l.startsWith("- field `VectorStoreObject."))).toBe(false);
});

test("a document compared with itself has no changes", () => {
  const same = documentFile("openai-2023-11-28.yaml");
  const run = runGenerate(["--spec", same, "--diff", same]);
  expect(run.stdout).toContain("0 breaking, 0 non-breaking.");
});
