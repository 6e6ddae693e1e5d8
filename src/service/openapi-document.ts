import { REQUEST_ENGINES, REQUEST_OPTION_SECTIONS } from './episode-request.js';

const error = { $ref: '#/components/schemas/Error' };
const errorResponse = (description: string) => ({ description, content: { 'application/json': { schema: error } } });
const idParameter = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };

/** The OpenAPI 3.1 description of the HTTP API, served at `/v1/openapi.json`. */
export function openApiDocument(): Record<string, unknown> {
  return {
    openapi: '3.1.0',
    info: { title: 'briefing service API', version: '1', description: 'Queue articles to be voiced as podcast episodes, follow the jobs, fetch the episodes.' },
    security: [{ bearer: [] }, { apiKey: [] }],
    paths: {
      '/v1/episodes': {
        post: {
          summary: 'Queue an episode build',
          parameters: [{ name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string', maxLength: 200 }, description: 'A retried post with the same key returns the same job.' }],
          requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/EpisodeRequest' } } } },
          responses: {
            '202': { description: 'Accepted: the job', content: { 'application/json': { schema: { $ref: '#/components/schemas/Job' } } } },
            '400': errorResponse('MALFORMED_JSON, INVALID_REQUEST, UNKNOWN_OPTION, OPTION_NOT_ALLOWED or UNSUPPORTED_URL'),
            '401': errorResponse('KEY_MISSING or KEY_INVALID'),
            '413': errorResponse('BODY_TOO_LARGE'),
            '415': errorResponse('UNSUPPORTED_MEDIA_TYPE'),
            '422': errorResponse('IDEMPOTENCY_KEY_REUSED: the key was used with another body; URL_NOT_ALLOWED: the url, feed or webhook leads to a private, loopback, link-local or other non-public address; WEBHOOKS_DISABLED: the server has no webhook secret'),
            '429': errorResponse('RATE_LIMITED (see Retry-After)'),
          },
        },
      },
      '/v1/jobs/{id}': {
        parameters: [idParameter],
        get: { summary: 'State, progress and error of a job', responses: { '200': { description: 'The job', content: { 'application/json': { schema: { $ref: '#/components/schemas/Job' } } } }, '404': errorResponse('JOB_NOT_FOUND') } },
        delete: { summary: 'Cancel a job', responses: { '202': { description: 'Cancelled (or being stopped)' }, '404': errorResponse('JOB_NOT_FOUND'), '409': errorResponse('JOB_FINISHED') } },
      },
      '/v1/episodes/{id}': {
        parameters: [idParameter],
        get: { summary: "The episode's manifest, with links to its files", responses: { '200': { description: 'The manifest and `links`' }, '404': errorResponse('JOB_NOT_FOUND, or EPISODE_NOT_FOUND when its files are no longer in the store'), '409': errorResponse('EPISODE_NOT_READY') } },
      },
      '/v1/episodes/{id}/{file}': {
        parameters: [idParameter, { name: 'file', in: 'path', required: true, schema: { type: 'string' } }],
        get: { summary: 'A file of the episode (byte ranges supported)', responses: { '200': { description: 'The file' }, '206': { description: 'A range of it' }, '404': errorResponse('NOT_FOUND') } },
      },
      '/v1/webhook-secret': {
        get: {
          summary: "The secret that signs this key's webhooks",
          description: 'HMAC-SHA256 key of the X-Briefing-Signature header of every webhook of the jobs posted with this API key.',
          responses: {
            '200': { description: 'The secret', content: { 'application/json': { schema: { type: 'object', properties: { secret: { type: 'string' }, algorithm: { type: 'string' }, signatureHeader: { type: 'string' }, timestampHeader: { type: 'string' } } } } } },
            '404': errorResponse('WEBHOOKS_DISABLED: the server has no webhook secret'),
          },
        },
      },
      '/healthz': { get: { security: [], summary: 'Liveness and Redis reachability', responses: { '200': { description: 'ok' }, '503': { description: 'Redis unreachable' } } } },
      '/metrics': { get: { security: [], summary: 'Prometheus metrics', responses: { '200': { description: 'text/plain exposition format' } } } },
    },
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer' },
        apiKey: { type: 'apiKey', in: 'header', name: 'X-Api-Key' },
      },
      schemas: {
        Error: { type: 'object', required: ['error'], properties: { error: { type: 'object', required: ['code', 'message'], properties: { code: { type: 'string' }, message: { type: 'string' } } } } },
        EpisodeRequest: {
          type: 'object',
          additionalProperties: false,
          description: 'Exactly one of text, markdown, html, url or feed.',
          properties: {
            text: { type: 'string' },
            markdown: { type: 'string' },
            html: { type: 'string' },
            url: { type: 'string', format: 'uri', description: 'A public http(s) address (no private, loopback or link-local host, also after redirects).' },
            feed: { type: 'string', format: 'uri', description: 'A public http(s) address of an RSS or Atom feed.' },
            title: { type: 'string' },
            description: { type: 'string' },
            webhook: { type: 'string', format: 'uri', description: 'Told when the job ends; signed with HMAC-SHA256 (X-Briefing-Signature over "<X-Briefing-Timestamp>.<body>") keyed with the secret of GET /v1/webhook-secret. Must be a public address.' },
            options: {
              type: 'object',
              description: `Sections of briefing.config.json: ${REQUEST_OPTION_SECTIONS.join(', ')}. Engines: ${REQUEST_ENGINES.join(', ')}.`,
              propertyNames: { enum: [...REQUEST_OPTION_SECTIONS] },
            },
          },
        },
        Job: {
          type: 'object',
          properties: {
            id: { type: 'string' },
            state: { type: 'string', enum: ['waiting', 'active', 'delayed', 'completed', 'failed', 'cancelled', 'unknown'] },
            progress: {},
            attempts: { type: 'integer' },
            error: { type: 'object', properties: { code: { type: 'string' }, message: { type: 'string' } } },
            episode: { type: 'string' },
          },
        },
      },
    },
  };
}
