/**
 * What the tests expect of the API document this SDK is generated from. Bumping the document
 * (README, "Bumping the spec") edits this file and no other test: the beta header the API
 * version needs, how many operations the selected tags hold, and which of OpenAI's published
 * documents the conformance suite serves (its facts, in tests/facts/).
 */

/** `OpenAI-Beta` as gen.yaml sends it on the beta (Assistants) operations. */
export const BETA_HEADER_VALUE = "assistants=v1";

/** Operations generated from openapi.yaml with gen.yaml's tags. */
export const OPERATION_COUNT = 33;

/** OpenAI's own document for the same API version: Prism serves it, and openapi.yaml matches its facts. */
export const UPSTREAM_DOCUMENT = "openai-2023-11-28.yaml";
