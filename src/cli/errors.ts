/** A mistake in how the CLI was called (bad path, bad option value): one line on stderr, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
