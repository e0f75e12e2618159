/** The thinnest end-to-end slice: start the emulator, create an assistant through the SDK, read it back. */
import { Gpt, NotFoundError } from "../../src";
import { startEmulator, type Emulator } from "../../src/emulator";

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator({ seed: "slice" });
});
afterAll(() => emu.close());

test("createAssistant then getAssistant return the same stored assistant", async () => {
  expect(emu.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
  const sdk = new Gpt({ apiKeyAuth: "sk-test", serverURL: emu.url, retries: false });
  const created = (
    await sdk.assistants.createAssistant({ model: "gpt-4", name: "Math tutor", metadata: { team: "a" } })
  ).assistantObject!;
  expect(created.id).toMatch(/^asst_[A-Za-z0-9]{24}$/);
  expect(created).toMatchObject({ object: "assistant", name: "Math tutor", model: "gpt-4", description: null });
  expect(created.metadata).toEqual({ team: "a" });
  const fetched = (await sdk.assistants.getAssistant(created.id)).assistantObject!;
  expect(fetched).toEqual(created);
  await expect(sdk.assistants.getAssistant("asst_missing")).rejects.toThrow(NotFoundError);
  await expect(sdk.assistants.getAssistant("asst_missing")).rejects.toThrow(
    "No assistant found with id 'asst_missing'.",
  );
});
