/** Who may call what: an API key in `Authorization: Bearer`, and the Assistants beta header. */
import type { IncomingHttpHeaders } from "node:http";
import { ApiFailure, badRequest, invalidUrl } from "./errors";

/** Where the emulated v1 Assistants API stands: live (2023-24), deprecated (400s), or shut down (404s). */
export type V1Lifecycle = "live" | "deprecated" | "shutdown";

const BETA = "assistants=v1";

/**
 * A bearer token is required; with `accepted` set, it must be that key, as a real account's would be
 * (any other gets OpenAI's "Incorrect API key provided" with the key masked).
 */
export function checkApiKey(headers: IncomingHttpHeaders, accepted?: string): void {
  const authorization = headers.authorization;
  if (authorization === undefined || authorization.trim() === "") {
    const message =
      "You didn't provide an API key. Send it in an Authorization header as a bearer token " +
      "(Authorization: Bearer YOUR_KEY).";
    throw new ApiFailure(401, message);
  }
  const bearer = /^Bearer (\S+)$/.exec(authorization.trim());
  if (!bearer) {
    const message = "The Authorization header is malformed: expected 'Bearer YOUR_KEY'.";
    throw new ApiFailure(401, message, null, "invalid_api_key");
  }
  if (accepted !== undefined && bearer[1] !== accepted) {
    const message =
      `Incorrect API key provided: ${maskKey(bearer[1])}. ` +
      "You can find your API key at https://platform.openai.com/account/api-keys.";
    throw new ApiFailure(401, message, null, "invalid_api_key");
  }
}

/** A key as OpenAI echoed a wrong one: its first 3 and last 4 characters, stars between (all stars when short). */
function maskKey(key: string): string {
  if (key.length < 12) return "*".repeat(key.length);
  return `${key.slice(0, 3)}${"*".repeat(key.length - 7)}${key.slice(-4)}`;
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
