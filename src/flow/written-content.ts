import { ts } from '#ts-morph';
import type { Classifier } from '../classifier/classifier.js';
import type { Classification } from '../classifier/types.js';
import { typeHintOf } from '../classifier/type-hint-of.js';
import { AMBIGUOUS_CONTENT_OBJECTS } from '../classifier/data/words.js';
import { skipOuter } from '../ts/syntax.js';

/**
 * What a person wrote or uploaded, recognised from the syntax where no type says so: the content
 * field of an untyped record named as writing, a request's uploaded file, a form's file field.
 */

/**
 * `document.content`, `message.parts` on a value the checker knows nothing of (an untyped query
 * result): a content field of a record named as what a person wrote. Typed records get theirs from
 * their type (TypeSources); ambiguous names (`response`, `entry`) need a type to say so.
 */
export function untypedContent(pa: ts.PropertyAccessExpression, classifier: Classifier, checker: ts.TypeChecker): Classification | null {
  const name = pa.name.text;
  if (PAYLOAD_FIELDS.has(name) || !classifier.classifyContent(name, 'content')) return null;
  const e = skipOuter(pa.expression);
  const own = ts.isIdentifier(e) ? e.text : ts.isPropertyAccessExpression(e) ? e.name.text : undefined;
  if (!own || classifier.contentKind(own) !== 'content' || AMBIGUOUS_CONTENT_OBJECTS.has(classifier.tokens(own).at(-1) ?? '')) return null;
  if (!(checker.getTypeAtLocation(e).flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown))) return null;
  return classifier.classifyContent(name, 'content', typeHintOf(checker.getTypeAtLocation(pa), checker));
}

/** Without a type, `message.data` is as likely an event's payload (a push, a worker message) as someone's words. */
const PAYLOAD_FIELDS: ReadonlySet<string> = new Set(['data', 'input', 'output', 'payload']);

/** `req.file`, `request.files` (multer and the like): the files uploaded with the request. */
export function isUploadedFile(pa: ts.PropertyAccessExpression): boolean {
  const name = pa.name.text;
  if (name !== 'file' && name !== 'files') return false;
  const x = skipOuter(pa.expression);
  const owner = ts.isIdentifier(x) ? x.text : ts.isPropertyAccessExpression(x) ? x.name.text : undefined;
  return owner === 'req' || owner === 'request';
}

/** Form fields that hold an uploaded file. */
const UPLOAD_FIELD = /^(?:files?|uploads?|attachments?|images?|photos?|pictures?|documents?|audio|video|media|blob)$/i;

export function isUploadField(key: string): boolean {
  return UPLOAD_FIELD.test(key);
}

/** Submitted form data: a `FormData`, or an untyped value named so (`formData`). */
export function isFormData(receiver: ts.Expression, checker: ts.TypeChecker): boolean {
  const type = checker.getTypeAtLocation(receiver);
  if (type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return ts.isIdentifier(receiver) && /formdata$/i.test(receiver.text);
  return type.getSymbol()?.getName() === 'FormData';
}

/**
 * `parts: DBMessage["parts"]`: a value declared as a field of a record type; the record's name
 * and the field's say what it holds. Read from the declaration's own type annotation, or from the
 * annotation of the object type a destructured parameter is declared with.
 */
export function indexedFieldOf(decl: ts.Declaration): { record: ts.TypeNode; field: string } | undefined {
  let type: ts.TypeNode | undefined;
  if ((ts.isParameter(decl) || ts.isVariableDeclaration(decl)) && decl.type) type = decl.type;
  else if (ts.isBindingElement(decl) && ts.isObjectBindingPattern(decl.parent)) {
    const holder = decl.parent.parent;
    const key =
      decl.propertyName && ts.isIdentifier(decl.propertyName)
        ? decl.propertyName.text
        : ts.isIdentifier(decl.name)
          ? decl.name.text
          : undefined;
    const literal =
      (ts.isParameter(holder) || ts.isVariableDeclaration(holder)) && holder.type && ts.isTypeLiteralNode(holder.type)
        ? holder.type
        : undefined;
    const member = literal?.members.find((m) => ts.isPropertySignature(m) && m.name && ts.isIdentifier(m.name) && m.name.text === key);
    type = member && ts.isPropertySignature(member) ? member.type : undefined;
  }
  if (!type || !ts.isIndexedAccessTypeNode(type) || !ts.isLiteralTypeNode(type.indexType) || !ts.isStringLiteral(type.indexType.literal))
    return undefined;
  return { record: type.objectType, field: type.indexType.literal.text };
}
