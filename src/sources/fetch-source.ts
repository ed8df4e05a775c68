import { unsafeUrlReason } from '../format/url.ts';

/** How a source is fetched. */
export interface FetchOptions {
  /** Names the site and why it asks, so that publishers can tell the check from a scraper. */
  userAgent: string;
  /** For the whole request, redirects included, in milliseconds. */
  timeoutMs: number;
  /** Largest body read, in bytes; a larger one is not read. */
  maxBytes: number;
  /** Most redirects followed. */
  maxRedirects: number;
}

export const DEFAULT_FETCH_OPTIONS: Omit<FetchOptions, 'userAgent'> = {
  timeoutMs: 20_000,
  maxBytes: 15 * 1024 * 1024,
  maxRedirects: 10,
};

/** One redirect followed: the status that asked for it and the address it led to. */
export interface Redirect {
  status: number;
  to: string;
}

/** Why no answer came: the kinds a dead-link check tells apart. */
export type NetworkError =
  'timeout' | 'dns' | 'refused' | 'reset' | 'redirects' | 'bad-redirect' | 'too-large' | 'network';

/** What fetching a source gave. */
export interface Fetched {
  finalUrl: string;
  redirects: Redirect[];
  /** The last answer's status, null when none came. */
  status: number | null;
  contentType: string | null;
  /** The body of a 2xx answer, when it was read whole. */
  body?: Uint8Array;
  error: NetworkError | null;
  /** What went wrong, for the report. */
  detail?: string;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** Reads a body up to `maxBytes`; undefined when it is larger. */
async function readLimited(response: Response, maxBytes: number): Promise<Uint8Array | undefined> {
  const declared = Number(response.headers.get('content-length'));
  if (declared > maxBytes) {
    await response.body?.cancel();
    return undefined;
  }
  if (!response.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** The kind of failure behind an error thrown by fetch. */
export function networkErrorOf(error: unknown): NetworkError {
  const name = (error as { name?: string }).name;
  if (name === 'TimeoutError' || name === 'AbortError') return 'timeout';
  const code = ((error as { cause?: { code?: string } }).cause?.code ?? (error as { code?: string }).code) || '';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NONAME') return 'dns';
  if (code === 'ECONNREFUSED') return 'refused';
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET' || code === 'EPIPE') return 'reset';
  if (
    code === 'UND_ERR_CONNECT_TIMEOUT' ||
    code === 'UND_ERR_HEADERS_TIMEOUT' ||
    code === 'UND_ERR_BODY_TIMEOUT' ||
    code === 'ETIMEDOUT'
  )
    return 'timeout';
  return 'network';
}

/**
 * Fetches a source with GET, following up to `maxRedirects` redirects by hand so that each is
 * recorded; only to http(s) addresses. The body is read only for a 2xx answer and only up to
 * `maxBytes`; the timeout covers the whole exchange.
 */
export async function fetchSource(url: string, options: FetchOptions): Promise<Fetched> {
  const signal = AbortSignal.timeout(options.timeoutMs);
  const redirects: Redirect[] = [];
  let current = url;
  try {
    for (;;) {
      const response = await fetch(current, {
        redirect: 'manual',
        signal,
        headers: {
          'User-Agent': options.userAgent,
          Accept: 'text/html,application/xhtml+xml,application/pdf;q=0.9,text/plain;q=0.8,*/*;q=0.5',
        },
      });
      const contentType = response.headers.get('content-type');
      const location = response.headers.get('location');
      if (REDIRECTS.has(response.status) && location !== null) {
        await response.body?.cancel();
        let next: string;
        try {
          next = new URL(location, current).href;
        } catch {
          return {
            finalUrl: current,
            redirects,
            status: response.status,
            contentType,
            error: 'bad-redirect',
            detail: `redirect to "${location}", which is not an address`,
          };
        }
        const unsafe = unsafeUrlReason(next);
        if (unsafe)
          return {
            finalUrl: current,
            redirects,
            status: response.status,
            contentType,
            error: 'bad-redirect',
            detail: `redirect to ${next}: ${unsafe}`,
          };
        redirects.push({ status: response.status, to: next });
        if (redirects.length > options.maxRedirects) {
          return {
            finalUrl: next,
            redirects,
            status: response.status,
            contentType,
            error: 'redirects',
            detail: `more than ${options.maxRedirects} redirects`,
          };
        }
        current = next;
        continue;
      }
      if (response.status < 200 || response.status > 299) {
        await response.body?.cancel();
        return { finalUrl: current, redirects, status: response.status, contentType, error: null };
      }
      const body = await readLimited(response, options.maxBytes);
      if (!body) {
        return {
          finalUrl: current,
          redirects,
          status: response.status,
          contentType,
          error: 'too-large',
          detail: `larger than ${options.maxBytes} bytes`,
        };
      }
      return { finalUrl: current, redirects, status: response.status, contentType, body, error: null };
    }
  } catch (error) {
    const kind = networkErrorOf(error);
    const cause = (error as { cause?: { message?: string } }).cause?.message;
    const detail =
      kind === 'timeout' ? `no answer within ${options.timeoutMs / 1000} s` : (cause ?? (error as Error).message);
    return { finalUrl: current, redirects, status: null, contentType: null, error: kind, detail };
  }
}
