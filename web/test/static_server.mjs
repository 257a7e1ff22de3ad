// A small static file server for the browser tests: `roots` maps URL
// prefixes to folders. Only GET of files inside a root is served.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

const TYPES = {
  '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css',
  '.json': 'application/json', '.wasm': 'application/wasm', '.pcm': 'application/octet-stream',
};

export async function serve(roots) {
  const server = createServer(async (request, response) => {
    const url = new URL(request.url, 'http://localhost');
    const prefix = Object.keys(roots).sort((a, b) => b.length - a.length)
      .find((p) => url.pathname.startsWith(p));
    const root = prefix && path.resolve(roots[prefix]);
    const file = root && path.resolve(root, '.' + decodeURIComponent(url.pathname.slice(prefix.length - 1)));
    if (!file || !file.startsWith(root + path.sep)) {
      response.writeHead(404).end();
      return;
    }
    try {
      const body = await readFile(file);
      response.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, origin: `http://127.0.0.1:${server.address().port}` };
}
