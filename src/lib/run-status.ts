/**
 * Run statuses as the helpers read them. Responses may carry statuses added to the API after
 * this SDK was generated (`incomplete` came later), so statuses are compared as strings.
 */

/** Statuses after which a run never changes again. */
export const TERMINAL_RUN_STATUSES = ["completed", "failed", "cancelled", "expired", "incomplete"] as const;
export type TerminalRunStatus = (typeof TERMINAL_RUN_STATUSES)[number];

/** Statuses on which waiting for a run stops: the terminal ones, and `requires_action` (the run waits for you). */
export const RUN_STOP_STATUSES = [...TERMINAL_RUN_STATUSES, "requires_action"] as const;

/** Every status this SDK knows; any other keeps a wait polling until its deadline. */
export const KNOWN_RUN_STATUSES = [...RUN_STOP_STATUSES, "queued", "in_progress", "cancelling"] as const;

export function isTerminalRunStatus(status: string | undefined): status is TerminalRunStatus {
  return (TERMINAL_RUN_STATUSES as readonly (string | undefined)[]).includes(status);
}

export function isRunStopStatus(status: string | undefined): boolean {
  return (RUN_STOP_STATUSES as readonly (string | undefined)[]).includes(status);
}

export function isKnownRunStatus(status: string | undefined): boolean {
  return (KNOWN_RUN_STATUSES as readonly (string | undefined)[]).includes(status);
}
