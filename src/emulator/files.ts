/**
 * Files: upload checks, processing (uploaded → processed, or error with status_details) on
 * the emulator's clock, files the code interpreter writes, and who may download what.
 */
import { toSeconds } from "./clock";
import { badRequest } from "./errors";
import type { IdSource } from "./ids";
import type { Store, StoredFile } from "./store";
import type { FileObject, FilePurpose } from "./types";
import { invalidValue } from "./validation";

export const MAX_FILE_BYTES = 512 * 1024 * 1024;
export const UPLOAD_PURPOSES = ["fine-tune", "assistants"] as const;

export interface NewFile {
  filename: string;
  purpose: FilePurpose;
  content: Buffer;
  atMs: number;
  /** How long processing takes; 0 for files the emulator writes itself (ready at once). */
  processingMs: number;
}

export function addFile(store: Store, ids: IdSource, file: NewFile): StoredFile {
  const object: FileObject = {
    id: ids("file-"),
    object: "file",
    bytes: file.content.length,
    created_at: toSeconds(file.atMs),
    filename: file.filename,
    purpose: file.purpose,
    status: file.processingMs > 0 ? "uploaded" : "processed",
    status_details: null,
  };
  return store.files.add({ id: object.id, object, content: file.content, readyAtMs: file.atMs + file.processingMs });
}

export function checkPurpose(purpose: string | undefined): FilePurpose {
  if (purpose === undefined)
    throw badRequest("Missing required parameter: 'purpose'.", "purpose", "missing_required_parameter");
  if (!(UPLOAD_PURPOSES as readonly string[]).includes(purpose))
    throw invalidValue("purpose", purpose, UPLOAD_PURPOSES);
  return purpose as FilePurpose;
}

/** Ends processing once its time has come: an empty file, or fine-tune data that is not JSONL, is an error. */
export function catchUpFile(file: StoredFile, nowMs: number): FileObject {
  if (file.object.status === "uploaded" && nowMs >= file.readyAtMs) {
    const problem = processingProblem(file);
    file.object.status = problem ? "error" : "processed";
    file.object.status_details = problem ?? null;
  }
  return file.object;
}

function processingProblem(file: StoredFile): string | undefined {
  if (file.content.length === 0) return "The file is empty.";
  if (file.object.purpose !== "fine-tune") return undefined;
  const lines = file.content.toString("utf8").split(/\r?\n/);
  const bad = lines.findIndex((line) => line.trim() !== "" && !isJsonObject(line));
  return bad === -1 ? undefined : `Line ${bad + 1} is not a JSON object: fine-tune files must be JSONL.`;
}

function isJsonObject(line: string): boolean {
  try {
    const value = JSON.parse(line);
    return typeof value === "object" && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}

/** Uploaded `assistants` files cannot be read back; what the code interpreter wrote can. */
export function checkDownloadable(file: StoredFile): void {
  if (file.object.purpose === "assistants") {
    throw badRequest("Not allowed to download files of purpose: assistants.");
  }
}
