const waiting = new WeakMap<AbortSignal, Set<() => void>>();

/**
 * Calls `callback` once when `signal` aborts (at once when it already has)
 * and returns a function that forgets it. However many callbacks wait on one
 * signal, the signal carries a single listener: a build with `--jobs 64`
 * has 64 requests waiting on the same signal, past Node's limit of 10
 * listeners, which would print a `MaxListenersExceededWarning` to the user.
 */
export function whenAborted(signal: AbortSignal, callback: () => void): () => void {
  if (signal.aborted) {
    callback();
    return () => {};
  }
  let callbacks = waiting.get(signal);
  if (!callbacks) {
    const registered = new Set<() => void>();
    callbacks = registered;
    waiting.set(signal, registered);
    signal.addEventListener(
      'abort',
      () => {
        waiting.delete(signal);
        for (const registeredCallback of registered) registeredCallback();
      },
      { once: true },
    );
  }
  const callbacksOfSignal = callbacks;
  callbacksOfSignal.add(callback);
  return () => {
    callbacksOfSignal.delete(callback);
  };
}
