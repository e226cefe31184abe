import { ts } from '#ts-morph';
import type { Analyzer } from '../../src/engine/analyzer.js';
import { ImportBindings } from './imports.js';
import { createShapeContext, modelOfCall, modelOfNew } from './orm-shapes.js';
import type { ShapeContext } from './shape-context.js';
import { prismaModels } from './prisma.js';
import { createModelReporter, type ModelDecl } from './report-field.js';
import { classModel, createHinter, interfaceModel, typeAliasModel } from './type-decls.js';

const HELP = `Finds fields of the data model that hold personal data: interface and type properties, class
fields (TypeORM / sequelize-typescript entities, NestJS and class-validator DTOs, GraphQL object types),
Mongoose schemas, Sequelize models, Drizzle tables, Knex migrations, zod / yup / joi schemas and Prisma
models. Each field is classified by its name, its type (\`emailVerified: boolean\` is a flag, not an
address) and validators that say what it holds (\`z.string().email()\`, \`@IsEmail()\`).

**Why it matters.** A privacy review starts from an inventory of the personal data a system stores.
Fields that are not declared in the data-flow manifest are data nobody has reviewed: no purpose,
retention or access rule has been agreed for them.

**How to fix.** Declare the field under \`datasets\` in \`.privacy/manifest.yml\`, in the dataset of
its model, with its data category. If it is not personal data, rename it so that its name says what
it is, or suppress the finding with \`// privacy-review-ignore pii-field -- <reason>\`.`;

/** Rule `pii-field`: personal-data fields declared in the data model. */
export const piiFieldAnalyzer: Analyzer = {
  meta: {
    id: 'pii-field',
    name: 'Personal data in the data model',
    shortDescription: 'A declared field (type, class, schema, table or Prisma model) holds personal data.',
    help: HELP,
  },

  create(ctx) {
    const reportModel = createModelReporter(ctx);
    const hinter = createHinter(ctx.checker);
    const isPerson = (name: string) => ctx.classifier.isPersonContext(name);
    const sf = ctx.sourceFile;
    const isJs = /\.[cm]?jsx?$/.test(sf.fileName);
    let shapes: ShapeContext | undefined;
    const shapeContext = () => (shapes ??= createShapeContext(sf, new ImportBindings(sf), ctx.checker));
    const report = (model: ModelDecl | undefined) => {
      if (model) reportModel(model);
    };
    const onClass = (node: ts.Node) => report(classModel(node as ts.ClassLikeDeclaration, hinter, isJs, isPerson));
    return {
      [ts.SyntaxKind.InterfaceDeclaration]: (node) => report(interfaceModel(node as ts.InterfaceDeclaration, hinter, isPerson)),
      [ts.SyntaxKind.TypeAliasDeclaration]: (node) => report(typeAliasModel(node as ts.TypeAliasDeclaration, hinter, isPerson)),
      [ts.SyntaxKind.ClassDeclaration]: onClass,
      [ts.SyntaxKind.ClassExpression]: onClass,
      [ts.SyntaxKind.CallExpression]: (node) => {
        const sc = shapeContext();
        if (!sc.handled.has(node)) report(modelOfCall(node as ts.CallExpression, sc));
      },
      [ts.SyntaxKind.NewExpression]: (node) => {
        const sc = shapeContext();
        if (!sc.handled.has(node)) report(modelOfNew(node as ts.NewExpression, sc));
      },
    };
  },

  textFiles: {
    matches: (file) => file.endsWith('.prisma'),
    analyze(text, ctx) {
      const reportModel = createModelReporter(ctx);
      for (const model of prismaModels(text)) reportModel(model);
    },
  },
};
