terraform {
  required_version = ">= 1.5"

  # State on this machine by default. For a team or a pipeline, keep it in S3: uncomment,
  # fill in, and run `terraform init -migrate-state`. S3 locks the state itself
  # (use_lockfile, Terraform >= 1.10); no DynamoDB table is needed.
  # backend "s3" {
  #   bucket       = "my-terraform-state"
  #   key          = "qr-lambda/terraform.tfstate"
  #   region       = "us-east-1"
  #   encrypt      = true
  #   use_lockfile = true
  # }

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 6.49"
    }
  }
}

provider "aws" {
  # null: the provider's own resolution (AWS_REGION, AWS_DEFAULT_REGION, the profile's region).
  region = var.region

  default_tags {
    tags = var.tags
  }
}

locals {
  api_name                = "${var.function_name}-api"
  role_name               = "${var.function_name}-role"
  function_log_group_name = "/aws/lambda/${var.function_name}"
  access_log_group_name   = "/aws/apigateway/${var.function_name}"

  # build.mjs bundles into build/lambda/ and zips it here with fixed times and modes: the
  # same sources give the same bytes on any machine, so a plan saved in one CI job applies
  # in another that ran `make build`, and an unchanged function is never redeployed.
  zip_path   = "${path.module}/build/lambda.zip"
  handler    = "index.handler"
  stage_name = "$default"

  # Every route goes to the one function; it answers 404/405 for anything else.
  # GET / is the browser page.
  routes = ["POST /generate", "GET /generate", "GET /"]

  cors_allow_methods  = ["GET", "POST", "OPTIONS"]
  cors_allow_headers  = ["content-type", "accept", "if-none-match"]
  cors_expose_headers = ["etag"]
  cors_max_age        = 86400
}

# --- Logs --------------------------------------------------------------------

# Created before the function (depends_on below) so Lambda never creates it first
# with infinite retention and no tags.
resource "aws_cloudwatch_log_group" "function" {
  name              = local.function_log_group_name
  retention_in_days = var.log_retention_days
}

resource "aws_cloudwatch_log_group" "access" {
  name              = local.access_log_group_name
  retention_in_days = var.log_retention_days
}

# --- IAM: the function may write its own logs, nothing else ------------------

# The region the provider resolved, for the outputs and the ready-to-paste commands.
data "aws_region" "current" {}

data "aws_iam_policy_document" "assume_role" {
  statement {
    effect  = "Allow"
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["lambda.amazonaws.com"]
    }
  }
}

data "aws_iam_policy_document" "function_logs" {
  statement {
    effect  = "Allow"
    actions = ["logs:CreateLogStream", "logs:PutLogEvents"]
    # The log streams of the function's own log group; the group itself exists already.
    resources = ["${aws_cloudwatch_log_group.function.arn}:*"]
  }
}

resource "aws_iam_role" "function" {
  name               = local.role_name
  assume_role_policy = data.aws_iam_policy_document.assume_role.json
}

resource "aws_iam_role_policy" "function_logs" {
  name   = "write-own-logs"
  role   = aws_iam_role.function.id
  policy = data.aws_iam_policy_document.function_logs.json
}

# --- The function ------------------------------------------------------------

resource "aws_lambda_function" "qr" {
  function_name    = var.function_name
  description      = "QR code generator: POST /generate (JSON), GET /generate (image), GET / (page)"
  role             = aws_iam_role.function.arn
  handler          = local.handler
  runtime          = var.runtime
  architectures    = ["arm64"]
  memory_size      = var.memory_size
  timeout          = var.timeout
  filename         = local.zip_path
  source_code_hash = filebase64sha256(local.zip_path)

  # null leaves concurrency unreserved (the provider's -1).
  reserved_concurrent_executions = var.reserved_concurrency

  # Only when there is something to set: an empty block would show as a change on every plan.
  dynamic "environment" {
    for_each = length(var.environment_variables) > 0 ? [var.environment_variables] : []
    content {
      variables = environment.value
    }
  }

  logging_config {
    log_format            = "JSON"
    log_group             = aws_cloudwatch_log_group.function.name
    application_log_level = "INFO"
    # INFO keeps the START/END/REPORT lines, which carry duration and billed memory.
    system_log_level = "INFO"
  }

  depends_on = [
    aws_cloudwatch_log_group.function,
    aws_iam_role_policy.function_logs,
  ]
}

# --- HTTP API (API Gateway v2) -----------------------------------------------

resource "aws_apigatewayv2_api" "http" {
  name          = local.api_name
  description   = "QR code generator"
  protocol_type = "HTTP"

  # API Gateway answers CORS preflights itself from this configuration.
  cors_configuration {
    allow_origins  = var.cors_allow_origins
    allow_methods  = local.cors_allow_methods
    allow_headers  = local.cors_allow_headers
    expose_headers = local.cors_expose_headers
    max_age        = local.cors_max_age
  }
}

resource "aws_apigatewayv2_integration" "qr" {
  api_id             = aws_apigatewayv2_api.http.id
  integration_type   = "AWS_PROXY"
  integration_method = "POST"
  integration_uri    = aws_lambda_function.qr.invoke_arn
  # Terraform's default is 1.0, which would hand the function REST-style events.
  payload_format_version = "2.0"
  timeout_milliseconds   = 30000
}

resource "aws_apigatewayv2_route" "qr" {
  for_each = toset(local.routes)

  api_id    = aws_apigatewayv2_api.http.id
  route_key = each.value
  target    = "integrations/${aws_apigatewayv2_integration.qr.id}"
}

resource "aws_apigatewayv2_stage" "default" {
  api_id      = aws_apigatewayv2_api.http.id
  name        = local.stage_name
  auto_deploy = true

  default_route_settings {
    throttling_rate_limit  = var.throttling_rate_limit
    throttling_burst_limit = var.throttling_burst_limit
  }

  access_log_settings {
    destination_arn = aws_cloudwatch_log_group.access.arn
    format = jsonencode({
      requestId          = "$context.requestId"
      requestTime        = "$context.requestTime"
      sourceIp           = "$context.identity.sourceIp"
      httpMethod         = "$context.httpMethod"
      routeKey           = "$context.routeKey"
      path               = "$context.path"
      status             = "$context.status"
      responseLength     = "$context.responseLength"
      responseLatency    = "$context.responseLatency"
      integrationLatency = "$context.integrationLatency"
      integrationError   = "$context.integrationErrorMessage"
      lambdaRequestId    = "$context.integration.requestId"
    })
  }
}

# Lets this API, and only this API, invoke the function.
resource "aws_lambda_permission" "api_gateway" {
  statement_id  = "AllowInvokeFromHttpApi"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.qr.function_name
  principal     = "apigateway.amazonaws.com"
  source_arn    = "${aws_apigatewayv2_api.http.execution_arn}/*/*"
}

# --- Alarms (only with alarm_sns_topic_arn) ----------------------------------

locals {
  # Sums over 5-minute periods. Any function error is a bug (bad input is a 4xx answer, not
  # an error), any throttle is a caller turned away; a few API 5xx (timeouts, integration
  # failures) may be passing, a run of them is not.
  alarms = {
    function-errors = {
      description = "The function raised errors (unhandled exceptions, timeouts, out of memory)."
      namespace   = "AWS/Lambda"
      metric      = "Errors"
      dimensions  = tomap({ FunctionName = aws_lambda_function.qr.function_name })
      threshold   = 1
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

resource "aws_cloudwatch_metric_alarm" "qr" {
  for_each = var.alarm_sns_topic_arn == null ? {} : local.alarms

  alarm_name          = "${var.function_name}-${each.key}"
  alarm_description   = each.value.description
  namespace           = each.value.namespace
  metric_name         = each.value.metric
  dimensions          = each.value.dimensions
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  threshold           = each.value.threshold
  comparison_operator = "GreaterThanOrEqualToThreshold"
  # No traffic is not an outage.
  treat_missing_data = "notBreaching"
  alarm_actions      = [var.alarm_sns_topic_arn]
  ok_actions         = [var.alarm_sns_topic_arn]
}
