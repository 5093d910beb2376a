# The deployment contract, asserted on what Terraform itself plans and applies. Run by
# `make validate` against the stand-in providers (no AWS account). The same file runs
# against a real account with `terraform test -test-directory=test/terraform -filter=test/terraform/deployment.tftest.hcl` after
# `terraform init`: its apply runs then create and destroy real resources, in the region
# the provider resolves, under names of their own (qr-tftest-*) that cannot clash with a
# deployment. test/terraform/standin-only.tftest.hcl holds what only the stand-in may apply.

run "function_as_planned" {
  command = plan

  assert {
    condition     = aws_lambda_function.qr.architectures == tolist(["arm64"])
    error_message = "The function must run on arm64 (Graviton): cheaper per GB-second."
  }
  assert {
    condition     = aws_lambda_function.qr.runtime == "nodejs24.x"
    error_message = "The default runtime is nodejs24.x, which AWS accepts for new functions until 2028-06-01."
  }
  assert {
    condition     = aws_lambda_function.qr.handler == "index.handler"
    error_message = "build.mjs writes index.mjs exporting handler."
  }
  assert {
    condition     = aws_lambda_function.qr.memory_size == 256 && aws_lambda_function.qr.timeout == 10
    error_message = "Defaults: 256 MB and 10 s."
  }
  assert {
    condition     = aws_lambda_function.qr.reserved_concurrent_executions == -1
    error_message = "No concurrency is reserved by default (the provider's -1)."
  }
  assert {
    condition     = length(aws_lambda_function.qr.environment) == 0
    error_message = "No environment block when there are no variables: an empty one shows as a change on every plan."
  }
  assert {
    condition     = endswith(aws_lambda_function.qr.filename, "/build/lambda.zip") && aws_lambda_function.qr.filename == data.archive_file.function.output_path
    error_message = "The function's code is the zip Terraform writes of build/lambda."
  }
  assert {
    condition     = endswith(data.archive_file.function.source_dir, "/build/lambda") && data.archive_file.function.type == "zip" && data.archive_file.function.output_file_mode == "0644"
    error_message = "Terraform zips build/lambda, with one file mode for every entry (no umask of the machine)."
  }
  assert {
    condition     = aws_lambda_function.qr.source_code_hash == data.archive_file.function.output_base64sha256 && aws_lambda_function.qr.source_code_hash == filebase64sha256(aws_lambda_function.qr.filename)
    error_message = "The function is redeployed exactly when the zip's bytes change, and the zip on disk is the one planned."
  }
}

run "logging_as_planned" {
  command = plan

  assert {
    condition     = aws_lambda_function.qr.logging_config[0].log_format == "JSON" && aws_lambda_function.qr.logging_config[0].log_group == "/aws/lambda/qr-code-generator"
    error_message = "The function logs JSON into its own log group."
  }
  assert {
    condition     = aws_lambda_function.qr.logging_config[0].application_log_level == "INFO" && aws_lambda_function.qr.logging_config[0].system_log_level == "INFO"
    error_message = "INFO keeps the platform's REPORT lines (duration, billed memory)."
  }
  assert {
    condition     = aws_cloudwatch_log_group.function.name == aws_lambda_function.qr.logging_config[0].log_group
    error_message = "The function's log group is the one Terraform creates (with retention), not one Lambda would create."
  }
  assert {
    condition     = aws_cloudwatch_log_group.function.retention_in_days == 14 && aws_cloudwatch_log_group.access.retention_in_days == 14
    error_message = "Both log groups keep 14 days by default."
  }
  assert {
    condition     = aws_cloudwatch_log_group.access.name == "/aws/apigateway/qr-code-generator"
    error_message = "Access logs go to their own log group."
  }
}

run "http_api_as_planned" {
  command = plan

  assert {
    condition     = aws_apigatewayv2_api.http.protocol_type == "HTTP"
    error_message = "An HTTP API (API Gateway v2)."
  }
  assert {
    condition     = aws_apigatewayv2_integration.qr.integration_type == "AWS_PROXY" && aws_apigatewayv2_integration.qr.integration_method == "POST"
    error_message = "A Lambda proxy integration."
  }
  assert {
    condition     = aws_apigatewayv2_integration.qr.payload_format_version == "2.0"
    error_message = "Payload format 2.0: the provider's default 1.0 would hand the function REST-style events."
  }
  assert {
    condition     = toset([for route in aws_apigatewayv2_route.qr : route.route_key]) == toset(["POST /generate", "GET /generate", "GET /", "GET /chart", "GET /v1/create-qr-code", "GET /v1/create-qr-code/{proxy+}", "GET /qr"])
    error_message = "Exactly these routes: POST /generate, GET /generate, the page at GET /, the three dialects (goQR's with its trailing slash)."
  }
  assert {
    condition     = aws_apigatewayv2_stage.default.name == "$default" && aws_apigatewayv2_stage.default.auto_deploy
    error_message = "The $default stage, deployed automatically."
  }
  assert {
    condition     = aws_apigatewayv2_stage.default.default_route_settings[0].throttling_rate_limit == 20 && aws_apigatewayv2_stage.default.default_route_settings[0].throttling_burst_limit == 40
    error_message = "The stage is throttled by default (20/s, burst 40)."
  }
  assert {
    condition = alltrue([
      for field in ["requestId", "status", "routeKey", "integrationError", "lambdaRequestId"] :
      contains(keys(jsondecode(aws_apigatewayv2_stage.default.access_log_settings[0].format)), field)
    ])
    error_message = "Access logs are JSON with the request id, status, route and integration error."
  }
  assert {
    condition     = aws_apigatewayv2_api.http.cors_configuration[0].allow_origins == toset(["*"])
    error_message = "CORS allows any origin by default."
  }
  assert {
    condition     = aws_apigatewayv2_api.http.cors_configuration[0].allow_methods == toset(["GET", "POST", "OPTIONS"]) && contains(aws_apigatewayv2_api.http.cors_configuration[0].expose_headers, "etag")
    error_message = "CORS allows GET, POST and preflights, and exposes the ETag."
  }
}

run "iam_as_planned" {
  command = plan

  assert {
    condition     = jsondecode(data.aws_iam_policy_document.assume_role.json).Statement[0].Principal == { Service = "lambda.amazonaws.com" }
    error_message = "Only Lambda may assume the function's role."
  }
  assert {
    condition     = jsondecode(data.aws_iam_policy_document.assume_role.json).Statement[0].Action == "sts:AssumeRole"
    error_message = "The trust policy allows sts:AssumeRole only."
  }
  assert {
    condition     = aws_iam_role.function.name == "qr-code-generator-${output.region}"
    error_message = "The role is named after the function and the region: IAM names are global."
  }
}

# Apply against the stand-in: the wiring between resources, which a plan knows only as
# "(known after apply)", resolves to real-looking ARNs.
run "wiring_as_applied" {
  command = apply

  variables {
    function_name = "qr-tftest-wiring"
  }

  assert {
    condition = jsondecode(aws_iam_role_policy.function_logs.policy).Statement == [{
      Effect   = "Allow"
      Action   = ["logs:CreateLogStream", "logs:PutLogEvents"]
      Resource = "${aws_cloudwatch_log_group.function.arn}:*"
    }]
    error_message = "The function may write to its own log streams and nothing else."
  }
  assert {
    condition     = aws_iam_role_policy.function_logs.role == aws_iam_role.function.id && aws_lambda_function.qr.role == aws_iam_role.function.arn
    error_message = "The policy is on the function's own role."
  }
  assert {
    condition     = terraform_data.region.output == output.region
    error_message = "The first apply records the deployment's region."
  }
  assert {
    condition     = aws_lambda_permission.api_gateway.source_arn == "${aws_apigatewayv2_api.http.execution_arn}/*/*"
    error_message = "Only this API may invoke the function."
  }
  assert {
    condition     = aws_lambda_permission.api_gateway.principal == "apigateway.amazonaws.com" && aws_lambda_permission.api_gateway.action == "lambda:InvokeFunction"
    error_message = "The permission lets API Gateway invoke the function."
  }
  assert {
    condition     = aws_apigatewayv2_integration.qr.integration_uri == aws_lambda_function.qr.invoke_arn
    error_message = "The integration invokes this function."
  }
  assert {
    condition     = alltrue([for route in aws_apigatewayv2_route.qr : route.target == "integrations/${aws_apigatewayv2_integration.qr.id}"])
    error_message = "Every route goes to the one integration."
  }
  assert {
    condition     = aws_apigatewayv2_stage.default.access_log_settings[0].destination_arn == aws_cloudwatch_log_group.access.arn
    error_message = "Access logs go to the access log group."
  }
  assert {
    condition     = output.generate_url == "${output.api_endpoint}/generate" && startswith(output.api_endpoint, "https://")
    error_message = "generate_url is the API's endpoint plus /generate."
  }
  assert {
    condition     = output.function_name == aws_lambda_function.qr.function_name && output.function_arn == aws_lambda_function.qr.arn
    error_message = "The outputs name the deployed function."
  }
  assert {
    condition     = strcontains(output.invoke_command, "--function-name ${aws_lambda_function.qr.function_name}") && strcontains(output.curl_command, output.generate_url)
    error_message = "The ready-to-paste commands target this deployment."
  }
}

run "tags_from_one_variable" {
  command = plan

  variables {
    tags = { Team = "qr", Project = "qr-lambda" }
  }

  assert {
    condition     = aws_lambda_function.qr.tags_all == tomap({ Team = "qr", Project = "qr-lambda" }) && aws_apigatewayv2_api.http.tags_all == tomap({ Team = "qr", Project = "qr-lambda" })
    error_message = "var.tags reaches every resource through the provider's default_tags."
  }
}

run "environment_variables_when_given" {
  command = plan

  variables {
    environment_variables = { GREETING = "hello" }
  }

  assert {
    condition     = aws_lambda_function.qr.environment[0].variables == tomap({ GREETING = "hello" })
    error_message = "environment_variables become the function's environment."
  }
}

run "names_follow_function_name" {
  command = plan

  variables {
    function_name = "qr-test"
  }

  assert {
    condition = (
      aws_lambda_function.qr.function_name == "qr-test" && aws_apigatewayv2_api.http.name == "qr-test-api" && aws_iam_role.function.name == "qr-test-${output.region}"
      && aws_cloudwatch_log_group.function.name == "/aws/lambda/qr-test" && aws_cloudwatch_log_group.access.name == "/aws/apigateway/qr-test"
    )
    error_message = "Every name derives from function_name."
  }
}

run "no_alarms_by_default" {
  command = plan

  assert {
    condition     = length(aws_cloudwatch_metric_alarm.qr) == 0 && length(aws_cloudwatch_log_metric_filter.unexpected_failures) == 0
    error_message = "Alarms, and the metric filter only they read, are off unless alarm_sns_topic_arn names a topic."
  }
}

# A topic in the provider's own region and account, as CloudWatch requires; it need not
# exist for these assertions (create qr-tftest-alerts first if your account's CloudWatch
# insists on an existing topic).
run "alarms_notify_the_topic" {
  command = apply

  variables {
    function_name       = "qr-tftest-alarms"
    alarm_sns_topic_arn = "arn:${run.wiring_as_applied.partition}:sns:${run.wiring_as_applied.region}:${run.wiring_as_applied.account_id}:qr-tftest-alerts"
  }

  assert {
    condition     = toset(keys(aws_cloudwatch_metric_alarm.qr)) == toset(["function-errors", "unexpected-failures", "function-throttles", "api-5xx"])
    error_message = "Four alarms: function errors, the handler's unexpected failures, function throttles, API 5xx."
  }
  assert {
    # Lambda's Errors never counts a failure the handler catches and answers 500: its log
    # line does, through the metric filter the alarm watches.
    condition = (
      one(aws_cloudwatch_log_metric_filter.unexpected_failures).log_group_name == aws_cloudwatch_log_group.function.name
      && one(aws_cloudwatch_log_metric_filter.unexpected_failures).metric_transformation[0].namespace == aws_cloudwatch_metric_alarm.qr["unexpected-failures"].namespace
      && one(aws_cloudwatch_log_metric_filter.unexpected_failures).metric_transformation[0].name == aws_cloudwatch_metric_alarm.qr["unexpected-failures"].metric_name
      && one(aws_cloudwatch_log_metric_filter.unexpected_failures).metric_transformation[0].value == "1"
      && aws_cloudwatch_metric_alarm.qr["unexpected-failures"].threshold == 1 && aws_cloudwatch_metric_alarm.qr["unexpected-failures"].evaluation_periods == 1
    )
    error_message = "A metric filter on the function's log group counts each unexpected failure, and one sets off the alarm within one period."
  }
  assert {
    condition = alltrue([
      for alarm in aws_cloudwatch_metric_alarm.qr :
      alarm.alarm_actions == toset([var.alarm_sns_topic_arn]) && alarm.ok_actions == toset([var.alarm_sns_topic_arn])
      && alarm.period == 300 && alarm.statistic == "Sum" && alarm.treat_missing_data == "notBreaching"
    ])
    error_message = "Every alarm notifies the topic on alarm and on recovery, over 5-minute sums, and no traffic is not an outage."
  }
  assert {
    condition = (
      aws_cloudwatch_metric_alarm.qr["function-errors"].namespace == "AWS/Lambda" && aws_cloudwatch_metric_alarm.qr["function-errors"].metric_name == "Errors"
      && aws_cloudwatch_metric_alarm.qr["function-errors"].dimensions == tomap({ FunctionName = "qr-tftest-alarms" })
      && aws_cloudwatch_metric_alarm.qr["function-throttles"].metric_name == "Throttles"
    )
    error_message = "The function alarms watch this function's Errors and Throttles."
  }
  assert {
    condition = (
      aws_cloudwatch_metric_alarm.qr["api-5xx"].namespace == "AWS/ApiGateway" && aws_cloudwatch_metric_alarm.qr["api-5xx"].metric_name == "5xx"
      && aws_cloudwatch_metric_alarm.qr["api-5xx"].dimensions == tomap({ ApiId = aws_apigatewayv2_api.http.id, Stage = "$default" })
      && aws_cloudwatch_metric_alarm.qr["api-5xx"].threshold == 5
    )
    error_message = "The API alarm watches this API's $default stage for 5xx."
  }
}
