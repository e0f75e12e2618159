/**
 * Unions told apart by shape: for `string | string[] | Array<ImagePart | TextPart>` an array
 * of parts goes out with the parts' wire names (the plain string array does not win every
 * array); an object beside a string enum is mapped; of two object members, the one whose
 * required keys the answer has most of parses it.
 */
import { join } from "node:path";
import { generatedSdk, type Untyped } from "../support/generated-sdk";
import { useRecordingServer } from "../support/recording-server";
import { ROOT } from "../support/root";

const server = useRecordingServer();
let sdk: Untyped;

beforeAll(async () => {
  const { exports } = await generatedSdk(join(ROOT, "tests/wire/fixtures/shape-unions.yaml"), "shapes");
  sdk = new exports.Shapes({ serverURL: server.baseURL, retries: false });
}, 60_000);

test("an array of parts is mapped part by part; an object beside a string enum too", async () => {
  server.reply({ json: { text: "t" } });
  await sdk.moderations.createModeration({
    input: [
      { type: "image_url", imageUrl: { url: "https://example.com/a.png" } },
      { type: "text", text: "hello" },
    ],
    toolChoice: { type: "function", toolName: "lookup" },
  });
  expect(server.single().body).toBe(
    JSON.stringify({
      input: [
        { type: "image_url", image_url: { url: "https://example.com/a.png" } },
        { type: "text", text: "hello" },
      ],
      tool_choice: { type: "function", tool_name: "lookup" },
    }),
  );
});

test("strings and arrays of strings go out as they are", async () => {
  server.reply({ json: { text: "t" } }, { json: { text: "t" } });
  await sdk.moderations.createModeration({ input: "one", toolChoice: "auto" });
  await sdk.moderations.createModeration({ input: ["one", "two"] });
  expect(server.requests.map((r) => r.body)).toEqual([
    JSON.stringify({ input: "one", tool_choice: "auto" }),
    JSON.stringify({ input: ["one", "two"] }),
  ]);
});

test("an answer is parsed as the member whose required keys it has most of", async () => {
  server.reply({ json: { text: "hi", language: "en", word_count: 1 } }, { json: { text: "hi", extra_key: 1 } });
  const verbose = await sdk.moderations.createModeration({ input: "x" });
  const plain = await sdk.moderations.createModeration({ input: "x" });
  expect(verbose.transcription).toEqual({ text: "hi", language: "en", wordCount: 1 });
  expect(plain.transcription).toEqual({ text: "hi", extra_key: 1 });
});
