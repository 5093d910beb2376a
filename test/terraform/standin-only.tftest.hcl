# Only against the stand-in providers (`make validate`): these runs apply in an opt-in
# region and in two regions one after the other, which a real account may not allow.
# `terraform test -test-directory=test/terraform -filter=test/terraform/deployment.tftest.hcl` leaves this file out.

run "deployed_in_another_region" {
  command = apply

  variables {
    region = "eu-central-2"
  }

  assert {
    condition     = output.region == "eu-central-2" && strcontains(output.invoke_command, "--region eu-central-2")
    error_message = "The outputs name the region the provider resolved."
  }
  assert {
    condition     = startswith(aws_lambda_function.qr.arn, "arn:aws:lambda:eu-central-2:") && terraform_data.region.output == "eu-central-2"
    error_message = "The function is created in that region, and the deployment records it."
  }
}

# The same state, planned from a shell whose region is another: refused, not replaced.
run "another_region_later_is_refused" {
  command = plan

  variables {
    region = "us-east-2"
  }

  expect_failures = [aws_lambda_function.qr]
}

run "the_recorded_region_plans_as_before" {
  command = plan

  variables {
    region = "eu-central-2"
  }

  assert {
    condition     = terraform_data.region.output == "eu-central-2" && aws_lambda_function.qr.region == "eu-central-2"
    error_message = "Planned in its own region again, the deployment stays where it is."
  }
}
