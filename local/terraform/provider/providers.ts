import { archiveProvider } from './archive.js';
import { awsProvider } from './aws.js';

/** The providers this program stands in for, by type name. */
export const definitions = { aws: awsProvider, archive: archiveProvider } as const;
