/**
 * Assistants and assistant files: the exact wire request and the exact parsed result of
 * each of the 9 operations, plus percent-encoding and an undeclared status.
 */
import { Gpt, SDKError, operations } from "../../src";
import { useMockApi } from "../support/mock-api";
import { API_KEY, expectJsonResult, expectRequest, notFoundBody } from "./expect-request";
import {
  assistant2Model,
  assistant2Wire,
  assistantFileModel,
  assistantFileWire,
  assistantModel,
  assistantWire,
  pageModel,
  pageWire,
  weatherParameters,
  weatherToolWire,
} from "./fixtures";

const api = useMockApi();
let sdk: Gpt;
beforeAll(() => {
  sdk = new Gpt({ apiKeyAuth: API_KEY, serverURL: api.baseURL });
});

describe("assistants", () => {
  test("createAssistant: snake_case body with tools union and metadata intact; parses tools union", async () => {
    api.reply({ json: assistantWire });

    const res = await sdk.assistants.createAssistant({
      model: "gpt-4-1106-preview",
      name: "Math Tutor",
      description: null,
      instructions:
        "You are a personal math tutor. When asked a question, write and run Python code to answer the question.",
      tools: [
        { type: "code_interpreter" },
        { type: "retrieval" },
        {
          type: "function",
          function: {
            name: "get_current_weather",
            description: "Get the current weather in a given location",
            parameters: weatherParameters,
          },
        },
      ],
      fileIds: ["file-abc123", "file-def456"],
      metadata: { "Course Name": "Algebra I", student_id: "s-42", gradeLevel: "9" },
    });

    expectRequest(api.single(), {
      method: "POST",
      path: "/assistants",
      beta: true,
      json: {
        model: "gpt-4-1106-preview",
        name: "Math Tutor",
        description: null,
        instructions:
          "You are a personal math tutor. When asked a question, write and run Python code to answer the question.",
        tools: [{ type: "code_interpreter" }, { type: "retrieval" }, weatherToolWire],
        file_ids: ["file-abc123", "file-def456"],
        metadata: { "Course Name": "Algebra I", student_id: "s-42", gradeLevel: "9" },
      },
    });
    expectJsonResult(res);
    expect(res.assistantObject).toEqual(assistantModel);

    // The union narrows on `type`, at compile time and at run time.
    const tools = res.assistantObject!.tools;
    expect(tools.map((t) => t.type)).toEqual(["code_interpreter", "retrieval", "function"]);
    const fn = tools[2];
    if (fn.type !== "function") throw new Error(`expected a function tool, got ${fn.type}`);
    expect(fn.function.name).toBe("get_current_weather");
    expect(fn.function.parameters).toEqual(weatherParameters);
  });

  test("listAssistants: all four query parameters in the URL; parses the page", async () => {
    api.reply({ json: pageWire([assistantWire, assistant2Wire], "asst_abc123", "asst_def456", true) });

    const res = await sdk.assistants.listAssistants("asst_aaa000", "asst_zzz999", 5, operations.QueryParamOrder.Asc);

    expectRequest(api.single(), {
      method: "GET",
      path: "/assistants?after=asst_aaa000&before=asst_zzz999&limit=5&order=asc",
      beta: true,
    });
    expectJsonResult(res);
    expect(res.listAssistantsResponse).toEqual(
      pageModel([assistantModel, assistant2Model], "asst_abc123", "asst_def456", true),
    );
  });

  test("listAssistants: no parameters means no query string and no bare '?'", async () => {
    api.reply({ json: pageWire([], "", "", false) });

    const res = await sdk.assistants.listAssistants();

    expectRequest(api.single(), { method: "GET", path: "/assistants", beta: true });
    expectJsonResult(res);
    expect(res.listAssistantsResponse).toEqual(pageModel([], "", "", false));
  });

  test("listAssistants: only the parameters given are sent", async () => {
    api.reply({ json: pageWire([assistant2Wire], "asst_def456", "asst_def456", false) });

    const res = await sdk.assistants.listAssistants(undefined, undefined, 20, operations.QueryParamOrder.Desc);

    expectRequest(api.single(), { method: "GET", path: "/assistants?limit=20&order=desc", beta: true });
    expect(res.listAssistantsResponse).toEqual(pageModel([assistant2Model], "asst_def456", "asst_def456", false));
  });

  test("getAssistant: GET by id; unknown response fields are kept under their wire name", async () => {
    api.reply({ json: { ...assistantWire, response_format: "auto", top_p: 1.0 } });

    const res = await sdk.assistants.getAssistant("asst_abc123");

    expectRequest(api.single(), { method: "GET", path: "/assistants/asst_abc123", beta: true });
    expectJsonResult(res);
    expect(res.assistantObject).toEqual({ ...assistantModel, response_format: "auto", top_p: 1.0 });
  });

  test("modifyAssistant: POST with the partial body (nulls kept) and the id in the path", async () => {
    const updated = {
      ...assistantWire,
      description: null,
      tools: [{ type: "retrieval" }],
      file_ids: ["file-abc123", "file-ghi789"],
    };
    api.reply({ json: updated });

    const res = await sdk.assistants.modifyAssistant(
      {
        instructions:
          "You are an HR bot, and you have access to files to answer employee questions about company policies.",
        description: null,
        tools: [{ type: "retrieval" }],
        fileIds: ["file-abc123", "file-ghi789"],
        metadata: { "Reviewed By": "Jane Doe", last_reviewed_at: "2023-11-20" },
      },
      "asst_abc123",
    );

    expectRequest(api.single(), {
      method: "POST",
      path: "/assistants/asst_abc123",
      beta: true,
      json: {
        instructions:
          "You are an HR bot, and you have access to files to answer employee questions about company policies.",
        description: null,
        tools: [{ type: "retrieval" }],
        file_ids: ["file-abc123", "file-ghi789"],
        metadata: { "Reviewed By": "Jane Doe", last_reviewed_at: "2023-11-20" },
      },
    });
    expectJsonResult(res);
    expect(res.assistantObject).toEqual({
      ...assistantModel,
      description: null,
      tools: [{ type: "retrieval" }],
      fileIds: ["file-abc123", "file-ghi789"],
    });
  });

  test("deleteAssistant: DELETE by id; parses the deletion status", async () => {
    api.reply({ json: { id: "asst_abc123", object: "assistant.deleted", deleted: true } });

    const res = await sdk.assistants.deleteAssistant("asst_abc123");

    expectRequest(api.single(), { method: "DELETE", path: "/assistants/asst_abc123", beta: true });
    expectJsonResult(res);
    expect(res.deleteAssistantResponse).toEqual({ id: "asst_abc123", object: "assistant.deleted", deleted: true });
  });
});

describe("assistant files", () => {
  test("createAssistantFile: body { file_id } and the assistant id in the path", async () => {
    api.reply({ json: assistantFileWire });

    const res = await sdk.assistants.createAssistantFile({ fileId: "file-abc123" }, "asst_abc123");

    expectRequest(api.single(), {
      method: "POST",
      path: "/assistants/asst_abc123/files",
      beta: true,
      json: { file_id: "file-abc123" },
    });
    expectJsonResult(res);
    expect(res.assistantFileObject).toEqual(assistantFileModel);
  });

  test("listAssistantFiles: request object with every query parameter", async () => {
    const second = { ...assistantFileWire, id: "file-def456", created_at: 1699055400 };
    api.reply({ json: pageWire([assistantFileWire, second], "file-abc123", "file-def456", false) });

    const res = await sdk.assistants.listAssistantFiles({
      assistantId: "asst_abc123",
      after: "file-aaa000",
      before: "file-zzz999",
      limit: 2,
      order: operations.Order.Desc,
    });

    expectRequest(api.single(), {
      method: "GET",
      path: "/assistants/asst_abc123/files?after=file-aaa000&before=file-zzz999&limit=2&order=desc",
      beta: true,
    });
    expectJsonResult(res);
    expect(res.listAssistantFilesResponse).toEqual(
      pageModel(
        [assistantFileModel, { ...assistantFileModel, id: "file-def456", createdAt: 1699055400 }],
        "file-abc123",
        "file-def456",
        false,
      ),
    );
  });

  test("listAssistantFiles: only the path parameter means no query string", async () => {
    api.reply({ json: pageWire([], "", "", false) });

    await sdk.assistants.listAssistantFiles({ assistantId: "asst_abc123" });

    expectRequest(api.single(), { method: "GET", path: "/assistants/asst_abc123/files", beta: true });
  });

  test("getAssistantFile: both ids in the path, in the template's order", async () => {
    api.reply({ json: assistantFileWire });

    const res = await sdk.assistants.getAssistantFile("asst_abc123", "file-abc123");

    expectRequest(api.single(), { method: "GET", path: "/assistants/asst_abc123/files/file-abc123", beta: true });
    expectJsonResult(res);
    expect(res.assistantFileObject).toEqual(assistantFileModel);
  });

  test("deleteAssistantFile: DELETE; parses the deletion status", async () => {
    api.reply({ json: { id: "file-abc123", object: "assistant.file.deleted", deleted: true } });

    const res = await sdk.assistants.deleteAssistantFile("asst_abc123", "file-abc123");

    expectRequest(api.single(), { method: "DELETE", path: "/assistants/asst_abc123/files/file-abc123", beta: true });
    expectJsonResult(res);
    expect(res.deleteAssistantFileResponse).toEqual({
      id: "file-abc123",
      object: "assistant.file.deleted",
      deleted: true,
    });
  });
});

describe("assistants: path encoding and errors", () => {
  test("path parameters are percent-encoded, so '/', '?', '#', '%' and spaces stay inside their segment", async () => {
    api.reply({ json: { id: "file-abc123", object: "assistant.file.deleted", deleted: true } });

    await sdk.assistants.deleteAssistantFile("asst/../files x", "file?a=1#frag%20é");

    expectRequest(api.single(), {
      method: "DELETE",
      path: "/assistants/asst%2F..%2Ffiles%20x/files/file%3Fa%3D1%23frag%2520%C3%A9",
      beta: true,
    });
  });

  test("an undeclared 404 rejects with an SDKError carrying statusCode 404", async () => {
    const strict = new Gpt({ apiKeyAuth: API_KEY, serverURL: api.baseURL, retries: false });
    api.reply({
      status: 404,
      json: notFoundBody("No assistant found with id 'asst_missing'."),
      headers: { "x-request-id": "req_123" },
    });

    const call = strict.assistants.getAssistant("asst_missing");

    await expect(call).rejects.toBeInstanceOf(SDKError);
    await expect(call).rejects.toMatchObject({ statusCode: 404 });
    const error = await call.catch((e: unknown) => e);
    expect(String(error)).not.toContain(API_KEY);
    expect(JSON.stringify(error)).not.toContain(API_KEY);
    expectRequest(api.single(), { method: "GET", path: "/assistants/asst_missing", beta: true });
  });
});
