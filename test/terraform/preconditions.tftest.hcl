# What the plan refuses because AWS would refuse it halfway through an apply, and the names
# that keep two deployments apart. Plans only: safe against a real account too.

run "runtime_blocked_by_aws_fails_the_plan" {
  command = plan
  # AWS blocks new nodejs20.x functions from 2026-08-31 (local.runtime_dates).
  variables { runtime = "nodejs20.x" }
  expect_failures = [aws_lambda_function.qr]
}

run "runtimes_aws_accepts_plan" {
  command = plan
  variables { runtime = "nodejs22.x" }
  assert {
    condition     = aws_lambda_function.qr.runtime == "nodejs22.x"
    error_message = "nodejs22.x plans until AWS blocks it (2027-06-01)."
  }
}

run "alarm_topic_in_another_region_fails_the_plan" {
  command = plan
  variables {
    region              = "eu-west-1"
    alarm_sns_topic_arn = "arn:aws:sns:us-east-1:123456789012:alerts"
  }
  expect_failures = [aws_cloudwatch_metric_alarm.qr]
}

run "alarm_topic_in_another_partition_fails_the_plan" {
  command = plan
  variables {
    region              = "us-gov-west-1"
    alarm_sns_topic_arn = "arn:aws:sns:us-gov-west-1:123456789012:alerts"
  }
  expect_failures = [aws_cloudwatch_metric_alarm.qr]
}

run "alarm_topic_in_the_deployment_region_plans" {
  command = plan
  variables {
    region              = "us-gov-west-1"
    alarm_sns_topic_arn = "arn:aws-us-gov:sns:us-gov-west-1:123456789012:alerts"
  }
  assert {
    condition     = length(aws_cloudwatch_metric_alarm.qr) == 4
    error_message = "A topic in the deployment's own region and partition is accepted."
  }
}

run "role_in_one_region" {
  command = plan
  variables { region = "us-east-1" }
  assert {
    condition     = aws_iam_role.function.name == "qr-code-generator-us-east-1"
    error_message = "The role's name holds the region."
  }
}

run "role_in_a_second_region_has_its_own_name" {
  command = plan
  variables { region = "ap-southeast-5" }
  assert {
    condition     = aws_iam_role.function.name == "qr-code-generator-ap-southeast-5" && aws_iam_role.function.name != run.role_in_one_region.role_name
    error_message = "The same deployment in a second region names its role apart: IAM names are global."
  }
  assert {
    condition     = length(aws_iam_role.function.name) <= 64
    error_message = "Within IAM's 64 characters."
  }
}
