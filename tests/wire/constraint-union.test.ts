/**
 * An object with `properties` plus a `oneOf`/`anyOf` whose branches only add `required` is that
 * object (the branches are a rule, kept in its docs): its fields keep their types, and their
 * camelCase names go out as the wire names.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { generatedSdk, type Untyped } from "../support/generated-sdk";
import { useRecordingServer } from "../support/recording-server";
import { ROOT } from "../support/root";

const server = useRecordingServer();
let sdk: Untyped;
let dir: string;

beforeAll(async () => {
  const generated = await generatedSdk(join(ROOT, "tests/wire/fixtures/constraint-union.yaml"), "constraint");
  dir = generated.dir;
  sdk = new generated.exports.Constraints({ serverURL: server.baseURL, retries: false });
}, 60_000);

test("nested fields under a required-only oneOf go out under their wire names", async () => {
  const wire = {
    tool_resources: { file_search: { vector_stores: [{ file_ids: ["file-1"] }] } },
    attachment: { file_id: "file-2" },
  };
  server.reply({ status: 200, json: wire });

  const res = await sdk.assistants.createAssistant({
    toolResources: { fileSearch: { vectorStores: [{ fileIds: ["file-1"] }] } },
    attachment: { fileId: "file-2" },
  });

  const sent = server.single();
  expect(sent.method).toBe("POST");
  expect(sent.url).toBe("/v1/assistants");
  expect(sent.contentType).toBe("application/json");
  expect(sent.body).toBe(JSON.stringify(wire));
  expect(res.assistantRequest).toEqual({
    toolResources: { fileSearch: { vectorStores: [{ fileIds: ["file-1"] }] } },
    attachment: { fileId: "file-2" },
  });
});

test("the fields are typed as the object's properties, and the rule is in the docs", () => {
  const model = (name: string) => readFileSync(join(dir, "src/sdk/models/shared", `${name}.ts`), "utf8");
  expect(model("assistantrequesttoolresources")).toContain("fileSearch?: AssistantRequestToolResourcesFileSearch;");
  const fileSearch = model("assistantrequesttoolresourcesfilesearch");
  expect(fileSearch).toContain("Requires exactly one of: `vector_store_ids`, `vector_stores`.");
  expect(fileSearch).toContain("vectorStoreIds?: string[];");
  expect(model("attachment")).toContain("Requires at least one of: `image_url`, `file_id`.");
});
