/** The committed SDK is exactly what the generator writes, and generation is deterministic. */
import { join } from "node:path";
import { generate } from "../../codegen/generate";
import { diffTree } from "../../codegen/write/tree";
import { ROOT } from "../support/root";

const input = { specFile: join(ROOT, "openapi.yaml"), configFile: join(ROOT, "gen.yaml"), mode: "repo" as const };

test("the committed src/sdk, docs and files.gen match the generator's output", () => {
  const diff = diffTree(ROOT, generate(input).files);
  expect({ added: diff.added, changed: diff.changed, stale: diff.stale }).toEqual({
    added: [],
    changed: [],
    stale: [],
  });
});

test("two runs produce byte-identical output", () => {
  const first = generate(input).files;
  const second = generate(input).files;
  expect(second.map((f) => f.path)).toEqual(first.map((f) => f.path));
  second.forEach((file, i) => expect(file.content).toBe(first[i].content));
});

test("our spec yields 33 operations in two tags, with the seed's method names and arguments", () => {
  const { model } = generate(input);
  expect(model.tags.map((t) => [t.className, t.propertyName, t.operations.length])).toEqual([
    ["Assistants", "assistants", 28],
    ["Files", "files", 5],
  ]);
  const assistants = model.tags[0].operations;
  expect(assistants.map((o) => o.methodName)).toContain("submitToolOuputsToRun");
  expect(assistants.map((o) => o.methodName)).toContain("modifyAssistant");
  const byName = new Map(assistants.map((o) => [o.methodName, o]));
  expect(byName.get("cancelRun")!.params.map((p) => p.name)).toEqual(["runId", "threadId"]);
  expect(byName.get("listAssistants")!.params.map((p) => p.name)).toEqual(["after", "before", "limit", "order"]);
  expect(byName.get("listAssistants")!.call.style).toBe("positional");
  expect(byName.get("listRunSteps")!.call.style).toBe("request");
  expect(byName.get("modifyMessage")!.body!.fieldName).toBe("modifyMessageRequest");
});
