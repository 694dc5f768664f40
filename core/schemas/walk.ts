import type { z } from 'zod';
import { personalData } from './common.ts';

type AnySchema = z.core.$ZodType;

/** Unwraps optional, default, pipe and similar wrappers to the schema that holds the shape. */
function unwrap(schema: AnySchema): AnySchema[] {
  const def = schema._zod.def as unknown as Record<string, unknown> & { type: string };
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'nonoptional':
      return unwrap(def['innerType'] as AnySchema);
    case 'pipe':
      return unwrap(def['in'] as AnySchema);
    case 'union':
      return (def['options'] as AnySchema[]).flatMap(unwrap);
    default:
      return [schema];
  }
}

function children(schema: AnySchema, segment: PropertyKey): AnySchema[] {
  return unwrap(schema).flatMap((inner) => {
    const def = inner._zod.def as unknown as Record<string, unknown> & { type: string };
    if (def.type === 'object') {
      const child = (def['shape'] as Record<string, AnySchema>)[String(segment)];
      return child ? [child] : [];
    }
    if (def.type === 'array' && typeof segment === 'number') return [def['element'] as AnySchema];
    if (def.type === 'record') return [def['valueType'] as AnySchema];
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
      const def = inner._zod.def as unknown as Record<string, unknown> & { type: string };
      return def.type === 'object' ? Object.keys(def['shape'] as object) : [];
    }),
  );
}

function isPersonal(schema: AnySchema): boolean {
  if (personalData.has(schema)) return true;
  const def = schema._zod.def as unknown as Record<string, unknown> & { type: string };
  const inner = def['innerType'] ?? (def.type === 'pipe' ? def['in'] : undefined);
  return inner !== undefined && isPersonal(inner as AnySchema);
}

/**
 * A copy of `value` without the fields its schema marks as personal data ({@link personalData}).
 * Inputs are not changed.
 * @example stripPersonal(ComplaintSchema, complaint).complainant // undefined
 */
export function stripPersonal<T>(schema: AnySchema, value: T): T {
  return strip([schema], value) as T;
}

function strip(schemas: AnySchema[], value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map((item, index) => strip(schemas.flatMap((s) => children(s, index)), item));
  }
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    const fieldSchemas = schemas.flatMap((s) => children(s, key));
    if (fieldSchemas.some(isPersonal)) continue;
    out[key] = strip(fieldSchemas, item);
  }
  return out;
}
