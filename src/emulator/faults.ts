/**
 * Opt-in faults, per operation or for every request: rate limits (429 with retry-after and
 * x-ratelimit-* headers), insufficient quota (429 that must not be retried), bursts of 5xx,
 * latency, dropped connections, slow bodies. Each rule fires `times` times (default: always).
 */
import { ApiFailure } from "./errors";

export type FaultKind = "rate_limit" | "insufficient_quota" | "server_error" | "latency" | "drop" | "slow_body";

export interface FaultRule {
  kind: FaultKind;
  /** The operationId it applies to (`getRun`); every operation when absent. */
  operation?: string;
  /** How many requests it hits before it is spent (default: every request). */
  times?: number;
  /** server_error: the status (default 500). */
  status?: number;
  /** latency: the delay before answering (ms); slow_body: the delay between chunks (default 50). */
  delayMs?: number;
  /** rate_limit: seconds in `retry-after` (default 1). */
  retryAfterSeconds?: number;
  /** slow_body: bytes per chunk (default 16). */
  chunkBytes?: number;
}

/** What the server does for one request: wait, then fail, drop, or answer slowly. */
export interface FaultPlan {
  delayMs: number;
  failure?: ApiFailure;
  drop: boolean;
  slowBody?: { chunkBytes: number; delayMs: number };
}

export class Faults {
  private rules: { rule: FaultRule; left: number }[] = [];

  /** The plan while no rule is left: shared, as almost every request gets it. */
  private readonly noRules: Readonly<FaultPlan>;

  constructor(
    rules: readonly FaultRule[] = [],
    private readonly latencyMs = 0,
  ) {
    this.noRules = Object.freeze({ delayMs: latencyMs, drop: false });
    for (const rule of rules) this.add(rule);
  }

  add(rule: FaultRule): void {
    this.rules.push({ rule, left: rule.times ?? Infinity });
  }

  clear(): void {
    this.rules = [];
  }

  /** The plan for one request to `operation`; spends one use of each rule that applies. */
  plan(operation: string): Readonly<FaultPlan> {
    if (this.rules.length === 0) return this.noRules;
    const plan: FaultPlan = { delayMs: this.latencyMs, drop: false };
    for (const entry of this.rules) {
      if (entry.left <= 0 || (entry.rule.operation !== undefined && entry.rule.operation !== operation)) continue;
      entry.left--;
      apply(plan, entry.rule);
    }
    this.rules = this.rules.filter((entry) => entry.left > 0);
    return plan;
  }
}

function apply(plan: FaultPlan, rule: FaultRule): void {
  switch (rule.kind) {
    case "latency":
      plan.delayMs += rule.delayMs ?? 0;
      break;
    case "drop":
      plan.drop = true;
      break;
    case "slow_body":
      plan.slowBody = { chunkBytes: rule.chunkBytes ?? 16, delayMs: rule.delayMs ?? 50 };
      break;
    default:
      plan.failure ??= failureOf(rule);
  }
}

function failureOf(rule: FaultRule): ApiFailure {
  if (rule.kind === "insufficient_quota") {
    const message = "You have used up your current quota: check your plan and billing details.";
    return new ApiFailure(429, message, null, "insufficient_quota", "insufficient_quota");
  }
  if (rule.kind === "rate_limit") {
    const seconds = rule.retryAfterSeconds ?? 1;
    const headers = {
      "retry-after": String(seconds),
      "x-ratelimit-limit-requests": "60",
      "x-ratelimit-remaining-requests": "0",
      "x-ratelimit-reset-requests": `${seconds}s`,
      "x-ratelimit-limit-tokens": "150000",
      "x-ratelimit-remaining-tokens": "149000",
      "x-ratelimit-reset-tokens": "400ms",
    };
    const message = `Rate limit reached for requests (60 per minute). Try again in ${seconds}s.`;
    return new ApiFailure(429, message, null, "rate_limit_exceeded", "requests", headers);
  }
  const message = "The server had an error while processing your request.";
  return new ApiFailure(rule.status ?? 500, message, null, null, "server_error");
}
