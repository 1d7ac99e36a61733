/**
 * Every sentence the alerts service writes to a log, an answer or an error, in one place
 * (STYLE.md habit 5). None of them may contain the webhook URL: it can hold a token.
 */
export const messages = {
  duplicateMatchGroup: (group: string) =>
    `Vector matching is invalid: two series share the match group ${group} on one side`,
  durationInvalid: (duration: string) =>
    `Duration '${duration}' is invalid: use a PromQL duration such as 30s, 5m, 1h`,
  durationNotPositive: (ms: number) =>
    `Duration ${ms} ms is invalid: it must be a positive whole number of milliseconds`,
  durationTooShort: (minimum: string) => `must be at least ${minimum}`,
  templateUnsupported: (action: string) =>
    `Alert template action '{{ ${action} }}' is not supported: use $labels.<name> or $value with humanize, humanizePercentage or humanizeDuration`,
  targetsInvalid: (names: readonly string[]) =>
    `must be a comma-separated list of: ${names.join(', ')}`,
  scrapeStatus: (status: number) => `/metrics answered HTTP ${status}`,
  scrapeTimedOut: (timeoutMs: number) => `/metrics did not answer within ${timeoutMs} ms`,
  scrapeRefused: () => 'connection refused (is the component running?)',
  scrapeFailed: (code: string) => `/metrics could not be read (${code})`,
  webhookFailed: () => 'Webhook delivery failed; retrying with backoff',
  webhookRecovered: () => 'Webhook delivery succeeded after retries',
  webhookRefused: () => 'Webhook receiver refused the message (4xx); it is dropped',
  webhookQueueFull: (max: number) =>
    `Webhook queue is full (${max} messages): the oldest waiting message is dropped`,
  targetDown: (target: string) => `Target ${target} cannot be scraped`,
  targetUp: (target: string) => `Target ${target} answers again`,
  ruleFailed: (rule: string) =>
    `Rule ${rule} could not be evaluated; its alerts keep their state until it can`,
  alertResolved: (summary: string) => `Resolved: ${summary}`,
  internalError: () => 'internal error',
  methodNotAllowed: (method: string) =>
    `Method ${method} is not allowed: this service is read-only`,
  noRoute: (path: string) => `No route ${path}`,
  notEvaluatedYet: () => 'the rules have not been evaluated yet',
  evaluationLate: (ageMs: number) => `the last evaluation is ${Math.round(ageMs / 1000)} s old`,
  backupStatusInvalid: (reason: string) =>
    `The backup status file last-backup.json ${reason}; it counts as no successful backup`,
  undelivered: (count: number) => `Webhook messages not delivered before exit: ${count}`,
  collectFailed: (metric: string) => `Metric ${metric} could not be measured for this scrape`,
  roundFailed: () => 'An evaluation round failed; the next one runs as planned',
  selfScrapeFailed: () =>
    'The service cannot read its own /metrics: disk, memory and backup alerts cannot fire',
} as const;
