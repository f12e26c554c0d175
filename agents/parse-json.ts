/** JSON.parse that yields `undefined` for bad input; callers validate the shape with zod anyway. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
