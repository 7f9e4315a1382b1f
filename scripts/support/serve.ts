import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import sirv from 'sirv';

export interface StaticSite {
  url: string;
  close(): Promise<void>;
}

/**
 * Serve a built site on a free localhost port, as a static host would:
 * directory indexes, real content types, the site's 404 page for misses.
 * Pass the port of a closed server to serve a new build at the same origin (service-worker updates).
 */
export async function serveSite(dir: string, port = 0, options: { gzip?: boolean } = {}): Promise<StaticSite> {
  // gzip: send a file's precompressed `<file>.gz` sibling when there is one, as a compressing host would.
  const assets = sirv(dir, { dev: false, etag: true, extensions: ['html'], gzip: options.gzip ?? false });
  const notFound = join(dir, '404.html');
  const server: Server = createServer((req, res) => {
    assets(req, res, () => {
      res.statusCode = 404;
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      res.end(existsSync(notFound) ? readFileSync(notFound) : 'Not found');
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
