/** Paths of the API description and its docs page, relative to the broker's public URL. */
export const OPENAPI_PATH = '/ngsi-ld/v1/openapi.json';
export const DOCS_PATH = '/ngsi-ld/v1/docs';
export const DOCS_ASSETS_PATH = `${DOCS_PATH}/assets`;

/**
 * Starts Swagger UI on the document named by the page. validatorUrl: null keeps Swagger UI from
 * sending the document to validator.swagger.io: the page makes no request off this broker.
 */
export const DOCS_INIT_SCRIPT = `'use strict';
(function () {
  var root = document.getElementById('swagger-ui');
  window.ui = SwaggerUIBundle({
    url: root.getAttribute('data-openapi-url'),
    dom_id: '#swagger-ui',
    validatorUrl: null,
    deepLinking: true,
    docExpansion: 'list',
    defaultModelsExpandDepth: 0,
    displayOperationId: true,
    presets: [SwaggerUIBundle.presets.apis],
    layout: 'BaseLayout'
  });
})();
`;

/**
 * The docs page: Swagger UI, loaded only from this broker. `basePath` is the path of the public
 * URL (empty unless the broker sits under a prefix behind a proxy), so links stay local.
 * @example docsPageHtml({ basePath: '' }) // '<!doctype html>…'
 */
export function docsPageHtml(options: { basePath: string }): string {
  const base = escapeHtml(options.basePath.replace(/\/+$/, ''));
  const assets = `${base}${DOCS_ASSETS_PATH}`;
  const spec = `${base}${OPENAPI_PATH}`;
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>LegoCity NGSI-LD broker API</title>
    <link rel="stylesheet" href="${assets}/swagger-ui.css">
  </head>
  <body>
    <noscript><p>This page needs JavaScript. The API description is at <a href="${spec}">openapi.json</a>.</p></noscript>
    <div id="swagger-ui" data-openapi-url="${spec}"></div>
    <script src="${assets}/swagger-ui-bundle.js"></script>
    <script src="${assets}/docs-init.js"></script>
  </body>
</html>
`;
}

/**
 * A Content-Security-Policy that lets the docs page load and call only this broker (and its
 * public URL, for "Try it out"): a browser refuses anything from elsewhere.
 * @example docsPageCsp('http://localhost:1026')
 */
export function docsPageCsp(serverUrl: string): string {
  const origin = originOf(serverUrl);
  return [
    "default-src 'none'",
    "script-src 'self'",
    // Swagger UI sets style attributes and uses data: URIs for its icons.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    `connect-src 'self'${origin ? ` ${origin}` : ''}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * The path part of the public URL, without a trailing slash ('' for a URL without a path).
 * @example basePathOf('https://city.example/broker/') // '/broker'
 */
export function basePathOf(serverUrl: string): string {
  try {
    return new URL(serverUrl).pathname.replace(/\/+$/, '');
  } catch {
    return '';
  }
}

function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
