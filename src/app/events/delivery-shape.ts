/**
 * What a webhook delivery must look like before anything acts on it: GitHub always sends a
 * non-empty event name of lowercase letters and underscores, a delivery id, a SHA-256 signature
 * and a JSON object. @octokit/webhooks only checks that the headers exist; an empty event name or
 * a `null` payload makes its `receive` throw synchronously, which outside a request ends the process.
 */
const EVENT_NAME = /^[a-z_]{1,64}$/;
// GitHub's delivery ids are GUIDs; anything printable and short is accepted (redeliveries, proxies).
const DELIVERY_ID = /^[\x21-\x7e]{1,128}$/;
const SIGNATURE = /^sha256=[0-9a-f]{64}$/i;

type Header = string | string[] | undefined;

/** The problem with a delivery's headers, or undefined. Checked before the body is read. */
export function headersProblem(headers: { event: Header; delivery: Header; signature: Header }): string | undefined {
  return eventNameProblem(headers.event) ?? deliveryIdProblem(headers.delivery) ?? signatureProblem(headers.signature);
}

/** The problem with a verified delivery's name, id or parsed payload, or undefined. */
export function deliveryProblem(delivery: { name: unknown; id: unknown }, payload: unknown): string | undefined {
  return eventNameProblem(delivery.name) ?? deliveryIdProblem(delivery.id) ?? payloadProblem(payload);
}

function eventNameProblem(name: unknown): string | undefined {
  if (name === undefined) return 'the X-GitHub-Event header is missing';
  if (typeof name !== 'string' || name === '') return 'the X-GitHub-Event header is empty';
  return EVENT_NAME.test(name) ? undefined : 'the X-GitHub-Event header is not an event name';
}

function deliveryIdProblem(id: unknown): string | undefined {
  if (id === undefined) return 'the X-GitHub-Delivery header is missing';
  if (typeof id !== 'string' || id === '') return 'the X-GitHub-Delivery header is empty';
  return DELIVERY_ID.test(id) ? undefined : 'the X-GitHub-Delivery header is not a delivery id';
}

function signatureProblem(signature: Header): string | undefined {
  if (signature === undefined) return 'the X-Hub-Signature-256 header is missing';
  return typeof signature === 'string' && SIGNATURE.test(signature)
    ? undefined
    : 'the X-Hub-Signature-256 header is not a SHA-256 signature';
}

function payloadProblem(payload: unknown): string | undefined {
  return typeof payload === 'object' && payload !== null && !Array.isArray(payload) ? undefined : 'the payload is not a JSON object';
}
