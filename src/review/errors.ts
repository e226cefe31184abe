/**
 * A problem the user fixes by running the review differently: not a git repository, a ref missing
 * from a shallow clone, no common history. The CLI prints its message (which says what to run) and
 * exits with 2, without a stack trace.
 */
export class ReviewSetupError extends Error {
  override readonly name = 'ReviewSetupError';
}
