const tails = new Map<string, Promise<void>>();

/**
 * Runs `fn` once every earlier call with the same key has settled; calls with
 * other keys run side by side. Sign-in uses it so that a burst of parallel
 * guesses is counted one by one: otherwise each would pass the lock-out check
 * before any of them had been recorded as a failure.
 */
export async function oneAtATime<T>(key: string, fn: () => Promise<T>): Promise<T> {
  const result = (tails.get(key) ?? Promise.resolve()).then(fn);
  const tail = result.then(
    () => undefined,
    () => undefined,
  );
  tails.set(key, tail);
  try {
    return await result;
  } finally {
    if (tails.get(key) === tail) tails.delete(key);
  }
}
