terraform {
  # The newest Terraform feature any target uses, each with the release that brought it
  # (Terraform's CHANGELOG): `terraform test` 1.6, its override_data 1.7, issensitive() 1.8,
  # S3's use_lockfile (the backend below) 1.10, and a run block's state_key 1.11, which
  # test/terraform/edge.tftest.hcl uses and `make validate` runs; the deploy is rehearsed with
  # the same binary. test/docs/docs.test.ts ties this to those features, and
  # scripts/preflight.sh reads its minimum from this line.
  required_version = ">= 1.11"

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
    archive = {
      source  = "hashicorp/archive"
      version = "~> 2.7"
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

# The region and partition the provider resolved: every name and ARN below is in them.
data "aws_region" "current" {}
data "aws_partition" "current" {}
data "aws_caller_identity" "current" {}

locals {
  region    = data.aws_region.current.region
  partition = data.aws_partition.current.partition

  api_name = "${var.function_name}-api"
  # IAM is global: a role named after the function alone collides with the same
  # deployment in a second region (EntityAlreadyExists). The region keeps each its own.
  role_name               = "${var.function_name}-${local.region}"
  function_log_group_name = "/aws/lambda/${var.function_name}"
  access_log_group_name   = "/aws/apigateway/${var.function_name}"

  # build.mjs bundles into build/lambda/; Terraform zips that folder (data.archive_file).
  bundle_dir = "${path.module}/build/lambda"
  zip_path   = "${path.module}/build/lambda.zip"
  handler    = "index.handler"
  stage_name = "$default"

  # Every route goes to the one function. Behind the HTTP API, a path or method without a
  # route is answered by API Gateway itself ({"message":"Not Found"}) and never reaches
  # the function; the function's own 404 and 405 are for direct invocations.
  # GET / is the browser page; /chart, /v1/create-qr-code and /qr speak the query strings
  # of Google Image Charts, goQR.me and QuickChart. goQR's own URLs end in a slash, which
  # no HTTP API route key may: the greedy route catches /v1/create-qr-code/ (the function
  # answers 404 for anything longer).
  routes = ["POST /generate", "GET /generate", "GET /", "GET /chart", "GET /v1/create-qr-code", "GET /v1/create-qr-code/{proxy+}", "GET /qr"]

  cors_allow_methods  = ["GET", "POST", "OPTIONS"]
  cors_allow_headers  = ["content-type", "accept", "if-none-match"]
  cors_expose_headers = ["etag"]
  cors_max_age        = 86400
}

# --- Runtime dates -----------------------------------------------------------

locals {
  # AWS's dates for each runtime the function may use, from "Building Lambda functions with
  # Node.js" (read 2026-12-01). After `create_blocked` Lambda refuses new functions on the
  # runtime (InvalidParameterValueException, halfway through a first apply); after
  # `update_blocked` it refuses updates too. The plan fails before either can happen.
  runtime_page = "https://docs.aws.amazon.com/lambda/latest/dg/lambda-nodejs.html"
  runtime_dates = {
    "nodejs20.x" = { deprecated = "2026-04-30", create_blocked = "2026-08-31", update_blocked = "2026-09-30" }
    "nodejs22.x" = { deprecated = "2027-04-30", create_blocked = "2027-06-01", update_blocked = "2027-07-01" }
    "nodejs24.x" = { deprecated = "2028-04-30", create_blocked = "2028-06-01", update_blocked = "2028-07-01" }
  }
  runtime = local.runtime_dates[var.runtime]
  # The newest runtime listed: what the messages below suggest.
  newest_runtime = reverse(sort(keys(local.runtime_dates)))[0]

  plan_time       = plantimestamp()
  create_blocked  = timecmp(local.plan_time, "${local.runtime.create_blocked}T00:00:00Z") >= 0
  update_blocked  = timecmp(local.plan_time, "${local.runtime.update_blocked}T00:00:00Z") >= 0
  block_warn_days = 60
  # The next block within block_warn_days of this plan, if any.
  block_soon = !local.create_blocked && timecmp(timeadd(local.plan_time, "${local.block_warn_days * 24}h"), "${local.runtime.create_blocked}T00:00:00Z") >= 0
}

check "runtime_not_blocked_soon" {
  assert {
    condition     = !local.block_soon
    error_message = "${var.runtime}: AWS blocks new functions on it from ${local.runtime.create_blocked} and updates from ${local.runtime.update_blocked} (${local.runtime_page}). Move to ${local.newest_runtime} before then: runtime = \"${local.newest_runtime}\" in terraform.tfvars, or TF_VAR_runtime=${local.newest_runtime}."
  }
}

# --- Region ------------------------------------------------------------------

# The region this deployment lives in, recorded at its first apply and never changed after
# (ignore_changes). With provider v6 every regional resource is replaced when the region
# changes, so a plan from a shell whose AWS_REGION differs would move the whole stack (a
# new API URL, the old logs deleted); the function's precondition refuses that instead.
resource "terraform_data" "region" {
  input = local.region

  lifecycle {
    ignore_changes = [input]
  }

  depends_on = [terraform_data.planned_code]
}

# --- The function's code -----------------------------------------------------

# Written at plan time, deterministically: zero modification times, entries in lexical
# order, one file mode. The same bundle gives the same zip on any machine, so an unchanged
# function is never redeployed.
data "archive_file" "function" {
  type             = "zip"
  source_dir       = local.bundle_dir
  output_path      = local.zip_path
  output_file_mode = "0644"

  lifecycle {
    precondition {
      condition     = fileexists("${local.bundle_dir}/index.mjs")
      error_message = "${local.bundle_dir}/index.mjs does not exist: run `make build` first (`make deploy` and `make plan` build it)."
    }
  }
}

# A saved plan (terraform plan -out) uploads the zip that plan wrote, so applying it in
# another job, or after another build, must find that very file. This is applied first
# whenever the code changes (the resources below that depend on nothing else depend on it),
# so a mismatch stops the apply before anything is created or changed.
resource "terraform_data" "planned_code" {
  input = data.archive_file.function.output_base64sha256

  lifecycle {
    precondition {
      condition     = try(filebase64sha256(data.archive_file.function.output_path), "") == data.archive_file.function.output_base64sha256
      error_message = "${data.archive_file.function.output_path} is not the zip this plan was made with (base64 sha256 ${data.archive_file.function.output_base64sha256}): copy the build/lambda.zip the plan wrote along with the plan file, or plan again."
    }
  }
}

# --- Logs --------------------------------------------------------------------

# Created before the function (depends_on below) so Lambda never creates it first
# with infinite retention and no tags.
resource "aws_cloudwatch_log_group" "function" {
  name              = local.function_log_group_name
  retention_in_days = var.log_retention_days

  depends_on = [terraform_data.planned_code]
}

resource "aws_cloudwatch_log_group" "access" {
  name              = local.access_log_group_name
  retention_in_days = var.log_retention_days

  depends_on = [terraform_data.planned_code]
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

  depends_on = [terraform_data.planned_code]
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

  # With rollback_enabled every change publishes a version, for the live alias to point at.
  publish = var.rollback_enabled ? true : null

  # Only when there is something to set: an empty block would show as a change on every plan.
  dynamic "environment" {
    for_each = length(local.function_environment) > 0 ? [local.function_environment] : []
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

  lifecycle {
    precondition {
      condition     = !local.create_blocked
      error_message = "${var.runtime} is blocked by AWS: ${local.update_blocked ? "no function can be created or updated with it since ${local.runtime.update_blocked}" : "no new function can be created with it since ${local.runtime.create_blocked}, and updates are blocked from ${local.runtime.update_blocked}"} (${local.runtime_page}). The function runs unchanged on ${local.newest_runtime}: runtime = \"${local.newest_runtime}\" in terraform.tfvars, or TF_VAR_runtime=${local.newest_runtime}."
    }
    precondition {
      condition     = var.live_version == null || var.rollback_enabled
      error_message = "live_version (${coalesce(var.live_version, "-")}) is set but rollback_enabled is false, so there is no live alias to pin: set rollback_enabled = true, or remove live_version (rollback.auto.tfvars.json, written by make rollback)."
    }
    precondition {
      condition     = terraform_data.region.output == local.region
      error_message = "This deployment is in ${terraform_data.region.output}, but the AWS provider now resolves ${local.region} (from region, AWS_REGION, AWS_DEFAULT_REGION or the profile). Planning here would replace every resource in ${local.region}. Deploy with TF_VAR_region=${terraform_data.region.output} (or region in terraform.tfvars); to move the stack, `make destroy` it in ${terraform_data.region.output} first."
    }
  }
}

# --- HTTP API (API Gateway v2) -----------------------------------------------

resource "aws_apigatewayv2_api" "http" {
  name          = local.api_name
  description   = "QR code generator"
  protocol_type = "HTTP"

  # With a custom domain on the API, the domain is its one address; the CDN needs the
  # execute-api endpoint as its origin (and the function refuses what bypasses the CDN).
  disable_execute_api_endpoint = local.api_domain_enabled ? true : null

  # API Gateway answers CORS preflights itself from this configuration.
  cors_configuration {
    allow_origins  = var.cors_allow_origins
    allow_methods  = local.cors_allow_methods
    allow_headers  = local.cors_allow_headers
    expose_headers = local.cors_expose_headers
    max_age        = local.cors_max_age
  }

  depends_on = [terraform_data.planned_code]
}

resource "aws_apigatewayv2_integration" "qr" {
  api_id             = aws_apigatewayv2_api.http.id
  integration_type   = "AWS_PROXY"
  integration_method = "POST"
  # The live alias with rollback_enabled, so `make rollback` moves what the API invokes.
  integration_uri = var.rollback_enabled ? aws_lambda_alias.live[0].invoke_arn : aws_lambda_function.qr.invoke_arn
  # Terraform's default is 1.0, which would hand the function REST-style events.
  payload_format_version = "2.0"
  timeout_milliseconds   = 30000

  # Moves to the alias (or back) only once the permission to invoke it exists.
  depends_on = [aws_lambda_permission.api_gateway]
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
  # Turning rollback_enabled on or off replaces the permission (the qualifier forces a new
  # one) while the integration moves to the alias or back. A statement id of its own per
  # qualifier lets the new permission exist beside the old (create_before_destroy), and the
  # integration waits for it (depends_on there): no request finds the API invoking what it
  # may not.
  statement_id  = var.rollback_enabled ? "AllowInvokeFromHttpApi-live" : "AllowInvokeFromHttpApi"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.qr.function_name
  # Invoking an alias needs the permission on that alias.
  qualifier  = var.rollback_enabled ? aws_lambda_alias.live[0].name : null
  principal  = "apigateway.amazonaws.com"
  source_arn = "${aws_apigatewayv2_api.http.execution_arn}/*/*"

  lifecycle {
    create_before_destroy = true
  }
}
