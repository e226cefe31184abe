import { ts } from '#ts-morph';
import type { Resolved } from './origin.js';
import { propertyInitializer, type ConstantEvaluator } from './constant-value.js';
import { CALL } from './path-pattern.js';

/**
 * Pino `redact` paths configured where the logger (and its children) were created:
 * `pino({ redact: ['user.email'] })`, `pino({ redact: { paths: [...] } })`,
 * `logger.child(bindings, { redact: [...] })`. Undefined when none is configured.
 */
export function pinoRedactPaths(receiver: Resolved, constants: ConstantEvaluator): string[] | undefined {
  const paths = new Set<string>();
  receiver.path.forEach((s, i) => {
    const site = receiver.sites[i];
    if (s !== CALL || !site || !ts.isCallExpression(site)) return;
    const prev = receiver.path[i - 1];
    // pino(opts, dest) / require('pino')(opts); child(bindings, opts)
    const options =
      prev === 'child' ? site.arguments[1] : prev === undefined || prev === 'default' || prev === 'pino' ? site.arguments[0] : undefined;
    const obj = options && constants.objectLiteral(options);
    const redact = obj && propertyInitializer(obj, 'redact');
    if (!redact) return;
    const direct = constants.stringArray(redact);
    const config = direct ? undefined : constants.objectLiteral(redact);
    const fromConfig = config && propertyInitializer(config, 'paths');
    for (const p of direct ?? (fromConfig ? constants.stringArray(fromConfig) : undefined) ?? []) paths.add(p);
  });
  return paths.size ? [...paths] : undefined;
}
