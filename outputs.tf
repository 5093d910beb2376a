output "api_endpoint" {
  description = "Base URL of the HTTP API."
  value       = aws_apigatewayv2_api.http.api_endpoint
}

output "generate_url" {
  description = "Full URL of the /generate route."
  value       = "${aws_apigatewayv2_api.http.api_endpoint}/generate"
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
  value       = "curl -sS -X POST '${aws_apigatewayv2_api.http.api_endpoint}/generate' -H 'Content-Type: application/json' -H 'Accept: image/png' -d '{\"url\": \"https://example.com\"}' -o qr.png"
}

output "invoke_command" {
  description = "Ready-to-paste aws lambda invoke with the documented payload, for the AWS CLI v2 (v1 has no --cli-binary-format); make outputs names the v2 by its path when the aws first on PATH is a v1."
  value       = "aws lambda invoke --region ${local.region} --function-name ${aws_lambda_function.qr.function_name} --cli-binary-format raw-in-base64-out --payload '{\"body\": \"{\\\"url\\\": \\\"https://example.com\\\"}\"}' out.json"
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
