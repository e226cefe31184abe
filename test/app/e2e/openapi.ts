import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv, type ValidateFunction } from 'ajv';

/**
 * Checks a request against GitHub's OpenAPI description (@octokit/openapi): the endpoint exists
 * for the method, query parameters are known and required ones present, and a JSON body matches
 * the operation's request schema. Returns what is wrong, or an empty list.
 */
type Json = Record<string, any>;

const require = createRequire(import.meta.url);

interface Route {
  regex: RegExp;
  template: string;
  operations: Record<string, Json>;
}

export class OpenApiValidator {
  private readonly spec: Json;
  private readonly routes: Route[];
  private readonly ajv: Ajv;
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor() {
    this.spec = JSON.parse(readFileSync(require.resolve('@octokit/openapi/generated/api.github.com.json'), 'utf8')) as Json;
    this.routes = Object.entries(this.spec.paths as Record<string, Json>).map(([template, operations]) => ({
      template,
      regex: new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`),
      operations,
    }));
    // Literal segments first when both could match (`/pulls/comments` and `/pulls/{pull_number}`).
    const params = (t: string) => t.match(/\{/g)?.length ?? 0;
    this.routes.sort((a, b) => params(a.template) - params(b.template));
    this.ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
    this.ajv.addSchema(this.spec, 'spec');
  }

  validate(method: string, pathname: string, query: URLSearchParams, body: unknown): string[] {
    const route = this.routes.find((r) => r.regex.test(pathname));
    const op = route?.operations[method.toLowerCase()] as Json | undefined;
    if (!route || !op) return [`${method} ${pathname}: no such endpoint in GitHub's API description`];
    const problems: string[] = [];
    const where = `${method} ${route.template}`;
    const params = [...((route.operations.parameters as Json[]) ?? []), ...((op.parameters as Json[]) ?? [])].map((p) => this.deref(p));
    const queryParams = params.filter((p) => p.in === 'query');
    for (const key of query.keys()) {
      if (!queryParams.some((p) => p.name === key)) problems.push(`${where}: unknown query parameter ${key}`);
    }
    for (const p of queryParams)
      if (p.required && !query.has(p.name as string)) problems.push(`${where}: missing query parameter ${p.name}`);
    const jsonBody = op.requestBody ? this.deref(op.requestBody).content?.['application/json'] : undefined;
    if (jsonBody && body !== undefined) {
      const pointer = `#/paths/${escape(route.template)}/${method.toLowerCase()}/requestBody/content/application~1json/schema`;
      const validate = this.schema(
        op.requestBody.$ref
          ? `#/components/requestBodies/${String(op.requestBody.$ref).split('/').pop()}/content/application~1json/schema`
          : pointer,
      );
      if (!validate(body)) problems.push(...(validate.errors ?? []).map((e) => `${where}: body${e.instancePath} ${e.message}`));
    } else if (op.requestBody?.required && body === undefined) {
      problems.push(`${where}: missing request body`);
    }
    return problems;
  }

  private schema(pointer: string): ValidateFunction {
    let v = this.compiled.get(pointer);
    if (!v) {
      v = this.ajv.compile({ $ref: `spec${pointer}` });
      this.compiled.set(pointer, v);
    }
    return v;
  }

  private deref(node: Json): Json {
    if (!node?.$ref) return node;
    let out: unknown = this.spec;
    for (const seg of String(node.$ref).replace(/^#\//, '').split('/')) out = (out as Json)[seg.replace(/~1/g, '/').replace(/~0/g, '~')];
    return out as Json;
  }
}

function escape(template: string): string {
  return template.replace(/~/g, '~0').replace(/\//g, '~1');
}
