/**
 * The axios instance a client sends with: the caller's `defaultClient`, or one the runtime makes
 * on the first request. Axios itself is loaded only then, through the loader the package entry
 * chose: `require` for CommonJS; `import()` for the ESM entry (dist/index.mjs), so an ESM app that
 * also imports axios loads one copy of it, not its ESM and its CommonJS build side by side.
 */
import type { AxiosRequestConfig, AxiosStatic } from "axios";

/**
 * What the runtime uses of an axios instance. Structural, so any axios instance fits: one made
 * by the ESM or the CommonJS build of axios, or by another copy of it.
 */
export interface AxiosInstanceLike {
  request(config: AxiosRequestConfig): Promise<unknown>;
  readonly defaults: { readonly proxy?: unknown; readonly maxRedirects?: number };
}

type AxiosLoader = () => AxiosStatic | Promise<AxiosStatic>;

// eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on the first request, not at import (start-up)
let loadAxios: AxiosLoader = () => require("axios") as AxiosStatic;

/** How axios is loaded when a client needs its own instance; the ESM entry sets `import()`. */
export function setAxiosLoader(loader: AxiosLoader): void {
  loadAxios = loader;
}

/** One client's axios instance, made on first use when the caller gave none. */
export class HttpClient {
  private instance: AxiosInstanceLike | Promise<AxiosInstanceLike> | undefined;

  constructor(readonly custom: AxiosInstanceLike | undefined) {
    this.instance = custom;
  }

  /** The instance, or (before the first request of a client without one) a promise of it. */
  get(): AxiosInstanceLike | Promise<AxiosInstanceLike> {
    return (this.instance ??= this.create());
  }

  private async create(): Promise<AxiosInstanceLike> {
    const axios = await loadAxios();
    const instance = axios.create();
    this.instance = instance;
    return instance;
  }
}
