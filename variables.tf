variable "region" {
  type        = string
  description = "AWS region to deploy into; null leaves it to the provider (AWS_REGION, AWS_DEFAULT_REGION, the profile's region)."
  default     = null

  validation {
    # Every partition's names: us-east-1, ap-southeast-5, us-gov-west-1, cn-north-1,
    # us-isob-east-1, eusc-de-east-1 (the European Sovereign Cloud). At most 15 characters,
    # which the role name (function_name-region) relies on.
    condition     = var.region == null || can(regex("^[a-z]{2,4}(-[a-z]+)+-[0-9]+$", var.region)) && length(coalesce(var.region, "-")) <= 15
    error_message = "region must be null or an AWS region name such as us-east-1, eu-west-2, us-gov-west-1, cn-north-1 or eusc-de-east-1."
  }
}

variable "function_name" {
  type        = string
  description = "Name of the Lambda function; also names the HTTP API, the log groups and the IAM role (function_name-region)."
  default     = "qr-code-generator"

  validation {
    # 64 is Lambda's limit; the IAM role name adds "-" and the region (at most 15
    # characters) and must stay within IAM's 64.
    condition     = can(regex("^[A-Za-z0-9_-]{1,48}$", var.function_name))
    error_message = "function_name must be 1 to 48 letters, digits, hyphens or underscores (the IAM role adds the region to it, within IAM's 64)."
  }
}

variable "runtime" {
  type        = string
  description = "Lambda Node.js runtime. The bundle targets Node.js 20 and runs unchanged on nodejs22.x and nodejs24.x; the plan fails once AWS blocks the runtime (local.runtime_dates in main.tf) and warns 60 days before."
  default     = "nodejs24.x"

  validation {
    # nodejs20.x is accepted here only so that the plan can say why AWS refuses it.
    condition     = contains(["nodejs20.x", "nodejs22.x", "nodejs24.x"], var.runtime)
    error_message = "runtime must be nodejs24.x or nodejs22.x (nodejs20.x is blocked by AWS)."
  }
}

variable "memory_size" {
  type        = number
  description = "Memory for the function in MB; CPU is allotted in proportion (256 MB gets about 0.15 vCPU)."
  default     = 256

  validation {
    condition     = var.memory_size >= 128 && var.memory_size <= 10240 && floor(var.memory_size) == var.memory_size
    error_message = "memory_size must be a whole number of MB from 128 to 10240."
  }
}

variable "timeout" {
  type        = number
  description = "Function timeout in seconds. At most 30: API Gateway stops waiting for an integration after 30 s."
  default     = 10

  validation {
    condition     = var.timeout >= 1 && var.timeout <= 30 && floor(var.timeout) == var.timeout
    error_message = "timeout must be a whole number of seconds from 1 to 30."
  }
}

variable "reserved_concurrency" {
  type        = number
  description = "Reserved concurrent executions for the function; null reserves none. A reserved value fails on new accounts whose concurrency limit is 10, and 0 stops every invocation."
  default     = null

  validation {
    condition     = var.reserved_concurrency == null || try(var.reserved_concurrency >= 0 && floor(var.reserved_concurrency) == var.reserved_concurrency, false)
    error_message = "reserved_concurrency must be null or a whole number from 0."
  }
}

variable "environment_variables" {
  type        = map(string)
  description = "Extra environment variables for the function."
  default     = {}

  validation {
    # Lambda reserves the AWS_ prefix and a few runtime names for itself.
    condition = alltrue([
      for name in keys(var.environment_variables) :
      can(regex("^[A-Za-z][A-Za-z0-9_]*$", name)) && !startswith(name, "AWS_") && !contains(["LAMBDA_TASK_ROOT", "LAMBDA_RUNTIME_DIR", "_HANDLER", "TZ"], name)
    ])
    error_message = "environment_variables names must be letters, digits and underscores, and must not be reserved by Lambda (AWS_*, LAMBDA_TASK_ROOT, LAMBDA_RUNTIME_DIR, _HANDLER, TZ)."
  }
}

variable "log_retention_days" {
  type        = number
  description = "Days CloudWatch keeps the function's logs and the API's access logs (0 keeps them forever)."
  default     = 14

  validation {
    condition     = contains([0, 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.log_retention_days)
    error_message = "log_retention_days must be one of CloudWatch's values: 0, 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288 or 3653."
  }
}

variable "cors_allow_origins" {
  type        = list(string)
  description = "Origins allowed to call the API from a browser: [\"*\"] for any page, or exact origins such as \"https://example.com\"."
  default     = ["*"]

  validation {
    condition     = length(var.cors_allow_origins) > 0 && alltrue([for origin in var.cors_allow_origins : origin == "*" || can(regex("^https?://[^/*]+$", origin))])
    error_message = "cors_allow_origins must hold \"*\" or origins such as \"https://example.com\" (scheme and host, no path)."
  }
}

variable "throttling_rate_limit" {
  type        = number
  description = "Steady-state requests per second each route accepts before answering 429 (the stage's default route settings apply to every route separately: POST /generate, GET /generate, GET / and each dialect route may each take this much). Caps what abuse can cost; all callers share it."
  default     = 20

  validation {
    condition     = var.throttling_rate_limit > 0 && var.throttling_rate_limit <= 10000
    error_message = "throttling_rate_limit must be more than 0 and at most 10000 (the account default)."
  }
}

variable "throttling_burst_limit" {
  type        = number
  description = "Requests each route accepts in a burst above its rate limit (per route, like throttling_rate_limit)."
  default     = 40

  validation {
    condition     = var.throttling_burst_limit >= 1 && var.throttling_burst_limit <= 5000 && floor(var.throttling_burst_limit) == var.throttling_burst_limit
    error_message = "throttling_burst_limit must be a whole number from 1 to 5000 (the account default)."
  }
}

variable "tags" {
  type        = map(string)
  description = "Tags for every resource (the provider's default_tags)."
  default     = { Project = "qr-lambda" }

  validation {
    condition     = alltrue([for key in keys(var.tags) : !startswith(lower(key), "aws:")])
    error_message = "tags must not use the aws: prefix, which AWS reserves."
  }
}

variable "alarm_sns_topic_arn" {
  type        = string
  description = "SNS topic that CloudWatch alarms notify, on alarm and on recovery: function errors, the handler's unexpected failures (a metric filter on its ERROR log line), function throttles and API 5xx. It must be in the deployment's own region and partition. null creates no alarms."
  default     = null

  validation {
    condition     = var.alarm_sns_topic_arn == null || can(regex("^arn:aws[a-z-]*:sns:[a-z0-9-]+:[0-9]{12}:[A-Za-z0-9_-]{1,256}(\\.fifo)?$", var.alarm_sns_topic_arn))
    error_message = "alarm_sns_topic_arn must be null or an SNS topic ARN such as arn:aws:sns:us-east-1:123456789012:alerts (in the deployment's own region)."
  }
}

# --- Production edge (each off by default) ------------------------------------

variable "domain_name" {
  type        = string
  description = "Your own domain for the API, e.g. qr.example.com. null serves it at the execute-api (or CloudFront) address. With it, an ACM certificate is requested and validated by DNS; the API's execute-api endpoint is turned off unless the CDN needs it as its origin."
  default     = null

  validation {
    # A lower-case host name of at least two labels; no wildcard, no trailing dot.
    condition     = var.domain_name == null || can(regex("^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$", coalesce(var.domain_name, "-"))) && length(coalesce(var.domain_name, "-")) <= 253
    error_message = "domain_name must be null or a lower-case host name such as qr.example.com (no scheme, no path, no wildcard, no trailing dot)."
  }
}

variable "hosted_zone_id" {
  type        = string
  description = "Route 53 public hosted zone that holds domain_name. With it, the certificate's validation record and the domain's A and AAAA alias records are created there; null leaves them to you (output dns_records lists them)."
  default     = null

  validation {
    condition     = var.hosted_zone_id == null || can(regex("^Z[A-Z0-9]{1,31}$", coalesce(var.hosted_zone_id, "-")))
    error_message = "hosted_zone_id must be null or a Route 53 hosted zone id such as Z0123456789ABCDEFGHIJ."
  }
}

variable "certificate_arn" {
  type        = string
  description = "An issued ACM certificate for domain_name to use instead of requesting one: in the deployment's region, or in us-east-1 when cdn_enabled (CloudFront takes certificates only from there)."
  default     = null

  validation {
    condition     = var.certificate_arn == null || can(regex("^arn:aws[a-z-]*:acm:[a-z0-9-]+:[0-9]{12}:certificate/[0-9a-f-]{36}$", coalesce(var.certificate_arn, "-")))
    error_message = "certificate_arn must be null or an ACM certificate ARN such as arn:aws:acm:us-east-1:123456789012:certificate/01234567-89ab-cdef-0123-456789abcdef."
  }
}

variable "cdn_enabled" {
  type        = bool
  description = "Put a CloudFront distribution in front of the API: GET images cached at the edge by their full query string (a hit costs no API Gateway request and no invocation), SVG, JSON and HTML compressed, HTTPS only. The API's own endpoint then refuses requests that do not come through it. Without domain_name the distribution uses CloudFront's own certificate (*.cloudfront.net), for which CloudFront forces the minimum protocol version TLSv1 whatever is asked; with domain_name it is TLS 1.2 (TLSv1.2_2021). Partition aws only (the plan refuses it elsewhere): CloudFront's certificate and web ACL are in us-east-1."
  default     = false
}

variable "origin_secret_previous" {
  type        = string
  description = "Set by make rotate-origin-secret for its first apply only: the origin secret CloudFront sent until then, which the function keeps accepting beside the new one until every edge sends the new one. Leave it null."
  default     = null
  sensitive   = true

  validation {
    condition     = var.origin_secret_previous == null || can(regex("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", coalesce(var.origin_secret_previous, "-")))
    error_message = "origin_secret_previous must be null or the previous origin secret (a lower-case UUID); make rotate-origin-secret sets it."
  }
}

variable "cdn_price_class" {
  type        = string
  description = "Which CloudFront edge locations serve the API: PriceClass_100 (North America, Europe, Israel: the cheapest), PriceClass_200 (adds most of Asia, the Middle East and Africa) or PriceClass_All."
  default     = "PriceClass_100"

  validation {
    condition     = contains(["PriceClass_100", "PriceClass_200", "PriceClass_All"], var.cdn_price_class)
    error_message = "cdn_price_class must be PriceClass_100, PriceClass_200 or PriceClass_All."
  }
}

variable "waf_rate_limit" {
  type        = number
  description = "Requests each client IP may make in any 5 minutes before the CDN answers it 429, through a WAFv2 web ACL on the distribution. null creates no WAF (it costs about $6 a month and $0.60 per million requests). Needs cdn_enabled, and so partition aws (the web ACL is in us-east-1)."
  default     = null

  validation {
    # AWS WAF's bounds for a rate-based rule's limit.
    condition     = var.waf_rate_limit == null || try(var.waf_rate_limit >= 10 && var.waf_rate_limit <= 2000000000 && floor(var.waf_rate_limit) == var.waf_rate_limit, false)
    error_message = "waf_rate_limit must be null or a whole number of requests from 10 to 2000000000 (per client IP per 5 minutes)."
  }
}

variable "rollback_enabled" {
  type        = bool
  description = "Publish a version of the function on every change and route the API through an alias, live, that `make rollback` can move back to the previous version (and `make rollforward` to the newest). Versions are never pruned: they cost nothing, and count against Lambda's 75 GB of code storage per region (docs/production-edge.md)."
  default     = false
}

variable "live_version" {
  type        = string
  description = "The published version the live alias serves; null serves the newest. Set by `make rollback` (in rollback.auto.tfvars.json) and cleared by `make rollforward`, so plans keep a rollback instead of undoing it."
  default     = null

  validation {
    condition     = var.live_version == null || can(regex("^[1-9][0-9]*$", coalesce(var.live_version, "-")))
    error_message = "live_version must be null or a published version number such as \"3\"."
  }
}

variable "dashboard_enabled" {
  type        = bool
  description = "A CloudWatch dashboard of requests, 4xx and 5xx, latency p50 and p99, function duration and throttles, and the CDN's requests beside the API's when the CDN is on (the first three dashboards of an account are free)."
  default     = false
}
