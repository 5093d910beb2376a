# Every variable validation refuses what AWS or API Gateway would refuse, with its own
# message, before anything is created; and accepts the values AWS does.

run "runtime_refuses_unsupported" {
  command = plan
  variables { runtime = "nodejs18.x" }
  expect_failures = [var.runtime]
}

run "timeout_refuses_more_than_api_gateway_waits" {
  command = plan
  variables { timeout = 31 }
  expect_failures = [var.timeout]
}

run "timeout_refuses_fractions" {
  command = plan
  variables { timeout = 2.5 }
  expect_failures = [var.timeout]
}

run "memory_size_refuses_below_lambda_minimum" {
  command = plan
  variables { memory_size = 100 }
  expect_failures = [var.memory_size]
}

run "memory_size_refuses_above_lambda_maximum" {
  command = plan
  variables { memory_size = 10241 }
  expect_failures = [var.memory_size]
}

run "log_retention_refuses_values_cloudwatch_lacks" {
  command = plan
  variables { log_retention_days = 10 }
  expect_failures = [var.log_retention_days]
}

run "function_name_refuses_spaces" {
  command = plan
  variables { function_name = "has space" }
  expect_failures = [var.function_name]
}

run "function_name_refuses_names_too_long_for_the_role" {
  command = plan
  # 49 characters: with "-" and a 15-character region, the role name would pass IAM's 64.
  variables { function_name = "a234567890123456789012345678901234567890123456789" }
  expect_failures = [var.function_name]
}

run "reserved_concurrency_refuses_negative" {
  command = plan
  variables { reserved_concurrency = -1 }
  expect_failures = [var.reserved_concurrency]
}

run "cors_refuses_origins_with_a_path" {
  command = plan
  variables { cors_allow_origins = ["https://example.com/path"] }
  expect_failures = [var.cors_allow_origins]
}

run "cors_refuses_an_empty_list" {
  command = plan
  variables { cors_allow_origins = [] }
  expect_failures = [var.cors_allow_origins]
}

run "environment_refuses_reserved_names" {
  command = plan
  variables { environment_variables = { AWS_REGION = "x" } }
  expect_failures = [var.environment_variables]
}

run "throttling_rate_refuses_zero" {
  command = plan
  variables { throttling_rate_limit = 0 }
  expect_failures = [var.throttling_rate_limit]
}

run "throttling_burst_refuses_zero" {
  command = plan
  variables { throttling_burst_limit = 0 }
  expect_failures = [var.throttling_burst_limit]
}

run "region_refuses_what_is_not_a_region" {
  command = plan
  variables { region = "mars" }
  expect_failures = [var.region]
}

run "region_refuses_a_name_without_its_number" {
  command = plan
  variables { region = "us-east" }
  expect_failures = [var.region]
}

run "alarm_topic_refuses_what_is_not_an_sns_arn" {
  command = plan
  variables { alarm_sns_topic_arn = "alerts" }
  expect_failures = [var.alarm_sns_topic_arn]
}

run "region_accepts_every_partition" {
  command = plan
  variables { region = "us-gov-west-1" }
  assert {
    condition     = aws_lambda_function.qr.region == "us-gov-west-1"
    error_message = "GovCloud region names are valid."
  }
}

run "region_accepts_china" {
  command = plan
  variables { region = "cn-north-1" }
  assert {
    condition     = aws_lambda_function.qr.region == "cn-north-1"
    error_message = "China region names are valid."
  }
}

run "region_accepts_the_european_sovereign_cloud" {
  command = plan
  variables { region = "eusc-de-east-1" }
  assert {
    condition     = aws_lambda_function.qr.region == "eusc-de-east-1" && aws_iam_role.function.name == "qr-code-generator-eusc-de-east-1"
    error_message = "European Sovereign Cloud region names (partition aws-eusc) are valid."
  }
}

run "region_accepts_isolated_regions" {
  command = plan
  variables { region = "us-isob-east-1" }
  assert {
    condition     = aws_lambda_function.qr.region == "us-isob-east-1"
    error_message = "ISO-B region names are valid."
  }
}

run "tags_refuse_the_aws_prefix" {
  command = plan
  variables { tags = { "aws:x" = "y" } }
  expect_failures = [var.tags]
}

run "domain_name_refuses_a_url" {
  command = plan
  variables { domain_name = "https://qr.example.com/" }
  expect_failures = [var.domain_name]
}

run "domain_name_refuses_upper_case_and_wildcards" {
  command = plan
  variables { domain_name = "*.Example.com" }
  expect_failures = [var.domain_name]
}

run "domain_name_refuses_a_single_label" {
  command = plan
  variables { domain_name = "localhost" }
  expect_failures = [var.domain_name]
}

run "hosted_zone_id_refuses_what_route53_never_issues" {
  command = plan
  variables { hosted_zone_id = "example.com" }
  expect_failures = [var.hosted_zone_id]
}

run "certificate_arn_refuses_another_service" {
  command = plan
  variables { certificate_arn = "arn:aws:iam::123456789012:server-certificate/qr" }
  expect_failures = [var.certificate_arn]
}

run "cdn_price_class_refuses_unknown_classes" {
  command = plan
  variables { cdn_price_class = "PriceClass_50" }
  expect_failures = [var.cdn_price_class]
}

run "waf_rate_limit_refuses_below_aws_minimum" {
  command = plan
  variables { waf_rate_limit = 9 }
  expect_failures = [var.waf_rate_limit]
}

run "waf_rate_limit_refuses_fractions" {
  command = plan
  variables { waf_rate_limit = 100.5 }
  expect_failures = [var.waf_rate_limit]
}

run "live_version_refuses_latest_and_zero" {
  command = plan
  variables { live_version = "$LATEST" }
  expect_failures = [var.live_version]
}

run "accepts_what_aws_accepts" {
  command = plan

  variables {
    runtime              = "nodejs22.x"
    timeout              = 30
    memory_size          = 10240
    reserved_concurrency = 5
    log_retention_days   = 0
    cors_allow_origins   = ["https://a.example", "http://localhost:3000"]
    region               = "eu-west-2"
  }

  assert {
    condition     = aws_lambda_function.qr.runtime == "nodejs22.x" && aws_lambda_function.qr.reserved_concurrent_executions == 5
    error_message = "Valid values reach the function."
  }
  assert {
    condition     = aws_lambda_function.qr.region == "eu-west-2"
    error_message = "The region variable decides where resources go."
  }
}
