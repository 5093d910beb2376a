// CloudWatch in the hashicorp/aws stand-in: the log group, the metric filter, the alarm and
// the dashboard.
import { arn, regionOf, resource, type AwsResource } from './resource.js';

export const cloudWatchResources: Record<string, AwsResource> = {
  aws_cloudwatch_log_group: resource(
    (state, context) => ({
      id: String(state.name),
      arn: arn(context, 'logs', regionOf(state, context), `log-group:${String(state.name)}`),
    }),
    { replacedOnChange: ['name'] },
  ),
  // The provider's id for a metric filter is its name; a new name or log group is a new filter.
  aws_cloudwatch_log_metric_filter: resource((state) => ({ id: String(state.name) }), {
    replacedOnChange: ['name', 'log_group_name'],
  }),
  aws_cloudwatch_metric_alarm: resource((state, context) => ({
    id: String(state.alarm_name),
    arn: arn(context, 'cloudwatch', regionOf(state, context), `alarm:${String(state.alarm_name)}`),
  })),
  aws_cloudwatch_dashboard: resource(
    (state, context) => ({
      id: String(state.dashboard_name),
      dashboard_arn: arn(context, 'cloudwatch', '', `dashboard/${String(state.dashboard_name)}`),
    }),
    { replacedOnChange: ['dashboard_name'] },
  ),
};
