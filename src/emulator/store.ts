/**
 * The emulator's state: every object by id, each collection in creation order, and the
 * cascades the API applies on delete. Handlers look objects up here; 404s are raised here.
 */
import { notFound, type ObjectKind } from "./errors";
import type {
  AssistantFileObject,
  AssistantObject,
  FileObject,
  MessageObject,
  RunObject,
  RunStepObject,
  ThreadObject,
} from "./types";

/** Objects by id, iterated in creation order. */
export class Collection<T extends { id: string }> {
  private readonly byId = new Map<string, T>();
  private changes = 0;

  constructor(private readonly kind: ObjectKind) {}

  /** Counts adds, deletes and `changed()` calls: a cached page of this collection is good while it stays put. */
  get version(): number {
    return this.changes;
  }

  /** Tells the collection one of its items was modified in place. */
  changed(): void {
    this.changes++;
  }

  add(item: T): T {
    this.byId.set(item.id, item);
    this.changes++;
    return item;
  }

  find(id: string): T | undefined {
    return this.byId.get(id);
  }

  get(id: string): T {
    const item = this.byId.get(id);
    if (!item) throw notFound(this.kind, id);
    return item;
  }

  delete(id: string): boolean {
    this.changes++;
    return this.byId.delete(id);
  }

  all(): T[] {
    return [...this.byId.values()];
  }

  get size(): number {
    return this.byId.size;
  }
}

/** A stored file: its object, its bytes, and when processing ends (on the emulator's clock). */
export interface StoredFile {
  id: string;
  object: FileObject;
  content: Buffer;
  readyAtMs: number;
}

/** A run with what the state machine needs beside the wire object. */
export interface StoredRun {
  id: string;
  run: RunObject;
  /** When the next transition is due (ms); null while waiting for tool outputs or done. */
  nextAtMs: number | null;
  /** The assistant as it was when the run started (a later edit does not change a run). */
  assistant: AssistantObject;
  toolOutputs: { toolCallId: string; name: string; arguments: string; output: string }[];
  /** The tool_calls step waiting for outputs. */
  pendingStepId: string | null;
  steps: Collection<RunStepObject>;
}

export class Store {
  readonly assistants = new Collection<AssistantObject>("assistant");
  readonly assistantFiles = new Map<string, Collection<AssistantFileObject>>();
  readonly threads = new Collection<ThreadObject>("thread");
  readonly messages = new Map<string, Collection<MessageObject>>();
  readonly runs = new Map<string, Collection<StoredRun>>();
  readonly files = new Collection<StoredFile>("file");

  addAssistant(assistant: AssistantObject): AssistantObject {
    this.assistantFiles.set(assistant.id, new Collection("file"));
    return this.assistants.add(assistant);
  }

  filesOf(assistantId: string): Collection<AssistantFileObject> {
    this.assistants.get(assistantId);
    return this.assistantFiles.get(assistantId)!;
  }

  addThread(thread: ThreadObject): ThreadObject {
    this.messages.set(thread.id, new Collection("message"));
    this.runs.set(thread.id, new Collection("run"));
    return this.threads.add(thread);
  }

  messagesOf(threadId: string): Collection<MessageObject> {
    this.threads.get(threadId);
    return this.messages.get(threadId)!;
  }

  runsOf(threadId: string): Collection<StoredRun> {
    this.threads.get(threadId);
    return this.runs.get(threadId)!;
  }

  /** Deleting an assistant drops its file attachments; its runs stay, as the API's do. */
  deleteAssistant(id: string): void {
    this.assistants.get(id);
    this.assistants.delete(id);
    this.assistantFiles.delete(id);
  }

  /** Deleting a thread deletes its messages, runs and run steps. */
  deleteThread(id: string): void {
    this.threads.get(id);
    this.threads.delete(id);
    this.messages.delete(id);
    this.runs.delete(id);
  }

  /** Deleting a file detaches it from every assistant. */
  deleteFile(id: string): void {
    this.files.get(id);
    this.files.delete(id);
    for (const assistant of this.assistants.all()) {
      assistant.file_ids = assistant.file_ids.filter((fileId) => fileId !== id);
      this.assistantFiles.get(assistant.id)?.delete(id);
    }
  }
}
