import Handlebars from 'handlebars';
import { code, codeBlock, html, indent, md, mdCode } from './escape.js';

/**
 * The one Handlebars environment of the checklist, with every helper registered here. Templates are
 * compiled with `noEscape: true`: Handlebars' HTML escaping is the wrong escaping for Markdown (it
 * leaves `*`, `|`, `[`, `@team` alone and turns a backtick inside a code span into a visible
 * `&#x60;`). Instead the view model holds fragments already escaped for their place, and custom
 * templates that print raw `review` data escape it with these helpers:
 *
 * - `{{md text}}`: Markdown text; `{{mdCode text}}`: text quoting code in backticks;
 *   `{{code text}}`: a code span; `{{html text}}`: inside raw HTML such as `<summary>`;
 * - `{{codeBlock "yaml" text}}`: a fenced block nothing inside can close; `{{indent text 2}}`;
 * - `{{num n}}` (1,234), `{{plural n "finding"}}`, `{{join list ", "}}`, `{{eq a b}}`, `{{gt a b}}`.
 */
export const handlebars = Handlebars.create();

type Args = unknown[];

/** Handlebars passes its options object last; these take the arguments before it. */
function args(all: Args): unknown[] {
  return all.slice(0, -1);
}

function str(value: unknown): string {
  return value === undefined || value === null ? '' : String(value);
}

function int(value: unknown): number {
  const n = Number(value);
  return Number.isFinite(n) ? n : 0;
}

handlebars.registerHelper({
  md: (...all: Args) => md(str(args(all)[0])),
  mdCode: (...all: Args) => mdCode(str(args(all)[0])),
  code: (...all: Args) => code(str(args(all)[0])),
  html: (...all: Args) => html(str(args(all)[0])),
  codeBlock: (...all: Args) => {
    const [lang, text] = args(all);
    return codeBlock(str(lang), str(text));
  },
  indent: (...all: Args) => {
    const [text, spaces] = args(all);
    return indent(str(text), int(spaces));
  },
  num: (...all: Args) => int(args(all)[0]).toLocaleString('en-US'),
  plural: (...all: Args) => {
    const [n, one, many] = args(all);
    const count = int(n);
    return `${count.toLocaleString('en-US')} ${count === 1 ? str(one) : many === undefined ? `${str(one)}s` : str(many)}`;
  },
  join: (...all: Args) => {
    const [list, sep] = args(all);
    return Array.isArray(list) ? list.map(str).join(sep === undefined ? ', ' : str(sep)) : '';
  },
  eq: (...all: Args) => {
    const [a, b] = args(all);
    return a === b;
  },
  gt: (...all: Args) => {
    const [a, b] = args(all);
    return int(a) > int(b);
  },
});
