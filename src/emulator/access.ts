/** Who may call what: an API key in `Authorization: Bearer`, and the Assistants beta header. */
import type { IncomingHttpHeaders } from "node:http";
import { ApiFailure, badRequest, invalidUrl } from "./errors";

/** Where the emulated v1 Assistants API stands: live (2023-24), deprecated (400s), or shut down (404s). */
export type V1Lifecycle = "live" | "deprecated" | "shutdown";

const BETA = "assistants=v1";

export function checkApiKey(headers: IncomingHttpHeaders): void {
  const authorization = headers.authorization;
  if (authorization === undefined || authorization.trim() === "") {
    const message =
      "You didn't provide an API key. Send it in an Authorization header as a bearer token " +
      "(Authorization: Bearer YOUR_KEY).";
    throw new ApiFailure(401, message);
  }
  if (!/^Bearer \S+$/.test(authorization.trim())) {
    const message = "The Authorization header is malformed: expected 'Bearer YOUR_KEY'.";
    throw new ApiFailure(401, message, null, "invalid_api_key");
  }
}

export function checkBeta(headers: IncomingHttpHeaders, lifecycle: V1Lifecycle, method: string, path: string): void {
  if (lifecycle === "shutdown") throw invalidUrl(method, path);
  if (lifecycle === "deprecated") {
    throw badRequest(
      "The v1 Assistants API has been deprecated. Please try again by setting the header 'OpenAI-Beta: assistants=v2'.",
      null,
      "invalid_beta",
    );
  }
  const beta = String(headers["openai-beta"] ?? "")
    .split(",")
    .map((value) => value.trim());
  if (!beta.includes(BETA)) {
    throw badRequest(
      "You must provide the 'OpenAI-Beta' header to access the Assistants API. " +
        "Please try again by setting the header 'OpenAI-Beta: assistants=v1'.",
      null,
      "invalid_beta",
    );
  }
}
