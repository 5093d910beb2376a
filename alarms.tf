# Alarms, with alarm_sns_topic_arn: the function's errors and throttles, the HTTP API's 5xx, and
# the handler's own "unexpected failure" lines, each notifying the topic.

locals {
  alarms_enabled = var.alarm_sns_topic_arn != null

  # Lambda's Errors metric counts only what reaches the runtime (an exception the handler
  # lets out, a timeout, running out of memory: "Types of metrics for Lambda functions" in
  # AWS's Lambda guide). The handler catches everything else, answers 500 and writes one
  # line, {"level":"ERROR","message":"unexpected failure",...} (lambda/handler.ts), so a bug
  # is counted from that line, by a metric filter on the function's log group.
  handler_failure_pattern = "{ $.level = \"ERROR\" && $.message = \"unexpected failure\" }"
  handler_failure_metric  = { namespace = "qr-lambda", name = "${var.function_name}-unexpected-failures" }

  # Sums over 5-minute periods. Any function error or unexpected failure is a bug (bad input
  # is a 4xx answer, not an error), any throttle is a caller turned away; a few API 5xx
  # (timeouts, integration failures) may be passing, a run of them is not.
  alarms = {
    function-errors = {
      description = "The function raised errors that reached Lambda's runtime (exceptions the handler let out, timeouts, out of memory)."
      namespace   = "AWS/Lambda"
      metric      = "Errors"
      dimensions  = tomap({ FunctionName = aws_lambda_function.qr.function_name })
      threshold   = 1
    }
    unexpected-failures = {
      description = "The handler answered 500 for an unexpected failure (a bug it caught): its ERROR log line, counted by a metric filter."
      namespace   = local.handler_failure_metric.namespace
      metric      = local.handler_failure_metric.name
      # A metric filter's metric has no dimensions unless the filter names them.
      dimensions = tomap({})
      threshold  = 1
    }
    function-throttles = {
      description = "Invocations of the function were throttled (concurrency limit reached)."
      namespace   = "AWS/Lambda"
      metric      = "Throttles"
      dimensions  = tomap({ FunctionName = aws_lambda_function.qr.function_name })
      threshold   = 1
    }
    api-5xx = {
      description = "The HTTP API answered 5xx (function errors, integration timeouts)."
      namespace   = "AWS/ApiGateway"
      metric      = "5xx"
      dimensions  = tomap({ ApiId = aws_apigatewayv2_api.http.id, Stage = local.stage_name })
      threshold   = 5
    }
  }
}

# Counts the handler's "unexpected failure" lines: one per request it answered 500.
resource "aws_cloudwatch_log_metric_filter" "unexpected_failures" {
  count          = local.alarms_enabled ? 1 : 0
  name           = "${var.function_name}-unexpected-failures"
  log_group_name = aws_cloudwatch_log_group.function.name
  pattern        = local.handler_failure_pattern

  metric_transformation {
    namespace = local.handler_failure_metric.namespace
    name      = local.handler_failure_metric.name
    value     = "1"
    unit      = "Count"
  }
}

resource "aws_cloudwatch_metric_alarm" "qr" {
  for_each = local.alarms_enabled ? local.alarms : {}

  alarm_name          = "${var.function_name}-${each.key}"
  alarm_description   = each.value.description
  namespace           = each.value.namespace
  metric_name         = each.value.metric
  dimensions          = length(each.value.dimensions) > 0 ? each.value.dimensions : null
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  threshold           = each.value.threshold
  comparison_operator = "GreaterThanOrEqualToThreshold"
  # No traffic is not an outage.
  treat_missing_data = "notBreaching"
  alarm_actions      = [var.alarm_sns_topic_arn]
  ok_actions         = [var.alarm_sns_topic_arn]

  lifecycle {
    precondition {
      # CloudWatch notifies only a topic in the alarm's own region and partition
      # (PutMetricAlarm: "Invalid region ... specified").
      condition     = split(":", var.alarm_sns_topic_arn)[1] == local.partition && split(":", var.alarm_sns_topic_arn)[3] == local.region
      error_message = "alarm_sns_topic_arn ${var.alarm_sns_topic_arn} is in ${split(":", var.alarm_sns_topic_arn)[3]} (partition ${split(":", var.alarm_sns_topic_arn)[1]}), but the alarms are in ${local.region} (partition ${local.partition}): CloudWatch alarms notify only a topic in their own region. Create the topic in ${local.region}, or leave alarm_sns_topic_arn unset."
    }
  }
}
