// What every hashicorp/aws stand-in resource shares: its region and tags as provider v6
// plans them, ARNs in account 000000000000, and the made-up ids only a real apply would know.
import { randomBytes } from 'node:crypto';
import { isObject, isWhollyKnown, type ObjectValue } from '../cty.js';
import { stringOf, type ResourceBehaviour } from '../definition.js';
import { LOCAL_ACCOUNT_ID } from '../../../../runtime/function.js';
import type { AwsContext } from './context.js';

export const ACCOUNT_ID = LOCAL_ACCOUNT_ID;
export type AwsResource = ResourceBehaviour<AwsContext>;

export const lowerAlnum = (length: number): string => {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  return [...randomBytes(length)].map((byte) => alphabet[byte % alphabet.length]).join('');
};
export const upperAlnum = (length: number): string => lowerAlnum(length).toUpperCase();
export const hex = (bytes: number): string => randomBytes(bytes).toString('hex');
export const timestamp = (): string => new Date().toISOString().replace('Z', '+0000');

/** The resource's own region, else the provider's. */
export const regionOf = (state: ObjectValue, context: AwsContext): string => stringOf(state.region) ?? context.region;
export const arn = (
  context: AwsContext,
  service: string,
  region: string,
  resource: string,
  account = ACCOUNT_ID,
): string => `arn:${context.partition}:${service}:${region}:${account}:${resource}`;

/**
 * Every resource in a provider v6 has a `region` (the provider's unless set) and, where it
 * takes tags, `tags_all`: the provider's default_tags overlaid by its own. Both are
 * known at plan time, as the real provider plans them.
 */
function plannedCommon(planned: ObjectValue, context: AwsContext, config: ObjectValue): ObjectValue {
  const result: ObjectValue = {};
  if ('region' in planned && (config.region ?? null) === null) result.region = context.region;
  if (
    'tags_all' in planned &&
    (isObject(planned.tags) || planned.tags === null) &&
    isWhollyKnown(planned.tags ?? null)
  ) {
    result.tags_all = { ...context.defaultTags, ...(isObject(planned.tags) ? planned.tags : {}) } as ObjectValue;
  }
  return result;
}

/** How a resource type differs from the rest, beyond what apply returns. */
export interface ResourceOptions {
  /** Arguments the real provider defaults when the configuration leaves them out. */
  readonly defaults?: ObjectValue;
  /** Arguments whose change replaces the resource (ForceNew), besides `region`. */
  readonly replacedOnChange?: readonly string[];
  /** What the plan knows beyond `region` and `tags_all`, as ResourceBehaviour's `planned`. */
  readonly planned?: AwsResource['planned'];
}

/** A resource of provider v6: in the provider's region unless it names its own, moved only by replacing it. */
export const resource = (
  applied: AwsResource['applied'],
  { defaults, replacedOnChange = [], planned }: ResourceOptions = {},
): AwsResource => ({
  defaults,
  planned: (next, context, config, prior) => ({
    ...plannedCommon(next, context, config),
    ...planned?.(next, context, config, prior),
  }),
  applied,
  replacedOnChange: ['region', ...replacedOnChange],
});
