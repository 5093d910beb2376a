# The production edge (domain_name, hosted_zone_id, certificate_arn, cdn_enabled,
# waf_rate_limit, rollback_enabled, live_version, dashboard_enabled): each option and the
# combinations that change the wiring, applied against the stand-in providers
# (`make validate`). Only against the stand-in: on a real account these runs would request
# certificates for example.com and wait for DNS that never comes. The zone lookups are
# overridden: Route 53 answers with the zone's own name.

variables {
  function_name = "qr-tftest-edge"
}

run "no_option_adds_nothing" {
  command = plan

  assert {
    condition = alltrue([
      length(aws_acm_certificate.domain) == 0, length(aws_acm_certificate_validation.domain) == 0,
      length(aws_route53_record.certificate_validation) == 0, length(aws_route53_record.domain) == 0,
      length(aws_apigatewayv2_domain_name.api) == 0, length(aws_apigatewayv2_api_mapping.api) == 0,
      length(aws_cloudfront_distribution.cdn) == 0, length(aws_cloudfront_cache_policy.images) == 0,
      length(aws_wafv2_web_acl.cdn) == 0, length(terraform_data.origin_secret) == 0,
      length(aws_lambda_alias.live) == 0, length(aws_cloudwatch_dashboard.qr) == 0,
      length(data.aws_route53_zone.domain) == 0,
    ])
    error_message = "With no production-edge variable set, the plan holds none of its resources."
  }
  assert {
    condition     = !aws_lambda_function.qr.publish && aws_lambda_permission.api_gateway.qualifier == null && !coalesce(aws_apigatewayv2_api.http.disable_execute_api_endpoint, false)
    error_message = "Without the options the function publishes nothing, the API invokes $LATEST, and the execute-api endpoint is on: today's deployment."
  }
  assert {
    condition     = length(aws_lambda_function.qr.environment) == 0
    error_message = "No origin secret reaches the function without the CDN."
  }
}

run "domain_in_a_route53_zone" {
  variables {
    domain_name    = "qr.example.com"
    hosted_zone_id = "Z0EXAMPLE0000000000A"
  }

  override_data {
    target = data.aws_route53_zone.domain
    values = { name = "example.com" }
  }

  assert {
    condition     = aws_acm_certificate.domain[0].domain_name == "qr.example.com" && aws_acm_certificate.domain[0].validation_method == "DNS" && aws_acm_certificate.domain[0].region == output.region
    error_message = "A DNS-validated certificate for the domain, in the API's own region (API Gateway regional domains take only those)."
  }
  assert {
    condition = (
      aws_route53_record.certificate_validation[0].zone_id == "Z0EXAMPLE0000000000A"
      && aws_route53_record.certificate_validation[0].name == one(aws_acm_certificate.domain[0].domain_validation_options).resource_record_name
      && aws_route53_record.certificate_validation[0].type == one(aws_acm_certificate.domain[0].domain_validation_options).resource_record_type
      && aws_route53_record.certificate_validation[0].records == toset([one(aws_acm_certificate.domain[0].domain_validation_options).resource_record_value])
      && aws_acm_certificate_validation.domain[0].validation_record_fqdns == toset([aws_route53_record.certificate_validation[0].fqdn])
    )
    error_message = "ACM's validation record goes into the zone, and the validation waits for exactly that record."
  }
  assert {
    condition = (
      aws_apigatewayv2_domain_name.api[0].domain_name_configuration[0].certificate_arn == aws_acm_certificate_validation.domain[0].certificate_arn
      && aws_apigatewayv2_domain_name.api[0].domain_name_configuration[0].security_policy == "TLS_1_2"
      && aws_apigatewayv2_domain_name.api[0].domain_name_configuration[0].endpoint_type == "REGIONAL"
      && aws_apigatewayv2_domain_name.api[0].domain_name_configuration[0].ip_address_type == "dualstack"
    )
    error_message = "The API's domain uses the validated certificate, TLS 1.2, over IPv4 and IPv6."
  }
  assert {
    condition     = aws_apigatewayv2_api_mapping.api[0].api_id == aws_apigatewayv2_api.http.id && aws_apigatewayv2_api_mapping.api[0].domain_name == aws_apigatewayv2_domain_name.api[0].id && aws_apigatewayv2_api_mapping.api[0].stage == aws_apigatewayv2_stage.default.id
    error_message = "The domain maps to this API's stage."
  }
  assert {
    condition = alltrue([for type in ["A", "AAAA"] : (
      aws_route53_record.domain[type].name == "qr.example.com" && aws_route53_record.domain[type].zone_id == "Z0EXAMPLE0000000000A"
      && aws_route53_record.domain[type].alias[0].name == aws_apigatewayv2_domain_name.api[0].domain_name_configuration[0].target_domain_name
      && aws_route53_record.domain[type].alias[0].zone_id == aws_apigatewayv2_domain_name.api[0].domain_name_configuration[0].hosted_zone_id
    )])
    error_message = "A and AAAA aliases point the domain at the API's domain target."
  }
  assert {
    condition     = aws_apigatewayv2_api.http.disable_execute_api_endpoint && output.execute_api_endpoint == null
    error_message = "With its own domain the API has one address: the execute-api endpoint is off."
  }
  assert {
    condition     = output.api_endpoint == "https://qr.example.com" && output.generate_url == "https://qr.example.com/generate" && startswith(output.curl_command, "curl -sS -X POST 'https://qr.example.com/generate'")
    error_message = "The outputs and the ready-to-paste commands use the domain."
  }
  assert {
    condition     = output.dns_records == []
    error_message = "Route 53 holds every record: there is nothing for the user to create."
  }
}

run "domain_without_a_zone" {
  variables {
    domain_name = "qr.example.com"
  }

  assert {
    condition     = length(aws_route53_record.certificate_validation) == 0 && length(aws_route53_record.domain) == 0 && aws_acm_certificate_validation.domain[0].validation_record_fqdns == null
    error_message = "Without a zone no record is created; the validation waits for the user's."
  }
  assert {
    condition = jsonencode(output.dns_records) == jsonencode([
      {
        purpose = "certificate validation (keep it: ACM renews through it)"
        name    = one(aws_acm_certificate.domain[0].domain_validation_options).resource_record_name
        type    = "CNAME"
        value   = one(aws_acm_certificate.domain[0].domain_validation_options).resource_record_value
      },
      {
        purpose = "the domain"
        name    = "qr.example.com."
        type    = "CNAME"
        value   = "${aws_apigatewayv2_domain_name.api[0].domain_name_configuration[0].target_domain_name}."
      },
    ])
    error_message = "dns_records lists the validation record and the domain's CNAME, to create at the domain's DNS host."
  }
}

run "own_certificate" {
  variables {
    domain_name     = "qr.example.com"
    certificate_arn = "arn:aws:acm:${run.no_option_adds_nothing.region}:000000000000:certificate/01234567-89ab-cdef-0123-456789abcdef"
  }

  assert {
    condition     = length(aws_acm_certificate.domain) == 0 && aws_apigatewayv2_domain_name.api[0].domain_name_configuration[0].certificate_arn == var.certificate_arn
    error_message = "A given certificate is used as it is; none is requested."
  }
}

run "cdn_alone" {
  variables {
    cdn_enabled = true
  }

  assert {
    condition = (
      length(aws_cloudfront_distribution.cdn[0].origin) == 1
      && one(aws_cloudfront_distribution.cdn[0].origin).domain_name == trimprefix(aws_apigatewayv2_api.http.api_endpoint, "https://")
      && one(aws_cloudfront_distribution.cdn[0].origin).custom_origin_config[0].origin_protocol_policy == "https-only"
      && one(aws_cloudfront_distribution.cdn[0].origin).custom_origin_config[0].origin_ssl_protocols == toset(["TLSv1.2"])
    )
    error_message = "The distribution's one origin is the HTTP API, over HTTPS."
  }
  assert {
    condition = (
      one(one(aws_cloudfront_distribution.cdn[0].origin).custom_header).name == "x-origin-verify"
      && one(one(aws_cloudfront_distribution.cdn[0].origin).custom_header).value == aws_lambda_function.qr.environment[0].variables.QR_ORIGIN_SECRET
      && length(terraform_data.origin_secret[0].output) == 36
    )
    error_message = "CloudFront sends the function the secret it checks (lambda/http/origin-guard.ts): a random UUID."
  }
  assert {
    condition     = issensitive(aws_lambda_function.qr.environment[0].variables.QR_ORIGIN_SECRET) && issensitive(one(aws_cloudfront_distribution.cdn[0].origin).custom_header)
    error_message = "The origin secret is sensitive: no plan or apply prints it."
  }
  assert {
    condition = (
      aws_cloudfront_distribution.cdn[0].default_cache_behavior[0].cache_policy_id == aws_cloudfront_cache_policy.images[0].id
      && aws_cloudfront_distribution.cdn[0].default_cache_behavior[0].cached_methods == toset(["GET", "HEAD"])
      && contains(aws_cloudfront_distribution.cdn[0].default_cache_behavior[0].allowed_methods, "POST")
      && contains(aws_cloudfront_distribution.cdn[0].default_cache_behavior[0].allowed_methods, "OPTIONS")
      && aws_cloudfront_distribution.cdn[0].default_cache_behavior[0].viewer_protocol_policy == "https-only"
      && aws_cloudfront_distribution.cdn[0].default_cache_behavior[0].compress
      && aws_cloudfront_distribution.cdn[0].default_cache_behavior[0].origin_request_policy_id == "b689b0a8-53d0-40ab-baf2-68738e2966ac"
    )
    error_message = "GET and HEAD cached by the images policy, POST and OPTIONS passed through, HTTPS only, compressed, the viewer's headers forwarded but Host."
  }
  assert {
    condition = (
      aws_cloudfront_cache_policy.images[0].min_ttl == 0 && aws_cloudfront_cache_policy.images[0].default_ttl == 0 && aws_cloudfront_cache_policy.images[0].max_ttl == 31536000
      && aws_cloudfront_cache_policy.images[0].parameters_in_cache_key_and_forwarded_to_origin[0].query_strings_config[0].query_string_behavior == "all"
      && aws_cloudfront_cache_policy.images[0].parameters_in_cache_key_and_forwarded_to_origin[0].cookies_config[0].cookie_behavior == "none"
      && aws_cloudfront_cache_policy.images[0].parameters_in_cache_key_and_forwarded_to_origin[0].headers_config[0].headers[0].items == toset(["origin"])
      && aws_cloudfront_cache_policy.images[0].parameters_in_cache_key_and_forwarded_to_origin[0].enable_accept_encoding_gzip
      && aws_cloudfront_cache_policy.images[0].parameters_in_cache_key_and_forwarded_to_origin[0].enable_accept_encoding_brotli
    )
    error_message = "Every query parameter and Origin are the key, no cookies; the origin's Cache-Control decides (min 0: no-store is honoured; default 0: nothing unmarked is cached)."
  }
  assert {
    # CloudFront caches these codes for error_caching_min_ttl whatever the origin's no-store
    # ("How CloudFront processes and caches HTTP 4xx and 5xx status codes from your origin").
    condition     = toset([for response in aws_cloudfront_distribution.cdn[0].custom_error_response : response.error_code if response.error_caching_min_ttl == 0]) == toset([400, 403, 404, 405, 414, 416, 500, 501, 502, 503, 504])
    error_message = "No error is served from the cache: every code CloudFront would cache from the origin is kept for 0 s."
  }
  assert {
    condition     = length(aws_cloudfront_distribution.cdn[0].logging_config) == 0 && aws_cloudfront_distribution.cdn[0].price_class == "PriceClass_100" && aws_cloudfront_distribution.cdn[0].viewer_certificate[0].cloudfront_default_certificate
    error_message = "No access logs (they hold the query strings, i.e. the data), the cheapest price class, CloudFront's own certificate."
  }
  assert {
    # CloudFront API reference, ViewerCertificate: with CloudFrontDefaultCertificate true,
    # "CloudFront automatically sets the security policy to TLSv1 regardless of the value
    # that you set here". The plan says what AWS will apply.
    condition     = aws_cloudfront_distribution.cdn[0].viewer_certificate[0].minimum_protocol_version == "TLSv1" && aws_cloudfront_distribution.cdn[0].viewer_certificate[0].ssl_support_method == null
    error_message = "On CloudFront's own certificate the minimum protocol is TLSv1, which CloudFront forces: the plan must not claim TLS 1.2 there."
  }
  assert {
    condition     = output.api_endpoint == "https://${aws_cloudfront_distribution.cdn[0].domain_name}" && output.execute_api_endpoint == aws_apigatewayv2_api.http.api_endpoint && !coalesce(aws_apigatewayv2_api.http.disable_execute_api_endpoint, false)
    error_message = "Clients are pointed at the CDN; the execute-api endpoint stays, as its origin."
  }
}

# make rotate-origin-secret's first apply: the function accepts the new secret and the
# previous one, while CloudFront changes over to the new.
run "origin_secret_rotation" {
  variables {
    cdn_enabled            = true
    origin_secret_previous = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"
  }

  assert {
    condition     = nonsensitive(aws_lambda_function.qr.environment[0].variables.QR_ORIGIN_SECRET == "${terraform_data.origin_secret[0].output} 0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d")
    error_message = "The function accepts the new secret and the previous one, space-separated."
  }
}

run "origin_secret_rotation_while_pinned_is_refused" {
  command = plan

  variables {
    cdn_enabled            = true
    rollback_enabled       = true
    live_version           = "1"
    origin_secret_previous = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"
  }

  expect_failures = [aws_cloudfront_distribution.cdn, check.live_version_pinned]
}

run "cdn_with_domain" {
  # A deployment of its own, in another region than the certificate's.
  state_key = "eu-west-1"

  variables {
    region         = "eu-west-1"
    cdn_enabled    = true
    domain_name    = "qr.example.com"
    hosted_zone_id = "Z0EXAMPLE0000000000A"
  }

  override_data {
    target = data.aws_route53_zone.domain
    values = { name = "example.com" }
  }

  assert {
    condition     = aws_acm_certificate.domain[0].region == "us-east-1" && aws_acm_certificate_validation.domain[0].region == "us-east-1" && output.region == "eu-west-1"
    error_message = "The certificate is requested in us-east-1, the only region CloudFront takes certificates from, whatever the API's region."
  }
  assert {
    condition = (
      aws_cloudfront_distribution.cdn[0].aliases == toset(["qr.example.com"])
      && aws_cloudfront_distribution.cdn[0].viewer_certificate[0].acm_certificate_arn == aws_acm_certificate_validation.domain[0].certificate_arn
      && aws_cloudfront_distribution.cdn[0].viewer_certificate[0].ssl_support_method == "sni-only"
      && aws_cloudfront_distribution.cdn[0].viewer_certificate[0].minimum_protocol_version == "TLSv1.2_2021"
    )
    error_message = "The domain is on the distribution, with the validated certificate, SNI and TLS 1.2 at least."
  }
  assert {
    condition = length(aws_apigatewayv2_domain_name.api) == 0 && alltrue([for type in ["A", "AAAA"] : (
      aws_route53_record.domain[type].alias[0].name == aws_cloudfront_distribution.cdn[0].domain_name
      && aws_route53_record.domain[type].alias[0].zone_id == aws_cloudfront_distribution.cdn[0].hosted_zone_id
    )])
    error_message = "The domain's A and AAAA aliases point at the distribution; API Gateway gets no domain of its own."
  }
}

run "waf_on_the_cdn" {
  state_key = "eu-west-1"

  variables {
    region         = "eu-west-1"
    cdn_enabled    = true
    waf_rate_limit = 600
  }

  assert {
    condition     = aws_wafv2_web_acl.cdn[0].scope == "CLOUDFRONT" && aws_wafv2_web_acl.cdn[0].region == "us-east-1" && aws_cloudfront_distribution.cdn[0].web_acl_id == aws_wafv2_web_acl.cdn[0].arn
    error_message = "A CloudFront-scope web ACL, in us-east-1, attached to the distribution."
  }
  assert {
    # Native rule blocks, which the provider reads back and compares (rule_json has no drift
    # detection: hashicorp/terraform-provider-aws#43166).
    condition = (
      length(aws_wafv2_web_acl.cdn[0].rule) == 1 && aws_wafv2_web_acl.cdn[0].rule_json == null
      && one(aws_wafv2_web_acl.cdn[0].rule).statement[0].rate_based_statement[0].limit == 600
      && one(aws_wafv2_web_acl.cdn[0].rule).statement[0].rate_based_statement[0].evaluation_window_sec == 300
      && one(aws_wafv2_web_acl.cdn[0].rule).statement[0].rate_based_statement[0].aggregate_key_type == "IP"
      && length(one(aws_wafv2_web_acl.cdn[0].rule).statement[0].rate_based_statement[0].scope_down_statement) == 0
      && one(aws_wafv2_web_acl.cdn[0].rule).action[0].block[0].custom_response[0].response_code == 429
      && one(aws_wafv2_web_acl.cdn[0].rule).action[0].block[0].custom_response[0].custom_response_body_key == "rate-limited"
    )
    error_message = "One rate-based rule, as native rule blocks: waf_rate_limit per client IP per 5 minutes, answered 429."
  }
  assert {
    condition     = one(aws_wafv2_web_acl.cdn[0].rule).visibility_config[0].metric_name == "qr-tftest-edge-per-client-rate" && one(aws_wafv2_web_acl.cdn[0].rule).visibility_config[0].cloudwatch_metrics_enabled
    error_message = "The rule's requests are counted in CloudWatch under a name of its own."
  }
  assert {
    condition     = jsondecode(one(aws_wafv2_web_acl.cdn[0].custom_response_body).content).code == "rate_limited" && one(aws_wafv2_web_acl.cdn[0].custom_response_body).content_type == "APPLICATION_JSON"
    error_message = "The 429 carries a JSON body naming the problem."
  }
}

run "waf_without_the_cdn_is_refused" {
  command = plan

  variables {
    waf_rate_limit = 600
  }

  expect_failures = [aws_wafv2_web_acl.cdn]
}

run "domain_outside_the_zone_is_refused" {
  command = plan

  variables {
    domain_name    = "qr.example.org"
    hosted_zone_id = "Z0EXAMPLE0000000000A"
  }

  override_data {
    target = data.aws_route53_zone.domain
    values = { name = "example.com" }
  }

  expect_failures = [data.aws_route53_zone.domain]
}

run "a_zone_without_a_domain_is_refused" {
  command = plan

  variables {
    hosted_zone_id = "Z0EXAMPLE0000000000A"
  }

  override_data {
    target = data.aws_route53_zone.domain
    values = { name = "example.com" }
  }

  expect_failures = [terraform_data.edge_settings, data.aws_route53_zone.domain]
}

run "a_cdn_certificate_outside_us_east_1_is_refused" {
  command = plan

  variables {
    cdn_enabled     = true
    domain_name     = "qr.example.com"
    certificate_arn = "arn:aws:acm:eu-west-1:000000000000:certificate/01234567-89ab-cdef-0123-456789abcdef"
  }

  expect_failures = [terraform_data.edge_settings]
}

run "rollback_alias" {
  variables {
    rollback_enabled = true
  }

  assert {
    condition     = aws_lambda_function.qr.publish && aws_lambda_alias.live[0].name == "live" && aws_lambda_alias.live[0].function_version == aws_lambda_function.qr.version && aws_lambda_function.qr.version == "1"
    error_message = "Every change publishes a version; the live alias serves the newest."
  }
  assert {
    condition     = aws_apigatewayv2_integration.qr.integration_uri == aws_lambda_alias.live[0].invoke_arn && aws_lambda_permission.api_gateway.qualifier == "live"
    error_message = "The API invokes the alias, with the permission on the alias."
  }
  assert {
    condition     = output.live_version == "1" && output.latest_version == "1" && strcontains(output.invoke_command, "--qualifier live")
    error_message = "make outputs shows the live version, and the invoke command calls what the API calls."
  }
}

run "a_second_release" {
  variables {
    rollback_enabled      = true
    environment_variables = { RELEASE = "2" }
  }

  assert {
    condition     = output.live_version == "2" && output.latest_version == "2"
    error_message = "A change publishes version 2, and the alias follows it."
  }
}

# What make rollback does: pin the previous version (rollback.auto.tfvars.json).
run "pinned_by_rollback" {
  variables {
    rollback_enabled      = true
    environment_variables = { RELEASE = "2" }
    live_version          = "1"
  }

  assert {
    condition     = output.live_version == "1" && output.latest_version == "2"
    error_message = "The alias serves the pinned version; the newest stays published."
  }

  # Every plan says that the alias is pinned.
  expect_failures = [check.live_version_pinned]
}

run "a_pin_without_rollback_is_refused" {
  command = plan

  variables {
    live_version = "1"
  }

  expect_failures = [aws_lambda_function.qr, check.live_version_pinned]
}

run "dashboard" {
  variables {
    cdn_enabled       = true
    dashboard_enabled = true
  }

  assert {
    condition     = aws_cloudwatch_dashboard.qr[0].dashboard_name == "qr-tftest-edge" && length(jsondecode(aws_cloudwatch_dashboard.qr[0].dashboard_body).widgets) == 6
    error_message = "One dashboard: requests, errors, latency, duration, throttles, and the CDN."
  }
  assert {
    condition = contains(flatten([for widget in jsondecode(aws_cloudwatch_dashboard.qr[0].dashboard_body).widgets : [for metric in widget.properties.metrics : join(" ", [for part in metric : tostring(part) if can(tostring(part))])]]),
    "AWS/CloudFront Requests DistributionId ${aws_cloudfront_distribution.cdn[0].id} Region Global")
    error_message = "The CDN's requests are on the dashboard, beside the API's."
  }
  assert {
    condition     = output.dashboard_url == "https://${output.region}.console.aws.amazon.com/cloudwatch/home?region=${output.region}#dashboards/dashboard/qr-tftest-edge"
    error_message = "The outputs link the dashboard."
  }
}

# CloudFront's certificate and web ACL are pinned to us-east-1, a region of partition aws
# alone; AWS GovCloud (US) has no CloudFront inside its boundary (AWS GovCloud (US) User
# Guide, CloudFront "Credentials"). The partition is what the provider resolves, overridden.
run "a_cdn_outside_partition_aws_is_refused" {
  command = plan

  variables {
    cdn_enabled = true
  }

  override_data {
    target = data.aws_partition.current
    values = { partition = "aws-us-gov", dns_suffix = "amazonaws.com" }
  }

  expect_failures = [terraform_data.edge_settings]
}

run "a_waf_outside_partition_aws_is_refused" {
  command = plan

  variables {
    cdn_enabled    = true
    waf_rate_limit = 600
  }

  override_data {
    target = data.aws_partition.current
    values = { partition = "aws-cn", dns_suffix = "amazonaws.com.cn" }
  }

  expect_failures = [terraform_data.edge_settings]
}

run "the_plain_deployment_plans_in_partition_aws_us_gov" {
  command = plan

  override_data {
    target = data.aws_partition.current
    values = { partition = "aws-us-gov", dns_suffix = "amazonaws.com" }
  }

  assert {
    condition     = output.partition == "aws-us-gov"
    error_message = "Without the CDN and the WAF, nothing refuses another partition."
  }
}

# Each partition signs in at a console of its own ("AWS Management Console endpoints", AWS
# General Reference; AWS GovCloud (US) and the China regions have their own consoles).
run "dashboard_url_in_aws_us_gov" {
  command = plan

  variables {
    dashboard_enabled = true
  }

  override_data {
    target = data.aws_partition.current
    values = { partition = "aws-us-gov", dns_suffix = "amazonaws.com" }
  }

  assert {
    condition     = output.dashboard_url == "https://console.amazonaws-us-gov.com/cloudwatch/home?region=${output.region}#dashboards/dashboard/qr-tftest-edge"
    error_message = "In AWS GovCloud (US) the dashboard is on console.amazonaws-us-gov.com."
  }
}

run "dashboard_url_in_aws_cn" {
  command = plan

  variables {
    dashboard_enabled = true
  }

  override_data {
    target = data.aws_partition.current
    values = { partition = "aws-cn", dns_suffix = "amazonaws.com.cn" }
  }

  assert {
    condition     = output.dashboard_url == "https://console.amazonaws.cn/cloudwatch/home?region=${output.region}#dashboards/dashboard/qr-tftest-edge"
    error_message = "In the China regions the dashboard is on console.amazonaws.cn."
  }
}

run "no_dashboard_url_where_the_console_is_not_public" {
  command = plan

  variables {
    dashboard_enabled = true
  }

  override_data {
    target = data.aws_partition.current
    values = { partition = "aws-iso", dns_suffix = "c2s.ic.gov" }
  }

  assert {
    condition     = output.dashboard_url == null && aws_cloudwatch_dashboard.qr[0].dashboard_name == "qr-tftest-edge"
    error_message = "The dashboard is made, but no link to a console this deployment cannot name."
  }
}
