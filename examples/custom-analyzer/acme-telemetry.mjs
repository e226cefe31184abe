// A custom analyzer for an in-house SDK: Acme's telemetry client sends events to Acme's telemetry
// service, and the catalogues cannot know it. Run it with
//   privacy-review scan --analyzer ./examples/custom-analyzer/acme-telemetry.mjs examples/custom-analyzer/app
// It reports under data-flow: each call whose properties carry personal data is a flow to
// `acme-telemetry`, which the data-flow manifest must declare, as for any built-in sink.

const PACKAGE = '@acme/telemetry';
const SENDING = new Set(['emit', 'identify']);

// The API: src/custom/api.ts (meta, create, the context and its report()).
export default {
  meta: {
    name: 'acme-telemetry',
    rule: 'data-flow',
    description: 'Personal data sent to Acme telemetry through the in-house @acme/telemetry client.',
  },
  create(context) {
    return {
      CallExpression(call) {
        const callee = call.getExpression();
        if (callee.getKindName() !== 'PropertyAccessExpression' || !SENDING.has(callee.getName())) return;
        if (!comesFrom(callee.getExpression(), PACKAGE)) return;
        const data = call.getArguments().slice(1).flatMap((arg) => context.personalData(arg));
        if (!data.length) return;
        const categories = [...new Set(data.map((d) => d.category))];
        context.report({
          node: call,
          categories,
          message: `${callee.getName()}() sends ${data.map((d) => d.origin).join(', ')} to Acme telemetry`,
          sink: { kind: 'third_party', id: 'acme-telemetry', package: PACKAGE, label: 'Acme telemetry', service: 'analytics' },
          remediation: 'Declare the flow to acme-telemetry in .privacy/manifest.yml, or send only an event name and a pseudonymous id.',
        });
      },
    };
  },
};

/** `telemetry` is imported from the package, or made by a call on something imported from it (`createClient()`). */
function comesFrom(expression, pkg) {
  const declarations = expression.getSymbol()?.getDeclarations() ?? [];
  return declarations.some((d) => {
    const imported = d.getAncestors().find((a) => a.getKindName() === 'ImportDeclaration');
    if (imported) return imported.getModuleSpecifierValue() === pkg;
    if (d.getKindName() !== 'VariableDeclaration') return false;
    let init = d.getInitializer();
    while (init?.getKindName() === 'CallExpression' || init?.getKindName() === 'PropertyAccessExpression') init = init.getExpression();
    return init?.getKindName() === 'Identifier' && comesFrom(init, pkg);
  });
}
