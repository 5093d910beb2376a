// The provider list: every provider this program stands in for, by the type name Terraform
// starts it with (`main.ts aws`).
import { archiveProvider } from './archive.js';
import { awsProvider } from './aws/provider.js';
import type { ProviderName } from '../names.js';

export const providersByName = { aws: awsProvider, archive: archiveProvider } as const satisfies Record<
  ProviderName,
  unknown
>;
