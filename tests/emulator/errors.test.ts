/** Every failure answers with the API's status and error body, exactly. */
import { request } from "node:http";
import { apiError, raw, useEmulator } from "./support";

const t = useEmulator({ seed: "errors" });

describe("access", () => {
  test("no API key: 401", async () => {
    const res = await raw(t.emu, "GET", "/v1/assistants", { key: null });
    expect(res.status).toBe(401);
    expect(res.json.error.message).toMatch(/^You didn't provide an API key\. /);
    expect([res.json.error.type, res.json.error.param, res.json.error.code]).toEqual([
      "invalid_request_error",
      null,
      null,
    ]);
  });

  test("a malformed Authorization header: 401", async () => {
    const res = await raw(t.emu, "GET", "/v1/assistants", { key: null, headers: { authorization: "Token abc" } });
    expect([res.status, res.json]).toEqual([
      401,
      apiError("The Authorization header is malformed: expected 'Bearer YOUR_KEY'.", null, "invalid_api_key"),
    ]);
  });

  test("an Assistants call without the beta header: 400; Files calls need none", async () => {
    const res = await raw(t.emu, "GET", "/v1/assistants", { beta: false });
    const message =
      "You must provide the 'OpenAI-Beta' header to access the Assistants API. " +
      "Please try again by setting the header 'OpenAI-Beta: assistants=v1'.";
    expect([res.status, res.json]).toEqual([400, apiError(message, null, "invalid_beta")]);
    expect((await raw(t.emu, "GET", "/v1/files", { beta: false })).status).toBe(200);
  });

  test("an unknown route: 404 Invalid URL", async () => {
    expect(await raw(t.emu, "POST", "/v1/assistant", { body: {} })).toMatchObject({
      status: 404,
      json: apiError("Invalid URL (POST /v1/assistant)"),
    });
    expect((await raw(t.emu, "PUT", "/v1/assistants")).json).toEqual(apiError("Invalid URL (PUT /v1/assistants)"));
  });
});

describe("unknown ids: 404 naming the object", () => {
  test.each([
    ["GET", "/v1/assistants/asst_x", "No assistant found with id 'asst_x'."],
    ["GET", "/v1/threads/thread_x", "No thread found with id 'thread_x'."],
    ["GET", "/v1/files/file-x", "No file found with id 'file-x'."],
    ["GET", "/v1/files/file-x/content", "No file found with id 'file-x'."],
  ])("%s %s", async (method, path, message) => {
    expect(await raw(t.emu, method, path)).toMatchObject({ status: 404, json: apiError(message) });
  });

  test("messages, runs and steps inside an existing thread", async () => {
    const thread = (await raw(t.emu, "POST", "/v1/threads", { body: {} })).json.id;
    expect((await raw(t.emu, "GET", `/v1/threads/${thread}/messages/msg_x`)).json).toEqual(
      apiError("No message found with id 'msg_x'."),
    );
    expect((await raw(t.emu, "GET", `/v1/threads/${thread}/runs/run_x`)).json).toEqual(
      apiError("No run found with id 'run_x'."),
    );
    const assistant = (await raw(t.emu, "POST", "/v1/assistants", { body: { model: "gpt-4" } })).json.id;
    const run = (await raw(t.emu, "POST", `/v1/threads/${thread}/runs`, { body: { assistant_id: assistant } })).json.id;
    const step = await raw(t.emu, "GET", `/v1/threads/${thread}/runs/${run}/steps/step_x`);
    expect([step.status, step.json]).toEqual([404, apiError("No step found with id 'step_x'.")]);
    const run404 = await raw(t.emu, "POST", `/v1/threads/${thread}/runs`, { body: { assistant_id: "asst_gone" } });
    expect([run404.status, run404.json]).toEqual([404, apiError("No assistant found with id 'asst_gone'.")]);
  });
});

describe("body checks with the v1 limits", () => {
  const long = (n: number) => "x".repeat(n);
  const pairs = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, "v"]));
  const tooLong = (param: string, max: number, got: number) =>
    apiError(
      `Invalid '${param}': string too long. ` +
        `Expected a string with maximum length ${max}, but got a string with length ${got} instead.`,
      param,
      "string_above_max_length",
    );
  const tooMany = (param: string, max: number, got: number) =>
    apiError(
      `Invalid '${param}': array too long. ` +
        `Expected an array with maximum length ${max}, but got an array with length ${got} instead.`,
      param,
      "array_above_max_length",
    );

  test.each([
    ["missing model", {}, apiError("Missing required parameter: 'model'.", "model", "missing_required_parameter")],
    ["name of 257", { model: "m", name: long(257) }, tooLong("name", 256, 257)],
    ["description of 513", { model: "m", description: long(513) }, tooLong("description", 512, 513)],
    ["instructions of 32769", { model: "m", instructions: long(32769) }, tooLong("instructions", 32768, 32769)],
    [
      "129 tools",
      { model: "m", tools: Array.from({ length: 129 }, () => ({ type: "retrieval" })) },
      tooMany("tools", 128, 129),
    ],
    [
      "21 files",
      { model: "m", file_ids: Array.from({ length: 21 }, (_, i) => `file-${i}`) },
      tooMany("file_ids", 20, 21),
    ],
    [
      "17 metadata pairs",
      { model: "m", metadata: pairs(17) },
      apiError(
        "Invalid 'metadata': too many properties. " +
          "Expected an object with at most 16 properties, but got an object with 17 properties instead.",
        "metadata",
        "object_above_max_properties",
      ),
    ],
    [
      "a metadata key of 65",
      { model: "m", metadata: { [long(65)]: "v" } },
      apiError(
        "Invalid 'metadata': key too long. " +
          "Expected keys of at most 64 characters, but got a key of 65 characters instead.",
        "metadata",
        "key_above_max_length",
      ),
    ],
    ["a metadata value of 513", { model: "m", metadata: { k: long(513) } }, tooLong("metadata.k", 512, 513)],
    [
      "an unknown argument",
      { model: "m", colour: "red" },
      apiError("Unrecognized request argument supplied: colour", "colour"),
    ],
    [
      "an unknown tool type",
      { model: "m", tools: [{ type: "browser" }] },
      apiError(
        "Invalid value: 'browser'. Supported values are: 'code_interpreter', 'retrieval' and 'function'.",
        "tools[0].type",
        "invalid_value",
      ),
    ],
    [
      "a function tool without its function",
      { model: "m", tools: [{ type: "function" }] },
      apiError("Missing required parameter: 'tools[0].function'.", "tools[0].function", "missing_required_parameter"),
    ],
    [
      "a name of the wrong type",
      { model: "m", name: 5 },
      apiError("Invalid type for 'name': expected a string, but got an integer instead.", "name", "invalid_type"),
    ],
    [
      "an unknown file",
      { model: "m", file_ids: ["file-nope"] },
      apiError("Files with ids ['file-nope'] were not found.", "file_ids"),
    ],
  ])("createAssistant with %s: 400", async (_, body, error) => {
    const res = await raw(t.emu, "POST", "/v1/assistants", { body });
    expect([res.status, res.json]).toEqual([400, error]);
  });

  test("the limits themselves are accepted", async () => {
    const body = {
      model: "m",
      name: long(256),
      description: long(512),
      instructions: long(32768),
      tools: Array.from({ length: 128 }, () => ({ type: "retrieval" })),
      metadata: { ...pairs(15), [long(64)]: long(512) },
    };
    expect((await raw(t.emu, "POST", "/v1/assistants", { body })).status).toBe(200);
  });

  test("messages: role, content length, 10 files, bad JSON", async () => {
    const thread = (await raw(t.emu, "POST", "/v1/threads")).json.id;
    const post = (body: unknown) => raw(t.emu, "POST", `/v1/threads/${thread}/messages`, { body });
    expect((await post({ role: "system", content: "hi" })).json).toEqual(
      apiError("Invalid value: 'system'. Supported values are: 'user'.", "role", "invalid_value"),
    );
    expect((await post({ role: "user", content: long(32769) })).json).toEqual(tooLong("content", 32768, 32769));
    expect((await post({ role: "user", content: "" })).json).toEqual(
      apiError(
        "Invalid 'content': string too short. " +
          "Expected a string with minimum length 1, but got an empty string instead.",
        "content",
        "string_below_min_length",
      ),
    );
    expect(
      (await post({ role: "user", content: "x", file_ids: Array.from({ length: 11 }, (_, i) => `f${i}`) })).json,
    ).toEqual(tooMany("file_ids", 10, 11));
    const thread2 = await raw(t.emu, "POST", "/v1/threads", { body: { messages: [{ role: "user", content: "" }] } });
    expect(thread2.json.error).toMatchObject({ param: "messages[0].content", code: "string_below_min_length" });
    const broken = await fetch(`${t.emu.url}/threads/${thread}/messages`, {
      method: "POST",
      headers: { authorization: "Bearer k", "openai-beta": "assistants=v1", "content-type": "application/json" },
      body: "{nope",
    });
    expect([broken.status, (await broken.json()).error.message]).toEqual([
      400,
      "We could not parse the JSON body of your request: send valid JSON with Content-Type: application/json.",
    ]);
  });

  test("lists: limit 1-100, order asc|desc, cursors from the list", async () => {
    const get = async (query: string) => (await raw(t.emu, "GET", `/v1/assistants?${query}`)).json;
    expect(await get("limit=0")).toEqual(
      apiError(
        "Invalid 'limit': integer below minimum value. Expected a value >= 1, but got 0 instead.",
        "limit",
        "integer_below_min_value",
      ),
    );
    expect(await get("limit=101")).toEqual(
      apiError(
        "Invalid 'limit': integer above maximum value. Expected a value <= 100, but got 101 instead.",
        "limit",
        "integer_above_max_value",
      ),
    );
    expect(await get("limit=ten")).toEqual(
      apiError("Invalid 'limit': expected an integer, but got 'ten' instead.", "limit", "invalid_type"),
    );
    expect(await get("order=up")).toEqual(
      apiError("Invalid value: 'up'. Supported values are: 'asc' and 'desc'.", "order", "invalid_value"),
    );
    expect(await get("after=asst_nope")).toEqual(
      apiError("Invalid 'after': no object with id 'asst_nope' in this list.", "after"),
    );
  });
});

describe("files", () => {
  const upload = (form: FormData) =>
    fetch(`${t.emu.url}/files`, { method: "POST", headers: { authorization: "Bearer k" }, body: form }).then(
      async (res) => ({
        status: res.status,
        json: await res.json(),
      }),
    );

  test("purpose must be fine-tune or assistants; a file is required", async () => {
    const form = new FormData();
    form.append("purpose", "assistants_output");
    form.append("file", new Blob(["x"]), "a.txt");
    expect(await upload(form)).toEqual({
      status: 400,
      json: apiError(
        "Invalid value: 'assistants_output'. Supported values are: 'fine-tune' and 'assistants'.",
        "purpose",
        "invalid_value",
      ),
    });
    const noFile = new FormData();
    noFile.append("purpose", "assistants");
    expect(await upload(noFile)).toEqual({
      status: 400,
      json: apiError("Missing required parameter: 'file'.", "file", "missing_required_parameter"),
    });
  });

  test("a body over 512 MB is refused from its Content-Length, before it is read", async () => {
    const url = new URL(`${t.emu.url}/files`);
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const headers = {
        authorization: "Bearer k",
        "content-type": "multipart/form-data; boundary=b",
        "content-length": String(512 * 1024 * 1024 + 128 * 1024),
      };
      const req = request(url, { method: "POST", headers }, (res) => {
        let body = "";
        res.on("data", (chunk) => (body += chunk));
        res.on("end", () => {
          req.destroy(); // the rest of the declared body is never sent
          resolve({ status: res.statusCode!, body });
        });
      });
      req.on("error", reject);
      req.write("--b\r\n");
    });
    expect([answer.status, JSON.parse(answer.body)]).toEqual([
      400,
      apiError("File is too large: the limit is 512 MB."),
    ]);
  });

  test("an assistant uses only files uploaded with purpose assistants", async () => {
    const form = new FormData();
    form.append("purpose", "fine-tune");
    form.append("file", new Blob(['{"prompt":"a","completion":"b"}\n']), "train.jsonl");
    const tuning = (await upload(form)).json.id;
    const refusal = (param: string) =>
      apiError(
        `Files with ids ['${tuning}'] were not uploaded with purpose 'assistants', the only purpose an assistant can use.`,
        param,
      );
    const created = await raw(t.emu, "POST", "/v1/assistants", { body: { model: "m", file_ids: [tuning] } });
    expect([created.status, created.json]).toEqual([400, refusal("file_ids")]);
    const assistant = (await raw(t.emu, "POST", "/v1/assistants", { body: { model: "m" } })).json.id;
    const modified = await raw(t.emu, "POST", `/v1/assistants/${assistant}`, { body: { file_ids: [tuning] } });
    expect([modified.status, modified.json]).toEqual([400, refusal("file_ids")]);
    const attached = await raw(t.emu, "POST", `/v1/assistants/${assistant}/files`, { body: { file_id: tuning } });
    expect([attached.status, attached.json]).toEqual([400, refusal("file_id")]);
    expect((await raw(t.emu, "GET", `/v1/assistants/${assistant}/files`)).json.data).toEqual([]);
  });

  test("a fine-tune file that is not JSONL ends in error, with status_details", async () => {
    const form = new FormData();
    form.append("purpose", "fine-tune");
    form.append("file", new Blob(['{"a":1}\nnot json\n']), "train.jsonl");
    const created = await upload(form);
    t.clock.advance(500);
    const file = await raw(t.emu, "GET", `/v1/files/${created.json.id}`);
    expect([file.json.status, file.json.status_details]).toEqual([
      "error",
      "Line 2 is not a JSON object: fine-tune files must be JSONL.",
    ]);
  });
});
