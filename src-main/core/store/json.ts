/** Reads JSON this store wrote itself from a domain object that was validated on the way in. */
export function readJson<T>(text: string): T {
  return JSON.parse(text) as T;
}
