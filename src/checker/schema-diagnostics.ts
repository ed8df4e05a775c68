import { describePath, describeSubject } from '../format/field-path.ts';
import { RETIRED_CLAIM_STATUSES, retiredStatus, type ClaimStatus } from '../format/claim.ts';
import type { z } from '../format/zod.ts';
import type { Position } from './diagnostic.ts';
import { closestMatch, didYouMean } from './suggest.ts';
import type { FieldPath } from '../reader/yaml.ts';

type AnySchema = z.core.$ZodType;
type Issue = z.core.$ZodIssue;

/** A schema problem worded for an editor, before it is given a file. */
export interface FieldProblem extends Position {
  rule: string;
  message: string;
}

const wrappers = new Set(['optional', 'default', 'nullable', 'readonly', 'prefault', 'catch']);

function unwrap(schema: AnySchema): AnySchema {
  let current = schema;
  while (wrappers.has(current._zod.def.type)) {
    current = (current._zod.def as unknown as { innerType: AnySchema }).innerType;
  }
  return current;
}

/** The schema that describes the value at `path`, if the path leads anywhere. */
function schemaAt(root: AnySchema, path: FieldPath): AnySchema | undefined {
  let current: AnySchema | undefined = root;
  for (const key of path) {
    if (!current) return undefined;
    const def = unwrap(current)._zod.def as unknown as {
      type: string;
      shape?: Record<string, AnySchema>;
      element?: AnySchema;
      valueType?: AnySchema;
    };
    if (def.type === 'object' && typeof key === 'string') current = def.shape?.[key];
    else if (def.type === 'record' && typeof key === 'string') current = def.valueType;
    else if (def.type === 'array' && typeof key === 'number') current = def.element;
    else return undefined;
  }
  return current;
}

function describe(schema: AnySchema | undefined): string | undefined {
  let current = schema;
  while (current) {
    const description = (current as unknown as { description?: string }).description;
    if (description) return description;
    if (!wrappers.has(current._zod.def.type)) return undefined;
    current = (current._zod.def as unknown as { innerType: AnySchema }).innerType;
  }
  return undefined;
}

function fieldNames(schema: AnySchema | undefined): string[] {
  if (!schema) return [];
  const def = unwrap(schema)._zod.def as unknown as { type: string; shape?: Record<string, AnySchema> };
  return def.type === 'object' && def.shape ? Object.keys(def.shape) : [];
}

/** A claim's `status` field, the one field with retired values. */
const isClaimStatus = (path: FieldPath) => path.length === 3 && path[0] === 'claims' && path[2] === 'status';

/** Which of two ratings to pick, in a few words, for the did-you-mean of a retired rating. */
const STATUS_HINTS: Partial<Record<ClaimStatus, string>> = {
  confirmed: 'the evidence shows it is accurate',
  unproven: 'we looked and found no evidence either way',
  'not-checkable': 'a forecast, opinion or promise',
};

function kindOf(value: unknown): string {
  if (value === null) return 'empty (null)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return 'text';
  if (typeof value === 'object') return 'a group of fields';
  return `a ${typeof value}`;
}

function valueAt(data: unknown, path: FieldPath): unknown {
  let current = data;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

// Quotes that word processors and chat apps put in place of ' and ", which YAML reads as text.
const CURLY_QUOTED = /^([‘’‚‛“”„‟«»])(.*)([‘’‚‛“”„‟«»])$/su;

/**
 * The value written with straight quotes, when it was written with curly ones and is allowed once
 * they are gone: `‘false’` -> `'false'`, `“news”` -> `"news"`.
 */
function straightened(raw: unknown, allowed: readonly string[]): string | undefined {
  const match = typeof raw === 'string' ? CURLY_QUOTED.exec(raw) : null;
  if (!match || !allowed.includes(match[2]!)) return undefined;
  return /[“”„‟«»]/u.test(match[1]!) ? `"${match[2]}"` : `'${match[2]}'`;
}

/**
 * Words zod's issues for an editor: which field, what is wrong, what to do, and where it is written.
 * `root` names the whole document: the frontmatter of an article, or a registry file.
 */
export function describeIssues(
  issues: readonly Issue[],
  schema: AnySchema,
  data: unknown,
  locate: (path: FieldPath) => Position,
  root = 'the frontmatter',
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  // A misspelled field is one mistake: its did-you-mean says it all, so the field it meant is not
  // also reported missing.
  const misspelled = new Set<string>();
  for (const issue of issues) {
    if (issue.code !== 'unrecognized_keys') continue;
    const known = fieldNames(schemaAt(schema, issue.path as FieldPath));
    for (const key of issue.keys) {
      const meant = closestMatch(key, known);
      if (meant !== undefined) misspelled.add(JSON.stringify([...issue.path, meant]));
    }
  }
  for (const issue of issues) {
    const path = issue.path as FieldPath;
    const field = describeSubject(path, data);
    if (issue.code === 'unrecognized_keys') {
      const known = fieldNames(schemaAt(schema, path));
      for (const key of issue.keys) {
        const suggestion = didYouMean(key, known);
        problems.push({
          ...locate([...path, key]),
          rule: 'unknown-field',
          message: `Unknown field "${key}" in ${path.length === 0 ? root : describePath(path, data)}${suggestion ? `${suggestion} ` : '. '}Allowed fields: ${known.join(', ')}.`,
        });
      }
      continue;
    }
    if (issue.code === 'invalid_key') {
      const reason = issue.issues[0]?.message ?? 'is not a kebab-case id';
      problems.push({
        ...locate(path),
        rule: 'invalid-id',
        message: `The id "${String(path[path.length - 1])}" ${reason}.`,
      });
      continue;
    }
    if ((issue.code === 'invalid_type' || issue.code === 'invalid_value') && valueAt(data, path) === undefined) {
      if (misspelled.has(JSON.stringify(path))) continue;
      const name = String(path[path.length - 1]);
      const description = describe(schemaAt(schema, path));
      problems.push({
        ...locate(path.slice(0, -1)),
        rule: 'missing-field',
        message: `Missing required field "${name}" in ${path.length === 1 ? root : describePath(path.slice(0, -1), data)}; add ${name}: ${description ?? 'a value'}.`,
      });
      continue;
    }
    const position = locate(path);
    const raw = valueAt(data, path);
    if (
      issue.code === 'invalid_type' &&
      issue.expected === 'boolean' &&
      typeof raw === 'string' &&
      /^(?:true|false)$/i.test(raw.trim())
    ) {
      // Quotes make true and false text; the advice to quote 'false' is for text fields such as status.
      const value = raw.trim().toLowerCase();
      problems.push({
        ...position,
        rule: 'invalid-type',
        message: `${field} is the text "${raw}", in quotes; write true or false without quotes: ${String(path[path.length - 1])}: ${value}`,
      });
    } else if (issue.code === 'invalid_type') {
      problems.push({
        ...position,
        rule: 'invalid-type',
        message: `${field} ${issue.message}, but it is ${kindOf(valueAt(data, path))}.`,
      });
    } else if (issue.code === 'invalid_value') {
      const value = String(raw);
      if (typeof raw === 'boolean' && issue.values.map(String).includes(value)) {
        problems.push({
          ...position,
          rule: 'invalid-value',
          message: `${field} is the YAML value ${value}, not the word; write '${value}' in quotes.`,
        });
        continue;
      }
      const straight = straightened(raw, issue.values.map(String));
      if (straight) {
        problems.push({
          ...position,
          rule: 'invalid-value',
          message: `${field} is written in curly quotes (${value}); use straight quotes: ${straight}.`,
        });
        continue;
      }
      const retired = isClaimStatus(path) ? retiredStatus(raw) : undefined;
      if (retired) {
        const [first, second] = RETIRED_CLAIM_STATUSES[retired].instead;
        problems.push({
          ...position,
          rule: 'invalid-value',
          message: `${field} is "${value}", a rating the site no longer uses; did you mean "${first}" (${STATUS_HINTS[first]}) or "${second}" (${STATUS_HINTS[second]})? The methodology page defines each rating.`,
        });
        continue;
      }
      const suggestion = didYouMean(value, issue.values.map(String));
      problems.push({
        ...position,
        rule: 'invalid-value',
        message: `${field} is "${value}"; it ${issue.message}${suggestion || '.'}`,
      });
    } else if (issue.code === 'custom') {
      const params = (issue.params ?? {}) as {
        rule?: string;
        value?: string;
        candidates?: string[];
        sentence?: boolean;
      };
      const rule = params.rule ?? 'invalid-value';
      // A message written as a whole sentence, naming its own field.
      if (params.sentence) {
        problems.push({ ...position, rule, message: issue.message });
        continue;
      }
      // A repeated id belongs to its entry (`Claim 1 has the id ...`), not to the field.
      const subject = rule === 'duplicate-id' ? describeSubject(path.slice(0, -1)) : field;
      let message = `${subject} ${issue.message}`;
      if (rule === 'unknown-reference' && params.value !== undefined && params.candidates) {
        const suggestion = didYouMean(params.value, params.candidates);
        message +=
          params.candidates.length === 0
            ? '; the article has no valid sources yet.'
            : `${suggestion ? `${suggestion} ` : '. '}Known source ids: ${params.candidates.join(', ')}.`;
      } else if (rule === 'duplicate-id') {
        message += '; rename one of them.';
      } else if (rule === 'unsafe-url') {
        message += issue.message.includes('https://') ? '.' : '; write the full address, starting with https://.';
      } else if (rule === 'invalid-value') {
        const description = describe(schemaAt(schema, path));
        message += description ? `; fill in ${description}.` : '.';
      } else {
        message += '.';
      }
      problems.push({ ...position, rule, message });
    } else {
      problems.push({ ...position, rule: 'invalid-value', message: `${field} ${issue.message}.` });
    }
  }
  return problems;
}
