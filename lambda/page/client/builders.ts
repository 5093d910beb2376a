// The payload builders' forms, from the one table the markup is made from (../builders.ts).
import { BUILDER_FORMS, type BuilderForm } from '../builders.js';
import { type Control, control, what } from './elements.js';

export const BUILDERS: Readonly<Record<string, BuilderForm>> = BUILDER_FORMS;

/** The builder chosen in "What to encode", or null for URL or text. */
export const builder = (): BuilderForm | null => (what.value === '' ? null : (BUILDERS[what.value] ?? null));

/** The builder of a request, by its `type`. */
export const builderOf = (type: unknown): BuilderForm | null =>
  typeof type === 'string' ? (BUILDERS[type] ?? null) : null;

/** A builder field's control: named `type.field`, so the same API name in two builders stays two controls. */
export const fieldInput = (type: string, name: string): Control => control(`${type}.${name}`) as Control;
