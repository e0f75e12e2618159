/**
 * Cursor lists as the API pages them: `limit` 1-100 (default 20), `order` asc or desc (default
 * desc, newest first), `after`/`before` exclusive cursors naming an object of the list.
 * Items are kept in creation order, so objects created within one second keep their order.
 */
import { badRequest } from "./errors";
import { invalidValue } from "./validation";

export interface ListQuery {
  limit: number;
  order: "asc" | "desc";
  after?: string;
  before?: string;
}

export interface ListPage<T> {
  object: "list";
  data: T[];
  first_id: string | null;
  last_id: string | null;
  has_more: boolean;
}

const QUERY_KEYS = ["limit", "order", "after", "before"];

export function parseListQuery(query: URLSearchParams): ListQuery {
  const unknown = [...query.keys()].find((key) => !QUERY_KEYS.includes(key));
  if (unknown !== undefined) throw badRequest(`Unrecognized request argument supplied: ${unknown}`, unknown);
  const order = query.get("order") ?? "desc";
  if (order !== "asc" && order !== "desc") throw invalidValue("order", order, ["asc", "desc"]);
  return {
    limit: parseLimit(query.get("limit")),
    order,
    after: query.get("after") || undefined,
    before: query.get("before") || undefined,
  };
}

function parseLimit(text: string | null): number {
  if (text === null) return 20;
  if (!/^-?\d+$/.test(text)) {
    throw badRequest(`Invalid 'limit': expected an integer, but got '${text}' instead.`, "limit", "invalid_type");
  }
  const limit = Number(text);
  if (limit < 1) {
    const message = `Invalid 'limit': integer below minimum value. Expected a value >= 1, but got ${limit} instead.`;
    throw badRequest(message, "limit", "integer_below_min_value");
  }
  if (limit > 100) {
    const message = `Invalid 'limit': integer above maximum value. Expected a value <= 100, but got ${limit} instead.`;
    throw badRequest(message, "limit", "integer_above_max_value");
  }
  return limit;
}

/** One page of `items` (given oldest first). */
export function paginate<T extends { id: string }>(items: readonly T[], query: ListQuery): ListPage<T> {
  const ordered = query.order === "asc" ? [...items] : [...items].reverse();
  let start = 0;
  let end = ordered.length;
  if (query.after !== undefined) start = cursorIndex(ordered, query.after, "after") + 1;
  if (query.before !== undefined) end = cursorIndex(ordered, query.before, "before");
  const window = ordered.slice(start, Math.max(start, end));
  // With only `before`, the page is the items just before the cursor; otherwise the first ones.
  const backwards = query.before !== undefined && query.after === undefined;
  const data = backwards ? window.slice(-query.limit) : window.slice(0, query.limit);
  return {
    object: "list",
    data,
    first_id: data[0]?.id ?? null,
    last_id: data[data.length - 1]?.id ?? null,
    has_more: window.length > data.length,
  };
}

function cursorIndex(items: readonly { id: string }[], id: string, param: string): number {
  const index = items.findIndex((item) => item.id === id);
  if (index === -1) throw badRequest(`Invalid '${param}': no object with id '${id}' in this list.`, param);
  return index;
}
