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

  # The production edge's combinations, checked before anything is created.
  lifecycle {
    precondition {
      condition     = local.domain_enabled || (var.hosted_zone_id == null && var.certificate_arn == null)
      error_message = "hosted_zone_id and certificate_arn are for domain_name, which is not set: set domain_name (e.g. qr.example.com) or remove them."
    }
    precondition {
      # CloudFront's certificate, its web ACL (scope CLOUDFRONT) and its metrics are pinned to
      # us-east-1 below, a region of partition aws alone. AWS GovCloud (US) has no CloudFront of
      # its own: it "is located outside of the AWS GovCloud (US) boundary" and is set up with
      # standard AWS credentials (AWS GovCloud (US) User Guide, CloudFront, "Credentials",
      # https://docs.aws.amazon.com/govcloud-us/latest/UserGuide/setting-up-credentials.html);
      # aws-cn's CloudFront has no us-east-1 either. The plan refuses rather than fail at apply.
      condition     = local.partition == "aws" || !(var.cdn_enabled || local.waf_enabled)
      error_message = "cdn_enabled and waf_rate_limit need partition aws (this deployment is in ${local.partition}, region ${local.region}): CloudFront's certificate and web ACL are created in us-east-1, which ${local.partition} has not. Leave cdn_enabled and waf_rate_limit unset here."
    }
    precondition {
      # CloudFront takes certificates from us-east-1 only; an API Gateway regional domain from its own region.
      condition     = var.certificate_arn == null || try(split(":", var.certificate_arn)[3] == local.certificate_region, false)
      error_message = "certificate_arn is in ${try(split(":", var.certificate_arn)[3], "-")}, but ${var.cdn_enabled ? "CloudFront takes certificates only from us-east-1" : "an API Gateway regional domain needs a certificate in its own region, ${local.region}"}: request or import it there, or leave certificate_arn unset to have one requested."
    }
  }
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

# --- Alarms (only with alarm_sns_topic_arn) ----------------------------------

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

# --- Production edge: domain, CDN, WAF (each opt-in) --------------------------

locals {
  domain_enabled     = var.domain_name != null
  zone_managed       = var.hosted_zone_id != null
  create_certificate = local.domain_enabled && var.certificate_arn == null
  # With the CDN the domain goes on the distribution; without it, on API Gateway.
  api_domain_enabled = local.domain_enabled && !var.cdn_enabled
  # CloudFront takes certificates only from us-east-1 (provider v6: a per-resource region).
  certificate_region = var.cdn_enabled ? "us-east-1" : local.region
  certificate_arn    = local.create_certificate ? aws_acm_certificate_validation.domain[0].certificate_arn : var.certificate_arn
  waf_enabled        = var.waf_rate_limit != null

  # The AWS Management Console's host in each partition whose console has a public address
  # ("AWS Management Console endpoints", AWS General Reference; AWS GovCloud (US) and the China
  # regions sign in at consoles of their own). Elsewhere (aws-iso*, aws-eusc) no link is made.
  console_hosts = {
    "aws"        = "${local.region}.console.aws.amazon.com"
    "aws-us-gov" = "console.amazonaws-us-gov.com"
    "aws-cn"     = "console.amazonaws.cn"
  }
  console_host = lookup(local.console_hosts, local.partition, null)

  # The address clients use: the domain, else the CDN's, else the HTTP API's own.
  public_url = (
    local.domain_enabled ? "https://${var.domain_name}" :
    var.cdn_enabled ? "https://${aws_cloudfront_distribution.cdn[0].domain_name}" :
    aws_apigatewayv2_api.http.api_endpoint
  )

  # What the domain's DNS names point at.
  domain_target = (
    var.cdn_enabled ? { name = aws_cloudfront_distribution.cdn[0].domain_name, zone_id = aws_cloudfront_distribution.cdn[0].hosted_zone_id } :
    local.api_domain_enabled ? { name = aws_apigatewayv2_domain_name.api[0].domain_name_configuration[0].target_domain_name, zone_id = aws_apigatewayv2_domain_name.api[0].domain_name_configuration[0].hosted_zone_id } :
    null
  )

  # The certificate's validation record, for a domain whose DNS is not in Route 53: from the
  # certificate alone, so that `make certificate` (a targeted apply) can print it.
  certificate_dns_records = local.create_certificate ? [for option in aws_acm_certificate.domain[0].domain_validation_options : {
    purpose = "certificate validation (keep it: ACM renews through it)"
    name    = option.resource_record_name
    type    = option.resource_record_type
    value   = option.resource_record_value
  }] : []

  # The secret CloudFront sends the function (lambda/http/origin-guard.ts) and its header.
  origin_header = "x-origin-verify"
  function_environment = merge(
    var.environment_variables,
    # While make rotate-origin-secret runs, the previous secret too (lambda/http/origin-guard.ts
    # accepts either, separated by a space) until CloudFront sends only the new one.
    var.cdn_enabled ? { QR_ORIGIN_SECRET = join(" ", compact([local.origin_secret, var.origin_secret_previous])) } : {},
  )
  # terraform_data's output carries no sensitive mark after apply (only its input does): every
  # use goes through this, so plans print "(sensitive value)" for the header and the variable.
  origin_secret = var.cdn_enabled ? sensitive(terraform_data.origin_secret[0].output) : null

  cdn_origin_id = "http-api"
  # AWS's managed origin request policy AllViewerExceptHostHeader, the one AWS names for API
  # Gateway origins: the viewer's headers (Accept, Content-Type, Origin, ...), cookies and
  # query string, but not Host, which execute-api routes by. Its id is the same in every
  # account (CloudFront developer guide, "Use managed origin request policies").
  all_viewer_except_host_header = "b689b0a8-53d0-40ab-baf2-68738e2966ac"
  # The error codes CloudFront caches from an origin, and the only ones a custom_error_response
  # may name (CloudFront developer guide, "How CloudFront processes and caches HTTP 4xx and
  # 5xx status codes from your origin"). Each is cached for error_caching_min_ttl (10 s by
  # default) even when the origin marks it no-store, but for 404, 410, 414 and 501, which
  # honour no-store, no-cache and private. The function's 400 (a private code's refusal among
  # them), 403 and 405 would be served from the cache for 10 s, and a 5xx would outlive a
  # passing failure: every one is kept for 0 s. (test/infra/cdn-caching.test.ts checks
  # this list against the statuses lambda/ and API Gateway answer.)
  uncached_error_codes = [400, 403, 404, 405, 414, 416, 500, 501, 502, 503, 504]
}

# The zone the domain's records go in (a public one: ACM validates through public DNS).
data "aws_route53_zone" "domain" {
  count   = local.zone_managed ? 1 : 0
  zone_id = var.hosted_zone_id

  lifecycle {
    postcondition {
      condition     = local.domain_enabled && (coalesce(var.domain_name, "-") == trimsuffix(self.name, ".") || endswith(coalesce(var.domain_name, "-"), ".${trimsuffix(self.name, ".")}"))
      error_message = "domain_name ${coalesce(var.domain_name, "(not set)")} is not in the hosted zone ${trimsuffix(self.name, ".")} (${var.hosted_zone_id}): use a name ending in .${trimsuffix(self.name, ".")}, or the zone that holds the domain."
    }
  }
}

# A public certificate: free, renewed by ACM while its validation record stays in DNS.
resource "aws_acm_certificate" "domain" {
  count             = local.create_certificate ? 1 : 0
  region            = local.certificate_region
  domain_name       = var.domain_name
  validation_method = "DNS"

  # A replacement (another domain) is issued before the old one is let go.
  lifecycle {
    create_before_destroy = true
  }

  # No depends_on terraform_data.planned_code, unlike the other first resources: `make
  # certificate` applies this resource alone (-target), and Terraform's -target takes every
  # dependency along, so the zip's precondition would fail on a clone that was never built.
  # The certificate holds no code; a saved plan applied with the wrong zip may request it
  # (free, and kept for the next apply) before terraform_data.planned_code stops the rest.
}

# The certificate's DNS validation record, when the zone is in Route 53 (otherwise it is in
# output dns_records, for you to create where the domain's DNS is).
resource "aws_route53_record" "certificate_validation" {
  count           = local.create_certificate && local.zone_managed ? 1 : 0
  zone_id         = var.hosted_zone_id
  name            = one(aws_acm_certificate.domain[0].domain_validation_options).resource_record_name
  type            = one(aws_acm_certificate.domain[0].domain_validation_options).resource_record_type
  records         = [one(aws_acm_certificate.domain[0].domain_validation_options).resource_record_value]
  ttl             = 300
  allow_overwrite = true
}

# Waits until ACM has issued the certificate. Without a Route 53 zone it waits for you to
# create the validation record (`make certificate` first shows it; docs/production-edge.md).
resource "aws_acm_certificate_validation" "domain" {
  count                   = local.create_certificate ? 1 : 0
  region                  = local.certificate_region
  certificate_arn         = aws_acm_certificate.domain[0].arn
  validation_record_fqdns = local.zone_managed ? [aws_route53_record.certificate_validation[0].fqdn] : null
}

# The domain on API Gateway (without the CDN), TLS 1.2 and over IPv4 and IPv6.
resource "aws_apigatewayv2_domain_name" "api" {
  count       = local.api_domain_enabled ? 1 : 0
  domain_name = var.domain_name

  domain_name_configuration {
    certificate_arn = local.certificate_arn
    endpoint_type   = "REGIONAL"
    security_policy = "TLS_1_2"
    ip_address_type = "dualstack"
  }
}

resource "aws_apigatewayv2_api_mapping" "api" {
  count       = local.api_domain_enabled ? 1 : 0
  api_id      = aws_apigatewayv2_api.http.id
  domain_name = aws_apigatewayv2_domain_name.api[0].id
  stage       = aws_apigatewayv2_stage.default.id
}

# The domain's names: aliases (free to query) to the distribution or the API's domain.
resource "aws_route53_record" "domain" {
  for_each = local.domain_enabled && local.zone_managed ? toset(["A", "AAAA"]) : toset([])
  zone_id  = var.hosted_zone_id
  name     = var.domain_name
  type     = each.key

  alias {
    name                   = local.domain_target.name
    zone_id                = local.domain_target.zone_id
    evaluate_target_health = false
  }
}

# The secret the CDN proves itself with: drawn once, at the first apply, and kept until
# `make rotate-origin-secret` replaces it. Sensitive, so no plan or apply prints it; it is
# still in the state (as every value is), and anyone allowed lambda:GetFunctionConfiguration
# or cloudfront:GetDistributionConfig on these resources can read it.
resource "terraform_data" "origin_secret" {
  count = var.cdn_enabled ? 1 : 0
  input = sensitive(uuid())

  lifecycle {
    ignore_changes = [input]
  }
}

# Caches what the function says may be cached (GET /generate: a year, immutable) and
# nothing it marks no-store (POST answers, errors, private codes): min_ttl 0 honours it.
resource "aws_cloudfront_cache_policy" "images" {
  count       = var.cdn_enabled ? 1 : 0
  name        = "${var.function_name}-images"
  comment     = "QR images: every query parameter is the key; the origin's Cache-Control decides"
  min_ttl     = 0
  default_ttl = 0
  max_ttl     = 31536000

  parameters_in_cache_key_and_forwarded_to_origin {
    # Compressed and plain copies are cached apart, so SVG, JSON and the page go compressed.
    enable_accept_encoding_gzip   = true
    enable_accept_encoding_brotli = true

    query_strings_config {
      query_string_behavior = "all"
    }
    # Origin only: API Gateway's CORS headers depend on it, so an <img> request (no Origin)
    # and a page's fetch() must not share a cached answer. Nothing else varies the image.
    headers_config {
      header_behavior = "whitelist"
      headers {
        items = ["origin"]
      }
    }
    cookies_config {
      cookie_behavior = "none"
    }
  }
}

resource "aws_cloudfront_distribution" "cdn" {
  count           = var.cdn_enabled ? 1 : 0
  enabled         = true
  comment         = "${var.function_name}: QR codes at the edge"
  aliases         = local.domain_enabled ? [var.domain_name] : null
  price_class     = var.cdn_price_class
  http_version    = "http2and3"
  is_ipv6_enabled = true
  web_acl_id      = local.waf_enabled ? aws_wafv2_web_acl.cdn[0].arn : null
  # No logging_config: CloudFront's logs carry the query string, which is the encoded data.

  origin {
    origin_id   = local.cdn_origin_id
    domain_name = regex("^https?://([^/:]+)", aws_apigatewayv2_api.http.api_endpoint)[0]

    # CloudFront overwrites a header of this name that a viewer sends.
    custom_header {
      name  = local.origin_header
      value = local.origin_secret
    }

    custom_origin_config {
      http_port              = 80
      https_port             = 443
      origin_protocol_policy = "https-only"
      origin_ssl_protocols   = ["TLSv1.2"]
      # API Gateway's own limit for an integration.
      origin_read_timeout = 30
    }
  }

  default_cache_behavior {
    target_origin_id = local.cdn_origin_id
    # POST /generate passes through (CloudFront never caches it); GET is cached. HEAD is forwarded as HEAD and
    # finds no route behind the HTTP API (GET routes only): its 404 is never cached (error_caching_min_ttl, below).
    allowed_methods          = ["GET", "HEAD", "OPTIONS", "PUT", "POST", "PATCH", "DELETE"]
    cached_methods           = ["GET", "HEAD"]
    cache_policy_id          = aws_cloudfront_cache_policy.images[0].id
    origin_request_policy_id = local.all_viewer_except_host_header
    viewer_protocol_policy   = "https-only"
    compress                 = true
  }

  dynamic "custom_error_response" {
    for_each = local.uncached_error_codes
    content {
      error_code            = custom_error_response.value
      error_caching_min_ttl = 0
    }
  }

  restrictions {
    geo_restriction {
      restriction_type = "none"
    }
  }

  # A new origin secret reaches the function (and the alias the API invokes) before
  # CloudFront sends it; the provider then waits until every edge has the new header
  # (wait_for_deployment, true by default), so `make rotate-origin-secret` retires the old
  # one only once nothing sends it.
  depends_on = [aws_lambda_function.qr, aws_lambda_alias.live]

  lifecycle {
    precondition {
      # A pinned version keeps the environment it was published with: it would refuse the new secret.
      condition     = var.origin_secret_previous == null || var.live_version == null
      error_message = "The origin secret cannot be rotated while make rollback pins version ${coalesce(var.live_version, "-")}: that version knows only the old secret, and would refuse every request with the new one. Run make rollforward (or deploy a fix) first."
    }
  }

  # With CloudFront's own certificate (*.cloudfront.net, no domain_name) CloudFront sets the
  # security policy to TLSv1 whatever minimum_protocol_version says (CloudFront API reference,
  # ViewerCertificate: "CloudFront automatically sets the security policy to TLSv1 regardless
  # of the value that you set here"), so the plan says TLSv1 rather than ask for a TLS 1.2 that
  # would not apply. Only a domain of your own, with its ACM certificate, gets TLS 1.2.
  viewer_certificate {
    cloudfront_default_certificate = local.domain_enabled ? null : true
    acm_certificate_arn            = local.domain_enabled ? local.certificate_arn : null
    ssl_support_method             = local.domain_enabled ? "sni-only" : null
    minimum_protocol_version       = local.domain_enabled ? "TLSv1.2_2021" : "TLSv1"
  }
}

# Per-client limits, which HTTP APIs do not have: each client IP gets waf_rate_limit
# requests per 5 minutes at the edge, then 429 until its rate falls below the limit.
resource "aws_wafv2_web_acl" "cdn" {
  count = local.waf_enabled ? 1 : 0
  # Web ACLs for CloudFront live in us-east-1.
  region      = "us-east-1"
  name        = "${var.function_name}-cdn"
  description = "Per-client rate limit in front of ${var.function_name}"
  scope       = "CLOUDFRONT"

  default_action {
    allow {}
  }

  custom_response_body {
    key          = "rate-limited"
    content_type = "APPLICATION_JSON"
    content      = jsonencode({ error = "too many requests from this address: at most ${coalesce(var.waf_rate_limit, 0)} in any 5 minutes", code = "rate_limited" })
  }

  # Native rule blocks, not rule_json: the provider reads the rules back into `rule` and
  # compares them with these, so a rule changed in the console shows as a change on the next
  # plan. rule_json has no drift detection (the provider's aws_wafv2_web_acl docs;
  # hashicorp/terraform-provider-aws#43166). The stand-in serves this much of the rule's
  # nesting, from the provider's source (local/terraform/provider/schema/PROVENANCE.md).
  rule {
    name     = "per-client-rate"
    priority = 0

    action {
      block {
        custom_response {
          response_code            = 429
          custom_response_body_key = "rate-limited"
        }
      }
    }

    # waf_rate_limit requests per client IP in any 5 minutes (300 s, WAF's default window).
    statement {
      rate_based_statement {
        limit                 = var.waf_rate_limit
        evaluation_window_sec = 300
        aggregate_key_type    = "IP"
      }
    }

    visibility_config {
      cloudwatch_metrics_enabled = true
      metric_name                = "${var.function_name}-per-client-rate"
      sampled_requests_enabled   = true
    }
  }

  visibility_config {
    cloudwatch_metrics_enabled = true
    metric_name                = "${var.function_name}-cdn"
    sampled_requests_enabled   = true
  }

  lifecycle {
    precondition {
      condition     = var.cdn_enabled
      error_message = "waf_rate_limit needs cdn_enabled = true: the web ACL is attached to the CloudFront distribution (HTTP APIs take no WAF)."
    }
  }
}

# --- Rollback (rollback_enabled) ---------------------------------------------

# What the API invokes: the newest published version, or the one `make rollback` pinned.
resource "aws_lambda_alias" "live" {
  count            = var.rollback_enabled ? 1 : 0
  name             = "live"
  description      = "The version the API serves (make rollback / make rollforward)"
  function_name    = aws_lambda_function.qr.function_name
  function_version = coalesce(var.live_version, aws_lambda_function.qr.version)

  lifecycle {
    precondition {
      condition     = var.live_version == null || try(tonumber(var.live_version) <= tonumber(aws_lambda_function.qr.version), true)
      error_message = "live_version ${coalesce(var.live_version, "-")} is newer than the newest published version, ${aws_lambda_function.qr.version}: run make rollforward."
    }
  }
}

check "live_version_pinned" {
  assert {
    condition     = var.live_version == null
    error_message = "The API serves version ${coalesce(var.live_version, "-")}, pinned by make rollback (rollback.auto.tfvars.json): deploys still publish new versions, but none is served until make rollforward."
  }
}

# --- Dashboard (dashboard_enabled) -------------------------------------------

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
