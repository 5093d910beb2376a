# The production edge, each part opt-in: a domain (with its certificate), a CDN in front of the
# API, and a WAF rate limit at the CDN. Without domain_name, cdn_enabled and waf_rate_limit,
# nothing here is created in AWS (edge_settings, below, is a check that lives only in the state).

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
  # nesting, from the provider's source (local/terraform/standin/schema/PROVENANCE.md).
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

# The production edge's combinations, checked when planning, before anything is created.
resource "terraform_data" "edge_settings" {
  # Like every resource that depends on nothing else: after the planned code's check.
  depends_on = [terraform_data.planned_code]

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
