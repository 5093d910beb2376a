// Route 53 in the hashicorp/aws stand-in: a record, and the hosted zones it knows by name.
import { DiagnosticError, stringOf, type DataSourceBehaviour } from '../definition.js';
import type { AwsContext } from './context.js';
import { resource, type AwsResource } from './resource.js';

/**
 * Route 53 zones the stand-in knows, as QR_STANDIN_ROUTE53_ZONES="Z123=example.com,Z456=example.org"
 * (a rehearsal names its own); a zone it does not know is not found, as with the real provider.
 */
function knownZones(): Map<string, string> {
  const entries = (process.env.QR_STANDIN_ROUTE53_ZONES ?? '')
    .split(',')
    .filter(Boolean)
    .map((pair) => pair.split('=') as [string, string]);
  return new Map(entries.map(([id, name]) => [id.trim(), (name ?? '').trim().replace(/\.$/, '')]));
}

export const route53Resources: Record<string, AwsResource> = {
  aws_route53_record: resource(
    (state) => {
      const name = String(state.name).replace(/\.$/, '').toLowerCase();
      return { id: `${String(state.zone_id)}_${name}_${String(state.type)}`, fqdn: name };
    },
    { replacedOnChange: ['name', 'type', 'zone_id'] },
  ),
};

export const route53DataSources: Record<string, DataSourceBehaviour<AwsContext>> = {
  aws_route53_zone: {
    read: (config) => {
      const id = stringOf(config.zone_id) ?? '';
      const name = knownZones().get(id);
      if (name === undefined) {
        throw new DiagnosticError(
          'no matching Route 53 Hosted Zone found',
          `zone ${id} is not one the stand-in knows (QR_STANDIN_ROUTE53_ZONES="${id}=example.com" names it)`,
        );
      }
      return {
        id,
        zone_id: id,
        name,
        private_zone: false,
        arn: `arn:aws:route53:::hostedzone/${id}`,
        name_servers: ['ns-1.awsdns-00.com', 'ns-2.awsdns-00.net'],
        primary_name_server: 'ns-1.awsdns-00.com',
        resource_record_set_count: 2,
      };
    },
  },
};
