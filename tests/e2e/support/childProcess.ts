import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { resolve } from 'node:path';

const repoRoot = resolve(import.meta.dirname, '../../..');

/** What a started process is: a desk is stopped before the servers it syncs with. */
export type ProcessKind = 'desk' | 'server';

/** Stop functions of the processes tests started and have not stopped yet, numbered in the order they started. */
const running = new Map<() => Promise<void>, { kind: ProcessKind; started: number }>();
let startedSoFar = 0;

/** A mark to take before a test starts processes: `stopStartedProcesses(mark)` stops only those started after it. */
export function processMark(): number {
  return startedSoFar;
}

export type ListeningChild = { child: ChildProcess; address: string };

/**
 * Runs a TypeScript entry of this repo under tsx in its own process and resolves with the address it
 * prints once it listens (the first group of `listening`); rejects with its output if it exits first.
 */
export async function spawnListening(options: {
  name: string;
  args: readonly string[];
  env?: NodeJS.ProcessEnv;
  listening: RegExp;
}): Promise<ListeningChild> {
  const child = spawn(process.execPath, ['--import', 'tsx', ...options.args], {
    cwd: repoRoot,
    env: options.env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  // Only the tail: a server that logs for minutes must not grow this without bound.
  child.stderr?.on('data', (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-8_000);
  });
  const address = await new Promise<string>((resolveAddress, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = options.listening.exec(output);
      if (match?.[1] !== undefined) resolveAddress(match[1]);
    });
    child.once('exit', (code) =>
      reject(new Error(`${options.name} exited with code ${code} before it listened:\n${output}`)),
    );
  });
  return { child, address };
}

/** SIGTERM and wait for the exit: the process closes its streams and database as in production. */
export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  await exited;
}

/**
 * Wraps a started process's stop so it can be ended with the others by stopStartedProcesses, also when
 * the test replaced it (a restart on the same data) and no longer holds the first one.
 */
export function tracked(kind: ProcessKind, stop: () => Promise<void>): () => Promise<void> {
  const stopOnce = async () => {
    running.delete(stopOnce);
    await stop();
  };
  running.set(stopOnce, { kind, started: startedSoFar++ });
  return stopOnce;
}

/**
 * Stops what tests started and left running, all of it or what started after `since` (a processMark), so
 * a test's own processes go while the file's shared workstation stays: the desks first, then the servers
 * they sync with.
 */
export async function stopStartedProcesses(since = 0): Promise<void> {
  const started = [...running].filter(([, entry]) => entry.started >= since);
  for (const kind of ['desk', 'server'] satisfies ProcessKind[]) {
    for (const [stop, entry] of started) if (entry.kind === kind) await stop();
  }
}
