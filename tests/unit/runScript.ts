import { spawnSync } from 'node:child_process';

export type ScriptRun = { status: number | null; stdout: string; stderr: string };

/** Runs a script of this repo (`npm run markets`, `npm run training`) under tsx as npm would, and waits. */
export function runScript(script: string, ...args: string[]): ScriptRun {
  const result = spawnSync(process.execPath, ['--import', 'tsx', script, ...args], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
