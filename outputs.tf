output "api_endpoint" {
  description = "Base URL clients call: https://domain_name when set, else the CDN's address when cdn_enabled, else the HTTP API's own endpoint."
  value       = local.public_url
}

output "execute_api_endpoint" {
  description = "The HTTP API's own endpoint: null when a custom domain turns it off; with the CDN it answers only requests that come through the CDN."
  value       = local.api_domain_enabled ? null : aws_apigatewayv2_api.http.api_endpoint
}

output "generate_url" {
  description = "Full URL of the /generate route."
  value       = "${local.public_url}/generate"
}

output "function_name" {
  description = "Name of the Lambda function."
  value       = aws_lambda_function.qr.function_name
}

output "function_arn" {
  description = "ARN of the Lambda function."
  value       = aws_lambda_function.qr.arn
}

output "function_log_group" {
  description = "CloudWatch log group of the function (one JSON line per request)."
  value       = aws_cloudwatch_log_group.function.name
}

output "access_log_group" {
  description = "CloudWatch log group of the HTTP API's access logs."
  value       = aws_cloudwatch_log_group.access.name
}

output "curl_command" {
  description = "Ready-to-paste curl that POSTs a URL and saves the PNG."
  value       = "curl -sS -X POST '${local.public_url}/generate' -H 'Content-Type: application/json' -H 'Accept: image/png' -d '{\"url\": \"https://example.com\"}' -o qr.png"
}

output "invoke_command" {
  description = "Ready-to-paste aws lambda invoke with the documented payload, for the AWS CLI v2 (v1 has no --cli-binary-format); make outputs names the v2 by its path when the aws first on PATH is a v1."
  value       = "aws lambda invoke --region ${local.region} --function-name ${aws_lambda_function.qr.function_name}${var.rollback_enabled ? " --qualifier live" : ""} --cli-binary-format raw-in-base64-out --payload '{\"body\": \"{\\\"url\\\": \\\"https://example.com\\\"}\"}' out.json"
}

output "region" {
  description = "AWS region the stack is deployed in, as the provider resolved it."
  value       = local.region
}

output "partition" {
  description = "AWS partition of the deployment (aws, aws-cn, aws-us-gov, aws-eusc, ...), for ARNs built outside Terraform."
  value       = local.partition
}

output "account_id" {
  description = "AWS account the stack is deployed in."
  value       = data.aws_caller_identity.current.account_id
}

output "role_name" {
  description = "Name of the function's IAM role (function_name-region: IAM names are global)."
  value       = aws_iam_role.function.name
}

output "cdn_domain_name" {
  description = "The CloudFront distribution's own domain name (d…cloudfront.net); null without cdn_enabled."
  value       = var.cdn_enabled ? aws_cloudfront_distribution.cdn[0].domain_name : null
}

output "cdn_distribution_id" {
  description = "The CloudFront distribution's id, e.g. for `aws cloudfront create-invalidation`; null without cdn_enabled."
  value       = var.cdn_enabled ? aws_cloudfront_distribution.cdn[0].id : null
}

output "dns_records" {
  description = "DNS records to create where domain_name's DNS is hosted, when hosted_zone_id is not given: the certificate's validation record, then the domain's own (a CNAME; at a zone apex, your DNS host's ALIAS/ANAME). Empty when Route 53 holds them."
  value = local.domain_enabled && !local.zone_managed ? concat(
    local.certificate_dns_records,
    [{ purpose = "the domain", name = "${var.domain_name}.", type = "CNAME", value = "${local.domain_target.name}." }],
  ) : []
}

# What `make certificate` prints. Under -target Terraform keeps only the outputs whose
# resources were all targeted (hashicorp/terraform, internal/terraform/transform_targets.go),
# and dns_records also reaches the distribution or the API's domain: this one reaches the
# certificate alone, so a targeted apply of it still writes it.
output "certificate_dns_records" {
  description = "The certificate's DNS validation record, to create where domain_name's DNS is hosted when hosted_zone_id is not given (make certificate prints it). Empty when Route 53 holds it, or when certificate_arn is given."
  value       = local.domain_enabled && !local.zone_managed ? local.certificate_dns_records : []
}

output "live_version" {
  description = "The published version the API serves through the live alias (rollback_enabled); null without it."
  value       = var.rollback_enabled ? aws_lambda_alias.live[0].function_version : null
}

output "latest_version" {
  description = "The newest published version of the function (rollback_enabled); null without it."
  value       = var.rollback_enabled ? aws_lambda_function.qr.version : null
}

output "dashboard_url" {
  description = "The CloudWatch dashboard (dashboard_enabled), on the console of the deployment's partition (console.aws.amazon.com, console.amazonaws-us-gov.com, console.amazonaws.cn); null without it, or in a partition whose console has no public address."
  value       = var.dashboard_enabled && local.console_host != null ? "https://${local.console_host}/cloudwatch/home?region=${local.region}#dashboards/dashboard/${aws_cloudwatch_dashboard.qr[0].dashboard_name}" : null
}
