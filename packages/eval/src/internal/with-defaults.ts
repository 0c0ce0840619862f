type Merged<D, O> = Omit<O, keyof D> & {
  [K in keyof D]: K extends keyof O ? Exclude<O[K], undefined> | D[K] : D[K];
};

/**
 * `{ ...defaults, ...options }` except that keys explicitly set to undefined keep their default
 * (options are declared `x?: T | undefined` under exactOptionalPropertyTypes).
 */
export function withDefaults<D extends object, O extends object>(defaults: D, options: O): Merged<D, O> {
  const out: Record<string, unknown> = { ...(defaults as Record<string, unknown>) };
  for (const [key, value] of Object.entries(options)) if (value !== undefined) out[key] = value;
  return out as Merged<D, O>;
}
