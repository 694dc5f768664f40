import type { z } from 'zod';
import { personalData } from './common.ts';

type AnySchema = z.core.$ZodType;

/** The parts of zod's internal definitions that the walk reads. */
interface Def {
  type: string;
  innerType?: AnySchema;
  in?: AnySchema;
  options?: AnySchema[];
  shape?: Record<string, AnySchema>;
  element?: AnySchema;
  valueType?: AnySchema;
}

function defOf(schema: AnySchema): Def {
  return schema._zod.def;
}

/** Unwraps optional, default, pipe and similar wrappers to the schema that holds the shape. */
function unwrap(schema: AnySchema): AnySchema[] {
  const def = defOf(schema);
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'nonoptional':
      return def.innerType ? unwrap(def.innerType) : [schema];
    case 'pipe':
      return def.in ? unwrap(def.in) : [schema];
    case 'union':
      return (def.options ?? []).flatMap(unwrap);
    default:
      return [schema];
  }
}

function children(schema: AnySchema, segment: PropertyKey): AnySchema[] {
  return unwrap(schema).flatMap((inner) => {
    const def = defOf(inner);
    if (def.type === 'object') {
      const child = def.shape?.[String(segment)];
      return child ? [child] : [];
    }
    if (def.type === 'array' && typeof segment === 'number' && def.element) return [def.element];
    if (def.type === 'record' && def.valueType) return [def.valueType];
    return [];
  });
}

/**
 * The field names an object schema accepts at `path`, for "did you mean" suggestions.
 * @example fieldsAt(ComplaintSchema, []) // ['id', 'organisation', 'received', …]
 */
export function fieldsAt(schema: AnySchema, path: readonly PropertyKey[]): string[] {
  let current = [schema];
  for (const segment of path) current = current.flatMap((s) => children(s, segment));
  return current.flatMap((s) =>
    unwrap(s).flatMap((inner) => {
      const def = defOf(inner);
      return def.type === 'object' ? Object.keys(def.shape ?? {}) : [];
    }),
  );
}

function isPersonal(schema: AnySchema): boolean {
  if (personalData.has(schema)) return true;
  const def = defOf(schema);
  const inner = def.innerType ?? (def.type === 'pipe' ? def.in : undefined);
  return inner !== undefined && isPersonal(inner);
}

/**
 * A copy of `value` without the fields its schema marks as personal data ({@link personalData}).
 * Inputs are not changed.
 * @example stripPersonal(ComplaintSchema, complaint).complainant // undefined
 */
export function stripPersonal<T>(schema: AnySchema, value: T): T {
  return strip([schema], value) as T;
}

/**
 * The paths in `value` that hold a field its schema marks as personal data, in document order.
 * @example personalPaths(ComplaintSchema, { id: 'KL-2026-0001', complainant: { name: 'X' } }) // [['complainant']]
 */
export function personalPaths(schema: AnySchema, value: unknown): PropertyKey[][] {
  const found: PropertyKey[][] = [];
  strip([schema], value, [], found);
  return found;
}

function strip(schemas: AnySchema[], value: unknown, path: PropertyKey[] = [], found?: PropertyKey[][]): unknown {
  if (Array.isArray(value)) {
    return value.map((item, index) =>
      strip(
        schemas.flatMap((s) => children(s, index)),
        item,
        [...path, index],
        found,
      ),
    );
  }
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    const fieldSchemas = schemas.flatMap((s) => children(s, key));
    if (fieldSchemas.some(isPersonal)) {
      if (item !== undefined) found?.push([...path, key]);
      continue;
    }
    out[key] = strip(fieldSchemas, item, [...path, key], found);
  }
  return out;
}
