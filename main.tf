terraform {
  required_version = ">= 1.5"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 6.49"
    }
    archive = {
      source  = "hashicorp/archive"
      version = "~> 2.7"
    }
  }
}

provider "aws" {
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

  # build.mjs writes the bundle here; `make build` runs it before any plan or apply.
  build_dir  = "${path.module}/build/lambda"
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

data "archive_file" "function" {
  type        = "zip"
  source_dir  = local.build_dir
  output_path = local.zip_path
  # Fixed permissions: the same bundle zips to the same hash on every machine, so an
  # unchanged function is never redeployed.
  output_file_mode = "0666"
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
  filename         = data.archive_file.function.output_path
  source_code_hash = data.archive_file.function.output_base64sha256

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
