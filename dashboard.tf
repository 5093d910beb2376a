# A CloudWatch dashboard, with dashboard_enabled: the function's and the API's metrics on one page.

locals {
  api_dimensions      = ["ApiId", aws_apigatewayv2_api.http.id, "Stage", local.stage_name]
  function_dimensions = ["FunctionName", aws_lambda_function.qr.function_name]
  # A graph widget of `metrics` (CloudWatch's metric arrays) over 5-minute periods.
  dashboard_widget = {
    type   = "metric"
    width  = 12
    height = 6
  }
  dashboard_widgets = concat(
    [
      { title = "Requests (API Gateway)", stat = "Sum", metrics = [concat(["AWS/ApiGateway", "Count"], local.api_dimensions)] },
      {
        title = "Client and server errors"
        stat  = "Sum"
        metrics = [
          concat(["AWS/ApiGateway", "4xx"], local.api_dimensions),
          concat(["AWS/ApiGateway", "5xx"], local.api_dimensions),
        ]
      },
      {
        title = "Latency at the API, ms"
        metrics = [
          concat(["AWS/ApiGateway", "Latency"], local.api_dimensions, [{ stat = "p50", label = "p50" }]),
          concat(["AWS/ApiGateway", "Latency"], local.api_dimensions, [{ stat = "p99", label = "p99" }]),
        ]
      },
      {
        title = "Function duration, ms"
        metrics = [
          concat(["AWS/Lambda", "Duration"], local.function_dimensions, [{ stat = "p50", label = "p50" }]),
          concat(["AWS/Lambda", "Duration"], local.function_dimensions, [{ stat = "p99", label = "p99" }]),
        ]
      },
      { title = "Function throttles and errors", stat = "Sum", metrics = [concat(["AWS/Lambda", "Throttles"], local.function_dimensions), concat(["AWS/Lambda", "Errors"], local.function_dimensions)] },
    ],
    # CloudFront's metrics are free but global (us-east-1, Region=Global). A hit costs no API
    # request, so the viewers' requests beside the API's show the hit ratio:
    # 1 - API requests / CDN requests (POSTs and misses are what reach the API).
    var.cdn_enabled ? [{
      title = "CDN: viewer requests and what reached the API (hit ratio = 1 - API / CDN)"
      stat  = "Sum"
      metrics = [
        ["AWS/CloudFront", "Requests", "DistributionId", aws_cloudfront_distribution.cdn[0].id, "Region", "Global", { region = "us-east-1", label = "CDN requests" }],
        concat(["AWS/ApiGateway", "Count"], local.api_dimensions, [{ region = local.region, label = "reached the API" }]),
      ]
    }] : [],
  )
}

resource "aws_cloudwatch_dashboard" "qr" {
  count          = var.dashboard_enabled ? 1 : 0
  dashboard_name = var.function_name
  dashboard_body = jsonencode({
    widgets = [for index, widget in local.dashboard_widgets : merge(local.dashboard_widget, {
      x = (index % 2) * 12
      y = floor(index / 2) * 6
      properties = {
        title   = widget.title
        region  = local.region
        view    = "timeSeries"
        stacked = false
        period  = 300
        stat    = try(widget.stat, "Average")
        metrics = widget.metrics
      }
    })]
  })
}
