/**
 * How many random requests each fuzz property sends: a bounded run in `npm test`, a longer one with
 * `npm run fuzz` (FUZZ_RUNS). FUZZ_SEED replays a failing run.
 */
export function fuzzParameters(bounded: number): { numRuns: number; seed?: number } {
  const runs = Number(process.env.FUZZ_RUNS);
  const seed = Number(process.env.FUZZ_SEED);
  return {
    numRuns: Number.isInteger(runs) && runs > 0 ? runs : bounded,
    ...(Number.isInteger(seed) ? { seed } : {}),
  };
}
