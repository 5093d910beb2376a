// The providers the stand-in stands in for, by the type name Terraform knows them by
// (`hashicorp/<name>`): what the builder lays out, the provider program answers to, and
// serve.ts starts.
export const PROVIDERS = ['aws', 'archive'] as const;
export type ProviderName = (typeof PROVIDERS)[number];
