/** The streaming section's results and the figures read from them (bench/stream.ts, the report). */
import { median } from "./util";

export const STREAM_PARSERS = ["gpt-sdk", "gpt-sdk-models", "openai-v4"] as const;
export type StreamParser = (typeof STREAM_PARSERS)[number];
export const DELIVERIES = ["message", "64KiB"] as const;
export type Delivery = (typeof DELIVERIES)[number];

export interface StreamCell {
  parser: StreamParser;
  delivery: Delivery;
  /** Wall time of each round's full read, ms. */
  roundMs: number[];
  /** Events delivered per read (the same for every parser). */
  events: number;
}

export interface StreamResult {
  rounds: number;
  bytes: number;
  /** Chunks per delivery. */
  chunks: Record<Delivery, number>;
  cells: StreamCell[];
}

export function eventsPerSecond(cell: StreamCell): number {
  return cell.events / (median(cell.roundMs) / 1000);
}

/** Median over rounds of (parser's read time / openai 4.x's in the same round): noise common to a round cancels. */
export function streamRatio(result: Pick<StreamResult, "cells">, parser: StreamParser, delivery: Delivery): number {
  const cell = (p: StreamParser) => result.cells.find((c) => c.parser === p && c.delivery === delivery)!;
  const reference = cell("openai-v4").roundMs;
  return median(cell(parser).roundMs.map((ms, round) => ms / reference[round]));
}
