import type { Actor } from '../approval/types.js';

export interface CommentLike {
  id: number;
  body?: string | null;
  user: Actor | null;
}

/**
 * The App's sticky comment: it carries the marker AND the App's bot wrote it. A person's comment
 * that quotes the marker is never taken (or edited). With several (a race), the oldest.
 */
export function findSticky<C extends CommentLike>(comments: readonly C[], botLogin: string, marker: string): C | undefined {
  return comments
    .filter((c) => c.user?.type === 'Bot' && c.user.login.toLowerCase() === botLogin.toLowerCase() && (c.body ?? '').startsWith(marker))
    .sort((a, b) => a.id - b.id)[0];
}
