/**
 * @peculiar/x509 resolves its algorithm providers through tsyringe, which refuses to load without
 * the Reflect metadata API (a TC39 proposal that never shipped). The library's README asks for a
 * polyfill package such as `reflect-metadata`; none is installed, so this supplies the three calls
 * tsyringe makes, only when nothing else provides them. Import it before @peculiar/x509.
 */
type MetadataTarget = object;

interface ReflectMetadata {
  defineMetadata(key: unknown, value: unknown, target: MetadataTarget): void;
  getOwnMetadata(key: unknown, target: MetadataTarget): unknown;
  getMetadata(key: unknown, target: MetadataTarget): unknown;
}

const reflect = Reflect as typeof Reflect & Partial<ReflectMetadata>;

if (typeof reflect.getMetadata !== 'function') {
  const store = new WeakMap<MetadataTarget, Map<unknown, unknown>>();
  const getOwnMetadata = (key: unknown, target: MetadataTarget): unknown => store.get(target)?.get(key);
  const shim: ReflectMetadata = {
    defineMetadata(key, value, target) {
      const entries = store.get(target) ?? new Map<unknown, unknown>();
      entries.set(key, value);
      store.set(target, entries);
    },
    getOwnMetadata,
    // Like the proposal: walk the prototype chain, so a subclass sees its parent's metadata.
    getMetadata(key, target) {
      for (let current: object | null = target; current !== null; current = Object.getPrototypeOf(current) as object | null) {
        const value = getOwnMetadata(key, current);
        if (value !== undefined) return value;
      }
      return undefined;
    },
  };
  Object.assign(Reflect, shim);
}
