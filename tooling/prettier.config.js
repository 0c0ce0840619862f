/** Shared Prettier settings; the root package.json points at this file. */
export default {
  printWidth: 100,
  singleQuote: true,
  trailingComma: 'all',
};
