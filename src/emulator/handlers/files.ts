/** The Files API: upload (multipart), list, retrieve, delete, download. */
import { badRequest } from "../errors";
import { addFile, catchUpFile, checkDownloadable, checkPurpose, MAX_FILE_BYTES } from "../files";
import { route, type Call, type EmulatorState, type Route } from "../router";
import type { FileObject } from "../types";
import { deleted } from "./common";

export const fileRoutes: Route[] = [
  route(
    "GET /files",
    "listFiles",
    (state, call) => {
      const purpose = call.query.get("purpose");
      const files = state.store.files.all().map((file) => catchUpFile(file, state.clock.now()));
      return { json: { object: "list", data: purpose ? files.filter((file) => file.purpose === purpose) : files } };
    },
    { beta: false },
  ),
  route("POST /files", "createFile", (state, call) => ({ json: upload(state, call) }), {
    beta: false,
    body: "multipart",
  }),
  route("GET /files/{file_id}", "retrieveFile", (state, call) => ({ json: fileObject(state, call.params.file_id) }), {
    beta: false,
  }),
  route(
    "DELETE /files/{file_id}",
    "deleteFile",
    (state, call) => {
      state.store.deleteFile(call.params.file_id);
      return deleted(call.params.file_id, "file");
    },
    { beta: false },
  ),
  route(
    "GET /files/{file_id}/content",
    "downloadFile",
    (state, call) => {
      const file = state.store.files.get(call.params.file_id);
      checkDownloadable(file);
      return { bytes: file.content, contentType: "application/octet-stream" };
    },
    { beta: false },
  ),
];

function fileObject(state: EmulatorState, id: string): FileObject {
  return catchUpFile(state.store.files.get(id), state.clock.now());
}

function upload(state: EmulatorState, call: Call): FileObject {
  const known = ["file", "purpose"];
  const unknown = call.parts.find((part) => !known.includes(part.name));
  if (unknown) throw badRequest(`Unrecognized request argument supplied: ${unknown.name}`, unknown.name);
  const purpose = checkPurpose(call.parts.find((part) => part.name === "purpose")?.data.toString("utf8"));
  const file = call.parts.find((part) => part.name === "file");
  if (!file) throw badRequest("Missing required parameter: 'file'.", "file", "missing_required_parameter");
  if (file.data.length > MAX_FILE_BYTES) {
    throw badRequest(`File is too large: the limit is ${MAX_FILE_BYTES / 1024 / 1024} MB.`, "file");
  }
  const stored = addFile(state.store, state.ids, {
    filename: file.filename || "file",
    purpose,
    content: Buffer.from(file.data),
    atMs: state.clock.now(),
    processingMs: state.stepMs,
  });
  return stored.object;
}
