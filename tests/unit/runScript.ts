import { spawnSync } from 'node:child_process';

export type ScriptRun = { status: number | null; stdout: string; stderr: string };

/** Runs a script of this repo (`npm run markets`, `training`, `scenarios`) under tsx as npm would, and waits. */
export function runScript(
  script: string,
  args: readonly string[],
  options: { input?: string; timeoutMs?: number } = {},
): ScriptRun {
  const result = spawnSync(process.execPath, ['--import', 'tsx', script, ...args], {
    encoding: 'utf8',
    timeout: options.timeoutMs ?? 60_000,
    ...(options.input === undefined ? {} : { input: options.input }),
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
