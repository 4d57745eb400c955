import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';
import { BRIDGE_PATH, BridgeRequestSchema, type BridgeServerFrame } from '../../src-shared/contract/bridge';
import { EVENT_NAMES } from '../../src-shared/contract/workstation';
import { contentSecurityPolicy } from '../core/host/contentSecurityPolicy';
import { failure } from '../core/host/hostProtocol';
import type { WorkstationHost } from '../core/host/workstationHost';
import { createAccessToken, decideUpgrade, isAllowedHost, parseRequestTarget } from './accessPolicy';
import { readStaticFile } from './staticFiles';

export type WebHostOptions = {
  core: Pick<WorkstationHost, 'dispatch' | 'subscribe'>;
  /** The renderer built by vite.web.config.ts (out/web). */
  staticDir: string;
  /** 0 picks a free port. */
  port?: number;
  token?: string;
};

export type WebHost = {
  /** Open this in a browser: the token travels in the fragment, which is never sent in HTTP requests. */
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
};

/** Large enough for a long reply, small enough that a runaway client cannot balloon memory. */
export const MAX_FRAME_BYTES = 256 * 1024;

/**
 * The build names every file under assets/ by its content hash, so a changed file gets a new name and
 * the browser may keep them for good; the page, which names the current ones, is never kept.
 */
function cacheControl(path: string): string {
  return path.startsWith('/assets/') ? 'private, max-age=31536000, immutable' : 'no-store';
}

/**
 * Serves the built renderer and the workstation contract over a WebSocket on 127.0.0.1 only, so the
 * unchanged renderer runs in a normal browser (and is tested end to end in Chromium).
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? createAccessToken();
  const sockets = new Set<WebSocket>();
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  let port = 0;

  const server = createServer((request, response) => {
    serveHttp(request, response).catch(() => {
      // A file that cannot be read is this request's failure only; the host keeps serving.
      if (response.headersSent) response.destroy();
      else plain(response, 500, 'internal error');
    });
  });

  async function serveHttp(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (!isAllowedHost(request.headers.host, port)) return plain(response, 403, 'forbidden host');
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(response, 405, 'method not allowed');
    const target = parseRequestTarget(request.url);
    if (target === null) return plain(response, 400, 'bad request');
    const path = target.pathname;
    const file = await readStaticFile(options.staticDir, path);
    if (file === null) return plain(response, 404, 'not found');
    response.writeHead(200, {
      'Content-Type': file.contentType,
      'Content-Security-Policy': contentSecurityPolicy({ connectSources: [`ws://127.0.0.1:${port}`] }),
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': cacheControl(path),
    });
    response.end(request.method === 'HEAD' ? undefined : file.body);
  }

  server.on('upgrade', (request, socket, head) => {
    // A peer that resets mid-handshake must not become an uncaught 'error' that ends the host.
    socket.on('error', () => socket.destroy());
    const decision = decideUpgrade(
      { url: request.url, host: request.headers.host, origin: request.headers.origin },
      port,
      token,
      BRIDGE_PATH,
    );
    if (!decision.allowed) {
      socket.end(`HTTP/1.1 ${decision.status} ${decision.reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => serveSocket(ws));
  });

  function serveSocket(ws: WebSocket): void {
    sockets.add(ws);
    ws.on('close', () => sockets.delete(ws));
    // ws closes the socket itself (1009 for a frame over maxPayload, 1002 for a protocol error); without a
    // listener its 'error' event would be thrown and end the host (issue 19.1).
    ws.on('error', () => undefined);
    ws.on('message', (data, isBinary) => {
      if (isBinary) return ws.close(1003, 'text frames only');
      let raw: unknown;
      try {
        raw = JSON.parse(data.toString());
      } catch {
        return ws.close(1007, 'not JSON');
      }
      const request = BridgeRequestSchema.safeParse(raw);
      if (!request.success) return ws.close(1007, 'not a bridge request');
      const { id, method, input } = request.data;
      void options.core.dispatch(method, input).then(
        (result) => send(ws, { id, result }),
        // The core answers every call; should it ever fail instead, the page still hears about its call.
        (error: unknown) => send(ws, { id, result: failure('INTERNAL', String(error)) }),
      );
    });
  }

  const unsubscribes = EVENT_NAMES.map((event) =>
    options.core.subscribe(event, (payload) => {
      for (const ws of sockets) send(ws, { event, payload });
    }),
  );

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('web host is not listening on a TCP port');
  port = address.port;

  return {
    url: `http://127.0.0.1:${port}/#token=${token}`,
    port,
    token,
    async close() {
      for (const unsubscribe of unsubscribes) unsubscribe();
      for (const ws of sockets) ws.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function send(ws: WebSocket, frame: BridgeServerFrame): void {
  if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(frame));
}

function plain(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  response.end(text);
}
