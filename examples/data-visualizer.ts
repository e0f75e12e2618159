/**
 * The seed's "Data visualizer" flow, written with gpt-sdk's helpers:
 * upload a CSV and wait until it is processed, create an assistant with `code_interpreter`
 * and the file, create a thread with a message, run it until completion, list the messages
 * (and save the charts the assistant drew).
 *
 *   OPENAI_API_KEY=sk-... npx tsx examples/data-visualizer.ts [path/to/data.csv]
 */
import { createReadStream, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Gpt, createAndWaitForCompletion, createAndWaitForProcessing } from "../src";

async function main(): Promise<void> {
  const apiKey = process.env.OPENAI_API_KEY;
  if (!apiKey) throw new Error("Set OPENAI_API_KEY to run this example.");
  const sdk = new Gpt({ apiKeyAuth: apiKey });
  const csvPath = process.argv[2] ?? join(__dirname, "fixtures", "mydata.csv");

  // 1. Upload the CSV and wait until it is processed (throws FileProcessingError if it fails).
  const file = await createAndWaitForProcessing(
    sdk,
    { purpose: "assistants", file: createReadStream(csvPath) },
    { onStatus: (f) => console.log(`file ${f.id}: ${f.status}`) },
  );

  // 2. An assistant that can run code on the file.
  const { assistantObject: assistant } = await sdk.assistants.createAssistant({
    name: "Data visualizer",
    description:
      "You are great at creating beautiful data visualizations. You analyze data present in .csv files, understand trends, and come up with data visualizations relevant to those trends. You also share a brief text summary of the trends observed.",
    model: "gpt-4-1106-preview",
    tools: [{ type: "code_interpreter" }],
    fileIds: [file.id],
  });
  if (!assistant) throw new Error("createAssistant returned no assistant");

  try {
    // 3. A thread with the user's request.
    const { threadObject: thread } = await sdk.assistants.createThread({
      messages: [{ role: "user", content: "Create 3 data visualizations based on the trends in this file.", fileIds: [file.id] }],
    });
    if (!thread) throw new Error("createThread returned no thread");

    // 4. Run it and wait until the run is done (code interpreter runs take a while: allow 5 minutes).
    const run = await createAndWaitForCompletion(
      sdk,
      thread.id,
      { assistantId: assistant.id },
      { timeoutMs: 5 * 60_000, onStatus: (r) => console.log(`run ${r.id}: ${r.status}`) },
    );
    if (run.status !== "completed") {
      throw new Error(`Run finished with status ${run.status}: ${JSON.stringify(run.lastError)}`);
    }

    // 5. Every message of the thread, oldest first, across pages.
    const outDir = join(process.cwd(), "data-visualizer-output");
    for await (const message of sdk.assistants.listMessagesAll({ threadId: thread.id, order: "asc" })) {
      for (const part of message.content) {
        if (part.type === "text") {
          console.log(`\n[${message.role}] ${part.text.value}`);
        } else if (part.type === "image_file") {
          const { body } = await sdk.files.downloadFile(part.imageFile.fileId);
          mkdirSync(outDir, { recursive: true });
          const path = join(outDir, `${part.imageFile.fileId}.png`);
          writeFileSync(path, body ?? new Uint8Array());
          console.log(`\n[${message.role}] chart saved to ${path}`);
        }
      }
    }
  } finally {
    await sdk.assistants.deleteAssistant(assistant.id);
    await sdk.files.deleteFile(file.id);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
