// Wraps a StateStore so every failed operation is counted (and can be logged) without touching the store code.
import type { StateStore } from "../core/services";

export function instrumentStore(store: StateStore, onError: (operation: string, error: unknown) => void): StateStore {
  return new Proxy(store, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== "function") return value;
      const operation = String(property);
      return (...args: unknown[]) => {
        try {
          const result: unknown = value.apply(target, args);
          if (result instanceof Promise) {
            return result.catch((error: unknown) => {
              onError(operation, error);
              throw error;
            });
          }
          return result;
        } catch (error) {
          onError(operation, error);
          throw error;
        }
      };
    },
  });
}
