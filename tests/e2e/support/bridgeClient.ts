import WebSocket from 'ws';
import type { RunningWebHost } from './webHostProcess';

/**
 * Calls the web host's contract directly, as the page does, so tests compare the screen with what the
 * store really returns instead of with hard-coded demo values.
 */
export async function callContract(host: RunningWebHost, method: string, input: unknown): Promise<unknown> {
  const ws = new WebSocket(`${host.origin.replace('http', 'ws')}/bridge?token=${host.token}`, { headers: { Origin: host.origin } });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  try {
    const answer = new Promise<unknown>((resolve) => {
      ws.on('message', (data) => {
        const frame: unknown = JSON.parse(data.toString());
        if (typeof frame === 'object' && frame !== null && 'id' in frame && frame.id === 1 && 'result' in frame) resolve(frame.result);
      });
    });
    ws.send(JSON.stringify({ id: 1, method, input }));
    return await answer;
  } finally {
    ws.close();
  }
}
