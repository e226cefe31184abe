/**
 * Code links of the checklist: `repoUrl/blob/sha/path#Lline`. The repository URL and sha come from the
 * App; the path comes from the pull request, so every segment is percent-encoded, parentheses too
 * (an unbalanced `)` would end a Markdown link destination early).
 */
export type LinkBuilder = (file: string, line?: number) => string | undefined;

export function linkBuilder(links: { repoUrl: string; headSha: string } | undefined): LinkBuilder {
  if (!links) return () => undefined;
  const base = repositoryUrl(links.repoUrl);
  const sha = encodeSegment(links.headSha);
  return (file, line) =>
    `${base}/blob/${sha}/${file.split('/').filter(Boolean).map(encodeSegment).join('/')}${line && line > 0 ? `#L${Math.floor(line)}` : ''}`;
}

/** The URL without a trailing slash; only http(s) URLs are accepted (no `javascript:`). */
function repositoryUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new RangeError(`links.repoUrl must be an absolute http(s) URL, got ${JSON.stringify(raw)}.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new RangeError(`links.repoUrl must be an http(s) URL, got ${JSON.stringify(raw)}.`);
  // Query and fragment would swallow the path appended to it.
  return `${url.origin}${url.pathname}`.replace(/[()<> ]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`).replace(/\/+$/, '');
}

function encodeSegment(segment: string): string {
  return encodeURIComponent(segment).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
