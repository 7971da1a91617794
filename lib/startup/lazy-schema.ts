/**
 * A zod schema that is built the first time it is used. Building zod schemas is not free (each field is an object
 * with its own checks), and a bundle may carry the schemas of every page kind, of the metodbok pack and of the SCB
 * profile while one page view uses a few of them. The proxy forwards every property to the built
 * schema, so callers (and other schemas that nest it) use it exactly like the schema itself.
 */
// A call only wraps (it builds nothing): the annotation lets the bundler drop the schemas a bundle never uses, and
// with them zod (lib/uka/types.ts declares every page schema, the UKA content script uses none of them).
/*#__NO_SIDE_EFFECTS__*/
export function lazySchema<T extends object>(build: () => T): T {
  let built: T | undefined;
  const real = (): T => (built ??= build());
  return new Proxy({} as T, {
    get: (_target, key) => Reflect.get(real(), key),
    has: (_target, key) => Reflect.has(real(), key),
    getPrototypeOf: () => Reflect.getPrototypeOf(real()),
    ownKeys: () => Reflect.ownKeys(real()),
    getOwnPropertyDescriptor: (_target, key) => {
      const descriptor = Reflect.getOwnPropertyDescriptor(real(), key);
      // The proxy's own target has none of these properties: report them as configurable (a proxy may not claim a
      // non-configurable property its target lacks).
      return descriptor ? { ...descriptor, configurable: true } : undefined;
    },
  });
}
