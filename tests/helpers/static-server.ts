import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/** A built site served on localhost, as a static host serves it. */
export interface StaticServer {
  /** `http://127.0.0.1:<port>`, without a trailing slash. */
  origin: string;
  close(): Promise<void>;
}

/**
 * Serves the folder `root` on a free localhost port the way static hosts do, at the path `base`
 * (such as `/sub/path/` for a site published under a base path): `/base/path/` answers with
 * `path/index.html`, and anything outside the base or missing answers 404 with the site's `404.html`.
 * `headersFor` gives the headers a host adds to the answer at a path (see hostHeaders).
 */
export async function serveStatic(
  root: string,
  base = '/',
  headersFor: (path: string) => Record<string, string> = () => ({}),
): Promise<StaticServer> {
  const server: Server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    let file = path.startsWith(base) ? normalize(join(root, path.slice(base.length))) : '';
    if (!file.startsWith(root + sep) && file !== root) file = join(root, '404.html');
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    let status = 200;
    if (!existsSync(file)) {
      status = 404;
      file = join(root, '404.html');
    }
    response.writeHead(status, {
      ...headersFor(path),
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * The headers a host that reads `_headers` (Cloudflare Pages) sends at `path`: every rule whose
 * pattern matches adds its headers, in order (`*` matches any characters, `/` included), and a
 * `! Name` line detaches the header of that name that earlier rules added.
 */
export function hostHeaders(headersFile: string): (path: string) => Record<string, string> {
  const rules: { pattern: RegExp; lines: string[] }[] = [];
  for (const line of headersFile.split('\n')) {
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    if (!line.startsWith(' '))
      rules.push({
        pattern: new RegExp(
          `^${line
            .trim()
            .split('*')
            .map((part) => part.replace(/[.?+^$()[\]{}|\\]/g, '\\$&'))
            .join('.*')}$`,
        ),
        lines: [],
      });
    else rules.at(-1)!.lines.push(line.trim());
  }
  return (path) => {
    const headers: Record<string, string> = {};
    for (const rule of rules.filter(({ pattern }) => pattern.test(path))) {
      for (const line of rule.lines) {
        if (line.startsWith('!')) {
          delete headers[line.slice(1).trim().toLowerCase()];
          continue;
        }
        const colon = line.indexOf(':');
        const name = line.slice(0, colon).trim().toLowerCase();
        const value = line.slice(colon + 1).trim();
        headers[name] = headers[name] === undefined ? value : `${headers[name]}, ${value}`;
      }
    }
    return headers;
  };
}
