// The providers the stand-in stands in for, by the type name Terraform knows them by
// (`hashicorp/<name>`): what the builder lays out, the provider program answers to, and
// serve.ts starts.
export const PROVIDERS = ['aws', 'archive'] as const;
export type ProviderName = (typeof PROVIDERS)[number];

/**
 * What the providers read from their environment (the region, and the stand-in's own
 * settings). Terraform hands a provider it starts its own environment; a served provider
 * (serve.ts) has the one it was started with, so a command that changes one of these needs
 * providers of its own.
 */
export const PROVIDER_ENVIRONMENT = [
  'AWS_REGION',
  'AWS_DEFAULT_REGION',
  'QR_STANDIN_API_ENDPOINT',
  'QR_STANDIN_ROUTE53_ZONES',
] as const;
