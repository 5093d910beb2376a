# Rollback, with rollback_enabled: the API invokes an alias that `make rollback` can pin to an
# earlier published version and `make rollforward` returns to the newest.

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
