import { CoresetError } from '../errors/coreset-error.js';
import type { CoresetMethod } from './method.js';

/**
 * A name → method map. Each application creates its own registry (no global state) and registers
 * the methods it wants.
 */
export class MethodRegistry {
  readonly #methods = new Map<string, CoresetMethod<never, never>>();

  register<I, O extends object>(method: CoresetMethod<I, O>): this {
    if (!/^[a-z][a-z0-9-]*$/.test(method.name)) {
      throw new CoresetError('INVALID_ARGUMENT', `method name "${method.name}" must be lower-case kebab-case`, {
        argument: 'name',
      });
    }
    if (this.#methods.has(method.name)) {
      throw new CoresetError('DUPLICATE_METHOD', `a method named "${method.name}" is already registered`, {
        argument: 'name',
      });
    }
    this.#methods.set(method.name, method);
    return this;
  }

  has(name: string): boolean {
    return this.#methods.has(name);
  }

  /** Throws `UNKNOWN_METHOD` listing every known name. */
  get<I = unknown, O extends object = Record<string, unknown>>(name: string): CoresetMethod<I, O> {
    const method = this.#methods.get(name);
    if (method === undefined) {
      throw new CoresetError(
        'UNKNOWN_METHOD',
        `unknown method "${name}"; known methods: ${this.names().join(', ') || '(none)'}`,
        { argument: 'method' },
      );
    }
    return method;
  }

  /** Registered names in alphabetical order. */
  names(): string[] {
    return [...this.#methods.keys()].sort();
  }
}
