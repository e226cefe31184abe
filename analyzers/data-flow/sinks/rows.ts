import { calls, type ArgSel, type ArgsSpec, type CallSpec, type SinkSpec, type ValueRef } from '../../../src/sinks/catalog-types.js';
import type { SinkKind } from '../../../src/core/contract.js';

/** Builders of egress catalogue rows, shared by the families' files. */

/** `{ index, property }` for each property: `props(0, 'json', 'body')`. */
export function props(index: number, ...properties: string[]): ArgSel[] {
  return properties.map((property) => ({ index, property }));
}

export function spec(
  id: string,
  kind: SinkKind,
  label: string,
  service: string | undefined,
  packages: readonly string[],
  callList: readonly CallSpec[],
): SinkSpec {
  return { id, kind, label, ...(service ? { service } : {}), packages, calls: callList };
}

/** A third-party SDK (`third_party` with a service kind). */
export function thirdParty(
  id: string,
  label: string,
  service: string,
  packages: readonly string[],
  callList: readonly CallSpec[],
): SinkSpec {
  return spec(id, 'third_party', label, service, packages, callList);
}

/** A vendor snippet's global (`window.analytics.track`): anchored paths under the global name. */
export function globalSnippet(
  id: string,
  label: string,
  service: string,
  globalName: string,
  methods: readonly string[],
  kind: SinkKind = 'third_party',
): SinkSpec {
  return spec(id, kind, label, service, ['global'], calls(methods.map((m) => (m === '' ? `^${globalName}` : `^${globalName}.${m}`))));
}

/** AWS SDK v3 commands of one client package: `send(new PutObjectCommand({ Body }))`. */
export function awsCommands(commands: Record<string, ArgsSpec>, name?: ValueRef): CallSpec[] {
  return Object.entries(commands).map(([command, args]) => ({ command, args, ...(name ? { name } : {}) }));
}

/**
 * The same operations through the aggregated v3 client (`new S3().putObject(input)`) and AWS SDK v2
 * (`new AWS.S3().putObject(input)`, `aws-sdk/clients/s3`).
 */
function awsMethods(
  client: string,
  methods: Record<string, ArgsSpec>,
  name?: ValueRef,
): { v3: CallSpec[]; v2: CallSpec[]; v2Client: CallSpec[] } {
  const entries = Object.entries(methods);
  const extra = name ? { name } : {};
  return {
    v3: entries.map(([m, args]) => ({ path: `${client}.${m}`, args, ...extra })),
    v2: entries.map(([m, args]) => ({ path: `${client}.${m}`, args, ...extra })),
    v2Client: entries.map(([m, args]) => ({ path: `^${m}`, args, ...extra })),
  };
}

/** Specs for one AWS service: v3 commands, v3 aggregated client, v2 (`aws-sdk` and `aws-sdk/clients/x`). */
export function aws(
  id: string,
  kind: SinkKind,
  label: string,
  service: string | undefined,
  client: string,
  v3Package: string,
  commands: Record<string, ArgsSpec>,
  methods: Record<string, ArgsSpec>,
  name?: ValueRef,
): SinkSpec[] {
  const m = awsMethods(client, methods, name);
  return [
    spec(id, kind, label, service, [v3Package], [...awsCommands(commands, name), ...m.v3]),
    spec(id, kind, label, service, ['aws-sdk'], m.v2),
    spec(id, kind, label, service, [`aws-sdk/clients/${client.toLowerCase()}`], m.v2Client),
  ];
}
