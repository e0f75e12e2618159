import { Gpt } from "../../src";
import { API_KEY, BASE_URL, mockApi } from "../support/mock-api";

const api = mockApi();
beforeAll(() => api.server.listen({ onUnhandledRequest: "error" }));
afterEach(() => api.reset());
afterAll(() => api.server.close());

const sdk = new Gpt({ apiKeyAuth: API_KEY, serverURL: BASE_URL });

test("createAssistant sends snake_case JSON with metadata intact and parses the union tools", async () => {
  api.reply({
    json: {
      id: "asst_1",
      object: "assistant",
      created_at: 1699009709,
      name: "Math Tutor",
      description: null,
      model: "gpt-4",
      instructions: null,
      tools: [{ type: "code_interpreter" }, { type: "function", function: { name: "f", parameters: { type: "object" } } }],
      file_ids: ["file-1"],
      metadata: { user_id: "u1" },
      brand_new_field: { nested_key: 1 },
    },
  });
  const res = await sdk.assistants.createAssistant({
    model: "gpt-4",
    fileIds: ["file-1"],
    metadata: { user_id: "u1", "Mixed Key": "v" },
    tools: [{ type: "retrieval" }],
  });
  const req = api.single();
  expect(req.method).toBe("POST");
  expect(req.url).toBe(`${BASE_URL}/assistants`);
  expect(req.headers["authorization"]).toBe(`Bearer ${API_KEY}`);
  expect(req.headers["openai-beta"]).toBe("assistants=v1");
  expect(req.headers["content-type"]).toBe("application/json");
  expect(JSON.parse(req.body)).toEqual({ model: "gpt-4", file_ids: ["file-1"], metadata: { user_id: "u1", "Mixed Key": "v" }, tools: [{ type: "retrieval" }] });

  expect(res.statusCode).toBe(200);
  expect(res.contentType).toBe("application/json");
  const assistant = res.assistantObject!;
  expect(assistant.createdAt).toBe(1699009709);
  expect(assistant.fileIds).toEqual(["file-1"]);
  expect(assistant.metadata).toEqual({ user_id: "u1" });
  expect((assistant as unknown as Record<string, unknown>)["brand_new_field"]).toEqual({ nested_key: 1 });
  const tool = assistant.tools[1];
  if (tool.type !== "function") throw new Error("expected a function tool");
  expect(tool.function.name).toBe("f");
  expect(tool.function.parameters).toEqual({ type: "object" });
});

test("listAssistants sends no bare '?' when no query parameter is set", async () => {
  api.reply({ json: { object: "list", data: [], first_id: "", last_id: "", has_more: false } });
  const res = await sdk.assistants.listAssistants();
  expect(api.single().url).toBe(`${BASE_URL}/assistants`);
  expect(res.listAssistantsResponse!.hasMore).toBe(false);
});
